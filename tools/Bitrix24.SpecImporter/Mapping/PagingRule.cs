using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary><c>paging: start</c> for a method whose result is a list and that takes an integer <c>start</c>.</summary>
internal static class PagingRule
{
    /// <summary>The spec with paging when it qualifies, else as it was.</summary>
    public static MethodModel Apply(MethodModel method) =>
        !method.Paged && method.Result.Type.Kind == WireKind.Array
        && method.Parameters.Any(parameter => parameter.WireName == "start" && parameter.Type.Kind is WireKind.Integer or WireKind.IntegerString)
            ? method with { Paged = true }
            : method;
}
