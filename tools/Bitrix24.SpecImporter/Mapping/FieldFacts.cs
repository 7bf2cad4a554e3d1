using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The facts a description cell states besides prose: the allowed values it lists (<c>- `Y` — yes</c>) and
/// the default it names (<c>By default `N`</c>). Only the values and the default carry over, not the wording.
/// </summary>
internal static partial class FieldFacts
{
    /// <summary>The values a cell lists, each a code span opening a list item and followed by a dash.</summary>
    public static ImmutableArray<string> Values(YfmCell cell)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (Match match in ValueItem().Matches(cell.Text))
        {
            var value = match.Groups[1].Value.Trim().Trim('\'', '"');
            if (value.Length > 0 && value.Length <= 64 && !values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }

    /// <summary>Whether the listed values are exactly <c>Y</c> and <c>N</c>.</summary>
    public static bool IsYesNo(ImmutableArray<string> values) =>
        values.Length == 2 && values.Contains("Y") && values.Contains("N");

    /// <summary>The default a cell names, or null.</summary>
    public static string? Default(YfmCell cell)
    {
        var match = DefaultValue().Match(cell.Text);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>The values as the spec documents them, without descriptions (those would be the docs' words).</summary>
    public static EquatableArray<ValueModel> AsValues(ImmutableArray<string> values) =>
        new(values.Select(value => new ValueModel(value, null)));

    /// <summary>The link targets a cell names, for finding the table that describes a structure.</summary>
    public static IEnumerable<string> Links(YfmCell cell) => Inline.LinkTargets(cell.Text);

    [GeneratedRegex(@"^\s*[-*]\s+`([^`]+)`\s*(?:—|–|-|:)", RegexOptions.Multiline)]
    private static partial Regex ValueItem();

    [GeneratedRegex(@"[Bb]y default[,:]?\s*(?:—\s*|is\s+|it is\s+)?`([^`]+)`")]
    private static partial Regex DefaultValue();
}
