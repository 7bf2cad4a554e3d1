using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Batch;

/// <summary>A reference a batch command makes that cannot be resolved.</summary>
internal sealed class UnresolvedReferenceException(string message) : Exception(message);

/// <summary>
/// Puts earlier results into a batch command's query: <c>{"$ref": "alias.path"}</c> becomes the value at that path of
/// the result of the command named <c>alias</c>, <c>{"$refArray": "alias.field"}</c> the array of that field across
/// its <c>items</c>. A reference may stand anywhere in the query.
/// </summary>
internal static class Rest3References
{
    public static JsonNode? Resolve(JsonNode? node, IReadOnlyDictionary<string, JsonNode?> results)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && (obj.ContainsKey("$ref") || obj.ContainsKey("$refArray")):
                var isArray = obj.ContainsKey("$refArray");
                var path = obj[isArray ? "$refArray" : "$ref"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
                if (string.IsNullOrEmpty(path))
                {
                    throw new UnresolvedReferenceException($"A {(isArray ? "$refArray" : "$ref")} needs a path string, 'alias.path'");
                }

                return isArray ? CollectArray(path, results) : Value(path, results);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, child) in obj)
                {
                    copy[name] = Resolve(child, results);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    items.Add(Resolve(child, results));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? Value(string path, IReadOnlyDictionary<string, JsonNode?> results)
    {
        var segments = path.Split('.');
        var current = Result(segments[0], path, results);
        for (var i = 1; i < segments.Length; i++)
        {
            current = Step(current, segments[i])
                ?? throw new UnresolvedReferenceException($"The $ref '{path}' finds nothing at '{string.Join(".", segments, 0, i + 1)}' in the result of '{segments[0]}'");
        }

        return current?.DeepClone();
    }

    private static JsonArray CollectArray(string path, IReadOnlyDictionary<string, JsonNode?> results)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            throw new UnresolvedReferenceException($"The $refArray path '{path}' must name the command and the field to collect, 'alias.field'");
        }

        var alias = path[..dot];
        var result = Result(alias, path, results);
        var items = result switch
        {
            JsonObject { } wrapped when wrapped["items"] is JsonArray listed => listed,
            JsonArray listed => listed,
            _ => throw new UnresolvedReferenceException($"The $refArray '{path}' needs a list result with 'items'; the result of '{alias}' has none"),
        };

        var field = path[(dot + 1)..].Split('.');
        var collected = new JsonArray();
        foreach (var item in items)
        {
            var current = item;
            foreach (var segment in field)
            {
                current = Step(current, segment);
            }

            if (current is not null)
            {
                collected.Add(current.DeepClone());
            }
        }

        return collected;
    }

    private static JsonNode? Result(string alias, string path, IReadOnlyDictionary<string, JsonNode?> results) =>
        results.TryGetValue(alias, out var result)
            ? result
            : throw new UnresolvedReferenceException($"The reference '{path}' names '{alias}', which no earlier command of the batch is called ('as')");

    private static JsonNode? Step(JsonNode? current, string segment) => current switch
    {
        JsonObject obj => obj[segment],
        JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
        _ => null,
    };
}
