using System;
using System.Linq;
using System.Text.Json;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A list method whose documented answer carries the envelope's <c>total</c> or <c>next</c> pages with <c>start</c>,
/// as every Bitrix24 list does, even when its parameter table leaves <c>start</c> out: the parameter is added, so the
/// paging rules that follow can give the method its walk.
/// </summary>
internal static class StartParameterRule
{
    private static readonly string[] ListVerbs = ["list", "getlist", "search"];

    /// <summary>The spec with an optional integer <c>start</c> when it qualifies, else as it was.</summary>
    public static MethodModel Apply(MethodModel method)
    {
        var verb = method.Name[(method.Name.LastIndexOf('.') + 1)..];
        if (!ListVerbs.Contains(verb, StringComparer.OrdinalIgnoreCase)
            || method.Parameters.Any(parameter => parameter.WireName.Equals("start", StringComparison.OrdinalIgnoreCase))
            || !method.Examples.Any(PagedAnswer))
        {
            return method;
        }

        var start = new PropertyModel("start", "Start", TypeRef.Of(WireKind.Integer), false, "Offset of the page to read: 0, then the answer's next.", null, null, default);
        return method with { Parameters = new(method.Parameters.Append(start)) };
    }

    private static bool PagedAnswer(ExampleModel example)
    {
        if (example.Status >= 300 || example.Response is null)
        {
            return false;
        }

        using var answer = JsonDocument.Parse(example.Response);
        return answer.RootElement.ValueKind == JsonValueKind.Object
            && answer.RootElement.TryGetProperty("result", out _)
            && (answer.RootElement.TryGetProperty("total", out _) || answer.RootElement.TryGetProperty("next", out _));
    }
}
