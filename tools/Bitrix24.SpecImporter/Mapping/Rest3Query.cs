using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The queries of a REST 3.0 method over its item type (the type its result holds in <c>item</c> or <c>items</c>):
/// <list type="bullet">
/// <item>a list with an <c>items</c> result and a <c>pagination</c> parameter that takes a <c>page</c> number pages by
/// page (<c>paging: page</c>); one whose pagination takes a cursor or a limit only does not;</item>
/// <item>its <c>filter</c> array parameter becomes <c>type: filter</c> over the item type when the page names the
/// fields a filter may use (listed under the parameter, "filtering by the `id` field is supported", or "similar to
/// those in `select`"), and those properties of the item type are marked <c>filterable</c> in every spec declaring
/// it; a page that names none leaves the filter as it was;</item>
/// <item>a <c>select</c> array parameter whose documented values are all fields of the item type becomes
/// <c>type: select</c> over it.</item>
/// </list>
/// Decided on the refined specs, after <see cref="Rest3ItemSharing"/>; corrections come after.
/// </summary>
internal static partial class Rest3Query
{
    /// <summary>What the rule did, for the report.</summary>
    public sealed record Counts(int PagePaging, int Filters, int Selects, int FiltersWithoutFields);

    /// <summary>The fields the page says the <c>filter</c> parameter may name; empty when it names none.</summary>
    public static ImmutableArray<string> FilterFields(IReadOnlyList<FieldRow> parameters)
    {
        if (parameters.FirstOrDefault(row => row.Name == "filter") is not { } filter)
        {
            return [];
        }

        var text = filter.Description.Text;
        var fields = FieldFacts.Values(filter.Description).Where(IsFieldName).ToList();
        foreach (Match sentence in FilteringBy().Matches(text))
        {
            fields.AddRange(Inline.CodeSpans(sentence.Value).Where(IsFieldName));
        }

        if (SameAsSelect().IsMatch(text) && parameters.FirstOrDefault(row => row.Name == "select") is { } select)
        {
            fields.AddRange(FieldFacts.Values(select.Description).Where(IsFieldName));
        }

        return [.. fields.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether the <c>select</c> parameter's description links the page of fields the result's item row links: the
    /// fields it lists are the item's ("[List of fields with related objects](./fields-rest-v3.md)").
    /// </summary>
    public static bool SelectOverItemPage(IReadOnlyList<FieldRow> parameters, ImmutableArray<YfmBlock> response, TableSite site)
    {
        if (parameters.FirstOrDefault(row => row.Name == "select") is not { } select || TypeMapping.LinkedPage(select, site) is not { } page)
        {
            return false;
        }

        return response.OfType<YfmTable>().Where(FieldRow.IsFieldTable).SelectMany(table => FieldRow.Read(table))
            .Where(row => row.Name is "item" or "items" or "items[]")
            .Any(row => TypeMapping.LinkedPage(row, site) == page);
    }

    /// <summary>Whether the <c>pagination</c> parameter takes a page number, as its row or its table says.</summary>
    public static bool PaginationByPage(IReadOnlyList<FieldRow> parameters, EquatableArray<PropertyModel> mapped, IEnumerable<TypeModel> types)
    {
        if (parameters.FirstOrDefault(row => row.Name == "pagination") is not { } row)
        {
            return false;
        }

        if (Inline.CodeSpans(row.Description.Text).Contains("page", StringComparer.Ordinal))
        {
            return true;
        }

        var type = mapped.FirstOrDefault(parameter => parameter.WireName == "pagination")?.Type;
        return type is { Kind: WireKind.Named } && types.FirstOrDefault(declared => declared.Name == type.Name) is { } table
            && table.Properties.Any(property => property.WireName == "page");
    }

    /// <summary>The methods with their queries typed, and what changed.</summary>
    public static (IReadOnlyList<MethodModel> Methods, Counts Counts) Apply(IReadOnlyList<MethodModel> methods, Func<int, ImmutableArray<string>> filterFields, Func<int, bool> selectOverItemPage, Func<int, bool> paginationByPage)
    {
        var result = methods.ToList();
        var marks = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int paged = 0, filters = 0, selects = 0, bare = 0;
        for (var i = 0; i < result.Count; i++)
        {
            var method = result[i];
            if (method.Api != MethodApi.V3)
            {
                continue;
            }

            // A list pages by pagination whether or not the page describes its items.
            var list = IsList(method);
            if (list && !method.Paged && paginationByPage(i) && method.Parameters.Any(parameter => parameter.WireName == "pagination"))
            {
                method = method with { Paged = true, Paging = MethodPaging.Page, PageItems = null };
                result[i] = method;
                paged++;
            }

            if (Rest3ItemSharing.ItemTypeName(method) is not { } itemName)
            {
                continue;
            }

            var item = method.Types.First(type => type.Name == itemName);
            var fields = item.Properties.Select(property => property.WireName).ToHashSet(StringComparer.Ordinal);

            var itemRef = new TypeRef(WireKind.Named, itemName, null, null);
            var parameters = method.Parameters.ToList();
            for (var p = 0; p < parameters.Count; p++)
            {
                var parameter = parameters[p];
                if (parameter.WireName == "filter" && list && IsArray(parameter.Type))
                {
                    var named = filterFields(i).Where(fields.Contains).ToList();
                    if (named.Count == 0)
                    {
                        bare++;
                        continue;
                    }

                    (marks.TryGetValue(itemName, out var set) ? set : marks[itemName] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(named);
                    parameters[p] = parameter with { Type = new TypeRef(WireKind.Filter, null, itemRef, null), Values = EquatableArray<ValueModel>.Empty };
                    filters++;
                }
                else if (parameter.WireName == "select" && IsArray(parameter.Type)
                    && (parameter.Values.IsEmpty ? selectOverItemPage(i) : parameter.Values.All(value => fields.Contains(value.Value.Split('.')[0]))))
                {
                    parameters[p] = parameter with { Type = new TypeRef(WireKind.Select, null, itemRef, null), Values = EquatableArray<ValueModel>.Empty };
                    selects++;
                }
            }

            result[i] = method with { Parameters = new(parameters) };
        }

        // The marks go on every declaration of the item type, so that the specs sharing it declare it alike.
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Types.Any(type => marks.ContainsKey(type.Name)))
            {
                result[i] = result[i] with
                {
                    Types = new(result[i].Types.Select(type => marks.TryGetValue(type.Name, out var named)
                        ? type with { Properties = new(type.Properties.Select(property => named.Contains(property.WireName) ? property with { Filterable = true } : property)) }
                        : type)),
                };
            }
        }

        return (result, new Counts(paged, filters, selects, bare));
    }

    /// <summary>Whether the result is an object whose items is a list.</summary>
    public static bool IsList(MethodModel method) =>
        method.Types.FirstOrDefault(type => type.Name == method.Result.Type.Name) is { } holder
        && holder.Properties.Any(property => property.WireName == "items" && property.Type.Kind == WireKind.Array);

    private static bool IsArray(TypeRef type) => type.Kind == WireKind.Array && type.Items!.Kind is WireKind.Json or WireKind.String;

    private static bool IsFieldName(string text) => FieldName().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex FieldName();

    // "In REST 3.0, filtering by the `id` field is supported for tasks."
    [GeneratedRegex(@"[^.\n]*filtering by (the )?`[^`]+`[^.\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex FilteringBy();

    // "Available fields are similar to those in `select`."
    [GeneratedRegex(@"(similar to|same as) (those )?(in )?`select`", RegexOptions.IgnoreCase)]
    private static partial Regex SameAsSelect();
}
