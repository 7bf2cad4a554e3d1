using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// A list whose answer wraps the page in an object (<c>{"items": [...]}</c>, <c>{"tasks": [...]}</c>) and that takes
/// <c>start</c> pages like any other: <c>paging: start</c> with <c>pageItems</c> naming the list. The list is the one
/// list property of the result object, or its one raw-JSON property that every documented answer sends as a list;
/// a result the docs leave raw that every answer sends as such an object gets a type of that one list. Decided on
/// the refined spec; corrections come after.
/// </summary>
internal static class PageItemsRule
{
    private static readonly TypeRef RawList = new(WireKind.Array, null, TypeRef.Of(WireKind.Json), null);

    /// <summary>The spec with paging over its wrapped list when it qualifies, else as it was.</summary>
    public static MethodModel Apply(MethodModel method)
    {
        if (method.Paged || !method.Parameters.Any(parameter => parameter.WireName == "start" && parameter.Type.Kind is WireKind.Integer or WireKind.IntegerString))
        {
            return method;
        }

        var answers = Answers(method).ToList();
        switch (method.Result.Type.Kind)
        {
            case WireKind.Named:
                return Wrapped(method, answers);
            case WireKind.Json when answers.Count > 0 && answers.All(answer => answer.ValueKind == JsonValueKind.Array):
                // A raw result that every answer sends as a list is a list of raw JSON.
                return method with { Result = method.Result with { Type = RawList }, Paged = true };
            case WireKind.Json when answers.Count > 0 && ListKey(answers) is { } key:
                var name = Names.MethodTypePrefix(method) + "Page";
                if (method.Types.Any(type => type.Name == name))
                {
                    return method;
                }

                var page = new TypeModel(name, TypeKind.Object, method.Scope, null, new([new PropertyModel(key, Names.ToPascalCase(key), RawList, false, null, null, null, default)]), default, default, default);
                return method with
                {
                    Result = method.Result with { Type = new TypeRef(WireKind.Named, name, null, null) },
                    Types = new(method.Types.Append(page)),
                    Paged = true,
                    PageItems = new PageItemsModel(key),
                };
            default:
                return method;
        }
    }

    private static MethodModel Wrapped(MethodModel method, List<JsonElement> answers)
    {
        var wrapper = method.Types.FirstOrDefault(type => type.Name == method.Result.Type.Name && type.Kind == TypeKind.Object);
        if (wrapper is null)
        {
            return method;
        }

        if (wrapper.Properties.Where(property => property.Type.Kind == WireKind.Array).ToList() is [var list])
        {
            return method with { Paged = true, PageItems = new PageItemsModel(list.WireName) };
        }

        // No list in the table, but a raw property every answer sends as one: that is the page.
        var raw = wrapper.Properties
            .Where(property => property.Type.Kind == WireKind.Json && answers.Count > 0 && answers.All(answer => IsList(answer, property.WireName)))
            .ToList();
        if (raw is not [var shown] || wrapper.Properties.Any(property => property.Type.Kind == WireKind.Array))
        {
            return method;
        }

        var retyped = wrapper with { Properties = new(wrapper.Properties.Select(property => property == shown ? property with { Type = RawList } : property)) };
        return method with
        {
            Types = new(method.Types.Select(type => type == wrapper ? retyped : type)),
            Paged = true,
            PageItems = new PageItemsModel(shown.WireName),
        };
    }

    // The one key every answer's result object holds a list under, and no other list beside it.
    private static string? ListKey(List<JsonElement> answers)
    {
        string? key = null;
        foreach (var answer in answers)
        {
            if (answer.ValueKind != JsonValueKind.Object
                || answer.EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.Array).Select(property => property.Name).ToList() is not [var only]
                || (key is not null && key != only))
            {
                return null;
            }

            key = only;
        }

        return key is not null && Names.IsValidIdentifier(Names.ToPascalCase(key)) ? key : null;
    }

    private static bool IsList(JsonElement answer, string key) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Array;

    // The result of every successful documented answer.
    private static IEnumerable<JsonElement> Answers(MethodModel method)
    {
        foreach (var example in method.Examples)
        {
            if (example.Status is >= 200 and < 300 && example.Response is { } response)
            {
                using var document = JsonDocument.Parse(response);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("result", out var result))
                {
                    yield return result.Clone();
                }
            }
        }
    }
}
