using System;
using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// The fast walk of a big list (<c>fastPaging</c>): a paged method whose items have an integer <c>ID</c> and that
/// takes a <c>filter</c> map can be walked by id with <c>start=-1</c>; an <c>order</c> map of directions, when
/// there is one, sorts by id. Decided on the refined spec, so that it names only what the spec really has;
/// corrections come after and have the last word.
/// </summary>
internal static class FastPagingRule
{
    /// <summary>The spec with <c>fastPaging</c> when it qualifies, else as it was.</summary>
    /// <param name="method">The method.</param>
    /// <param name="declared">Finds a type another spec declares, for items of such a type.</param>
    public static MethodModel Apply(MethodModel method, Func<string, TypeModel?>? declared = null)
    {
        if (!method.Paged || method.FastPaging is not null || method.Result.Type.Items is not { Kind: WireKind.Named } items)
        {
            return method;
        }

        var item = method.Types.FirstOrDefault(type => type.Name == items.Name) ?? declared?.Invoke(items.Name!);
        var hasId = item is { Kind: TypeKind.Object }
            && item.Properties.Any(property => property.WireName == "ID" && property.Type.Kind is WireKind.Integer or WireKind.IntegerString);
        var filter = method.Parameters.FirstOrDefault(parameter => IsMap(parameter, "filter", WireKind.String, WireKind.Json));
        if (!hasId || filter is null)
        {
            return method;
        }

        var order = method.Parameters.FirstOrDefault(parameter => IsMap(parameter, "order", WireKind.String));
        return method with { FastPaging = new FastPagingModel("ID", filter.WireName, order?.WireName) };
    }

    private static bool IsMap(PropertyModel parameter, string name, params WireKind[] values) =>
        parameter.WireName.Equals(name, StringComparison.OrdinalIgnoreCase)
        && parameter.Type is { Kind: WireKind.Map, KeyType: null, Items: { } value } && values.Contains(value.Kind);
}
