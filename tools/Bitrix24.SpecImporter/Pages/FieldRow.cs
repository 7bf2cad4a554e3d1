using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Pages;

/// <summary>
/// One row of a parameter or field table: <c>|| **name*** `type` | description ||</c>. The name is the wire
/// name; the star marks a required parameter; the type is the code span of the first cell, with its link target
/// when it links to a structure.
/// </summary>
internal sealed partial record FieldRow(int Line, string Name, bool Required, string? Type, string? TypeLink, YfmCell Description)
{
    /// <summary>The field rows of a table with a name column first and a description column last; the header row is skipped.</summary>
    public static ImmutableArray<FieldRow> Read(YfmTable table)
    {
        var rows = ImmutableArray.CreateBuilder<FieldRow>();
        foreach (var row in table.Rows.Skip(1))
        {
            if (row.Cells.Length >= 2 && Parse(row) is { } field)
            {
                rows.Add(field);
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>Whether a table's header reads as name, type and description.</summary>
    public static bool IsFieldTable(YfmTable table) =>
        table.Rows.Length > 0 && table.Rows[0].Cells.Length >= 2
        && Inline.Plain(table.Rows[0].Cells[0].Text) is var header
        && (header.StartsWith("Name", StringComparison.OrdinalIgnoreCase)
            || header.StartsWith("Field", StringComparison.OrdinalIgnoreCase)
            || header.StartsWith("Parameter", StringComparison.OrdinalIgnoreCase));

    private static FieldRow? Parse(YfmRow row)
    {
        var cell = row.Cells[0].Text;
        var name = NamePattern().Match(cell);
        if (!name.Success)
        {
            return null;
        }

        var wire = name.Groups[1].Value.Trim().Replace("\\_", "_", StringComparison.Ordinal);
        var required = name.Groups[2].Value.Contains('*', StringComparison.Ordinal);
        var rest = cell[(name.Index + name.Length)..];
        var link = Inline.CodeLink(rest);
        var type = link?.Label ?? Inline.CodeSpans(rest).FirstOrDefault();
        return new FieldRow(row.Line, wire, required, type?.Trim(), link?.Target, row.Cells[^1]);
    }

    [GeneratedRegex(@"\*\*([^*]+)\*\*(\s*\\?\*)?")]
    private static partial Regex NamePattern();
}
