using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Pages;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A returned-data table that lists the result's fields right after a bare <c>result</c> row (typed <c>object</c>
/// or <c>array</c>, with no table of its own), as the disk pages do: those rows are the fields of one object, the
/// result is that object or a list of them.
/// </summary>
internal static class FlatResult
{
    // Rows of the envelope, not of the result.
    private static readonly HashSet<string> EnvelopeRows = new(StringComparer.OrdinalIgnoreCase) { "result", "time", "total", "next" };

    /// <summary>
    /// The result type when the table is flat, else null. <paramref name="mapped"/> is what the <c>result</c> row
    /// mapped to on its own: only raw JSON (or a list of it) means the row has no table of its own.
    /// </summary>
    public static TypeRef? Type(IReadOnlyList<FieldRow> rows, FieldRow result, TypeRef mapped, JsonElement? answer, TypeMapping types, TableSite site, string name)
    {
        var fields = rows.Where(row => !EnvelopeRows.Contains(row.Name)).ToList();
        var declared = DocType.Parse(result.Type);
        if (fields.Count == 0 || declared is null || !IsRaw(mapped)
            || !(declared.Name.Equals("object", StringComparison.OrdinalIgnoreCase) || declared.Name.Equals("array", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var item = types.Declare(name, fields, site);
        var list = answer is { } json && json.TryGetProperty("result", out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? value.ValueKind == JsonValueKind.Array
            : declared.IsList || declared.Name.Equals("array", StringComparison.OrdinalIgnoreCase);
        return list ? new TypeRef(WireKind.Array, null, item, null) : item;
    }

    private static bool IsRaw(TypeRef type) =>
        type.Kind == WireKind.Json || type.Kind == WireKind.Array && type.Items!.Kind == WireKind.Json;
}
