using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A list whose answer wraps the page in an object (<c>{"items": [...]}</c>, <c>{"tasks": [...]}</c>) and that takes
/// <c>start</c> pages like any other: <c>paging: start</c> with <c>pageItems</c> naming the list, when the result
/// object has exactly one list property. Decided on the refined spec; corrections come after.
/// </summary>
internal static class PageItemsRule
{
    /// <summary>The spec with paging over its wrapped list when it qualifies, else as it was.</summary>
    public static MethodModel Apply(MethodModel method)
    {
        if (method.Paged || method.Result.Type is not { Kind: WireKind.Named } result
            || !method.Parameters.Any(parameter => parameter.WireName == "start" && parameter.Type.Kind is WireKind.Integer or WireKind.IntegerString))
        {
            return method;
        }

        var wrapper = method.Types.FirstOrDefault(type => type.Name == result.Name && type.Kind == TypeKind.Object);
        var lists = wrapper?.Properties.Where(property => property.Type.Kind == WireKind.Array).ToList();
        return lists is [var list]
            ? method with { Paged = true, PageItems = new PageItemsModel(list.WireName) }
            : method;
    }
}
