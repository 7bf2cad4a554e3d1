using System;
using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A list whose items the docs leave raw lists what its get method of the same scope returns: <c>crm.lead.list</c>,
/// whose table says only "an array of objects", yields the <c>CrmLeadGetLead</c> of <c>crm.lead.get</c>. The items
/// are typed, and a list of objects with an <c>ID</c> can then be walked the fast way.
/// </summary>
internal static class SiblingItemsRule
{
    private const string List = ".list";

    /// <summary>The list with typed items when its get method returns an object type, else as it was.</summary>
    /// <param name="method">The method.</param>
    /// <param name="find">Finds another imported method by name.</param>
    public static MethodModel Apply(MethodModel method, Func<string, MethodModel?> find)
    {
        if (!method.Name.EndsWith(List, StringComparison.Ordinal) || method.Result.Type is not { Kind: WireKind.Array, Items.Kind: WireKind.Json }
            || find(method.Name[..^List.Length] + ".get") is not { Result.Type: { Kind: WireKind.Named } item } get
            || get.Scope != method.Scope
            || !get.Types.Any(type => type.Name == item.Name && type.Kind == TypeKind.Object))
        {
            return method;
        }

        return method with { Result = method.Result with { Type = method.Result.Type with { Items = item } } };
    }
}
