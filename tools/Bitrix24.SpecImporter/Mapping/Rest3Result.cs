using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Pages;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The result of a REST 3.0 method as its one envelope holds it: <c>result.item</c> (one object),
/// <c>result.items</c> (a list of them) or <c>result.result</c> (true or false). The pages list it flat: a
/// <c>result</c> row, an <c>item</c> (or <c>items</c>, <c>items[]</c>) row typed object or array with no table of
/// its own, then the item's fields. The result becomes an object holding <c>item</c> or <c>items</c>, of an item type
/// declared from those fields; a field the documented answer shows beside the item, not in it, stays on the result
/// object. A second <c>result</c> row typed boolean is <c>result.result</c>, as is a lone boolean <c>result</c> row
/// whose documented answer is <c>{"result": {"result": true}}</c>. The item type is named per method
/// (<c>NoteDocumentAddItem</c>); <see cref="Rest3ItemSharing"/> gives one entity's items one name across methods.
/// </summary>
internal static class Rest3Result
{
    /// <summary>The suffix of a per-method item type, which the sharing pass looks for.</summary>
    public const string ItemSuffix = "Item";

    // Rows of the envelope, not of the result.
    private static readonly HashSet<string> EnvelopeRows = new(StringComparer.OrdinalIgnoreCase) { "result", "time", "total", "next" };

    /// <summary>The result type for a flat REST 3.0 result table, else null (the table is mapped as any other).</summary>
    public static TypeRef? Type(IReadOnlyList<FieldRow> rows, JsonElement? answer, TypeMapping types, TableSite site, string prefix)
    {
        var resultName = prefix + "Result";
        var fields = rows.Where(row => !EnvelopeRows.Contains(row.Name)).ToList();
        if (fields.Count == 0)
        {
            // result.result: a second result row of type boolean, or an answer that shows it under a boolean result row.
            if (rows.Where(row => row.Name == "result").Skip(1).FirstOrDefault() is { } inner && DocType.Parse(inner.Type)?.Name == "boolean")
            {
                types.Add(new TypeModel(resultName, TypeKind.Object, types.Scope, null, types.Properties([inner], site, resultName, 1), default, default, default));
                return Named(resultName);
            }

            if (rows.FirstOrDefault(row => row.Name == "result") is { } outer && DocType.Parse(outer.Type)?.Name == "boolean" && IsResultResult(answer))
            {
                var flag = new PropertyModel("result", "Result", TypeRef.Of(WireKind.Boolean), false, null, null, null, default);
                types.Add(new TypeModel(resultName, TypeKind.Object, types.Scope, null, new([flag]), default, default, default));
                return Named(resultName);
            }

            return null;
        }

        var key = fields[0];
        var list = key.Name == "items";
        if (!(key.Name == "item" || list) || !IsBareStructure(key, types, site, prefix))
        {
            return null;
        }

        var rest = fields.Skip(1).Where(row => row.Name != "items[]").ToList();
        if (rest.Count == 0)
        {
            // No fields listed: the item is the object a table elsewhere describes, which the row (or items[]) links,
            // by anchor or as the first object of a page of fields ("described in").
            var described = rows.FirstOrDefault(row => row.Name == "items[]") ?? key;
            var linked = types.Type(described with { Type = "object" }, [], site, prefix + "Result", 1) is { Kind: WireKind.Named } anchored ? anchored : types.Linked(described, site);
            return linked is null ? null : Holder(key, list, linked, [], types, resultName);
        }

        // The answer tells the item's fields from the result's own; without it every row is the item's.
        var (itemKeys, resultKeys) = Keys(answer, key.Name);
        var beside = rest.Where(row => resultKeys.Contains(row.Name) && !itemKeys.Contains(row.Name)).ToList();
        var itemRows = rest.Except(beside).ToList();
        if (itemRows.Count == 0)
        {
            return null;
        }

        var item = types.Declare(prefix + ItemSuffix, itemRows, site);
        return Holder(key, list, item, types.Properties(beside, site, resultName, 1), types, resultName);
    }

    // The result object: item (or items) of the item type, then the fields beside it.
    private static TypeRef Holder(FieldRow key, bool list, TypeRef item, EquatableArray<PropertyModel> others, TypeMapping types, string resultName)
    {
        var holder = new PropertyModel(key.Name, Names.ToPascalCase(key.Name), list ? new TypeRef(WireKind.Array, null, item, null) : item, false, Descriptions.Property(key), null, null, default);
        types.Add(new TypeModel(resultName, TypeKind.Object, types.Scope, null, new([holder, .. others]), default, default, default));
        return Named(resultName);
    }

    // An answer whose result is {"result": true} (or false).
    private static bool IsResultResult(JsonElement? answer) =>
        answer is { } json && json.TryGetProperty("result", out var value) && value.ValueKind == JsonValueKind.Object
        && value.EnumerateObject().ToList() is [{ Name: "result", Value.ValueKind: JsonValueKind.True or JsonValueKind.False }];

    private static TypeRef Named(string name) => new(WireKind.Named, name, null, null);

    // An object or array row that no table of its own describes.
    private static bool IsBareStructure(FieldRow row, TypeMapping types, TableSite site, string prefix)
    {
        if (DocType.Parse(row.Type) is not { } declared || !(declared.Name is "object" or "array" || declared.IsList))
        {
            return false;
        }

        var mapped = types.Type(row, FieldFacts.Values(row.Description), site, prefix + "Result", 1);
        return mapped.Kind == WireKind.Json || mapped.Kind == WireKind.Array && mapped.Items!.Kind == WireKind.Json;
    }

    // The keys of the answer's item (the first of a list) and of its result object.
    private static (HashSet<string> Item, HashSet<string> Result) Keys(JsonElement? answer, string key)
    {
        var item = new HashSet<string>(StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (answer is { } json && json.TryGetProperty("result", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            result.UnionWith(value.EnumerateObject().Select(property => property.Name));
            if (value.TryGetProperty(key, out var held))
            {
                var first = held.ValueKind == JsonValueKind.Array ? held.EnumerateArray().FirstOrDefault(element => element.ValueKind == JsonValueKind.Object) : held;
                if (first.ValueKind == JsonValueKind.Object)
                {
                    item.UnionWith(first.EnumerateObject().Select(property => property.Name));
                }
            }
        }

        return (item, result);
    }
}
