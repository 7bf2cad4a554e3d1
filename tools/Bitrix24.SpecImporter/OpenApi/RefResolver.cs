using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// Follows <c>$ref</c>s inside the document (<c>#/components/schemas/Task</c>, JSON pointers with <c>~0</c>, <c>~1</c>
/// and percent escapes). A reference to another file, to nothing, or a chain of references that comes back to
/// itself is an <see cref="OpenApiException"/> at the <c>$ref</c>.
/// </summary>
internal sealed class RefResolver
{
    private const string SchemaPrefix = "#/components/schemas/";

    private readonly JsonObject _root;

    public RefResolver(JsonObject root) => _root = root;

    /// <summary>Whether a node is a reference.</summary>
    public static bool IsRef(JsonNode? node) => node is JsonObject objectNode && objectNode.ContainsKey("$ref");

    /// <summary>
    /// The node a reference chain ends at (the node itself when it is no reference), and the name of the last
    /// component schema on the way (<c>Task</c> for <c>#/components/schemas/Task</c>), or null.
    /// </summary>
    public (JsonNode? Target, string? Component) Resolve(JsonNode? node)
    {
        string? component = null;
        var seen = new List<string>();
        while (node is JsonObject objectNode && objectNode.TryGetPropertyValue("$ref", out var reference))
        {
            var at = objectNode.GetPath() + ".$ref";
            if (reference is not JsonValue value || !value.TryGetValue<string>(out var pointer))
            {
                throw new OpenApiException(at, "'$ref' is not a string");
            }

            if (seen.Contains(pointer))
            {
                throw new OpenApiException(at, "the references go round in a circle and reach no schema: " + string.Join(" → ", seen.Append(pointer)));
            }

            seen.Add(pointer);
            node = Find(pointer, at);
            if (pointer.StartsWith(SchemaPrefix, StringComparison.Ordinal) && !pointer[SchemaPrefix.Length..].Contains('/', StringComparison.Ordinal))
            {
                component = Unescape(pointer[SchemaPrefix.Length..]);
            }
        }

        return (node, component);
    }

    private JsonNode Find(string pointer, string at)
    {
        if (!pointer.StartsWith('#'))
        {
            throw new OpenApiException(at, $"'{pointer}' refers to another document; only references inside the document are followed");
        }

        JsonNode? node = _root;
        var path = pointer.Length > 1 ? pointer[1..] : string.Empty;
        if (path.Length > 0 && path[0] != '/')
        {
            throw new OpenApiException(at, $"'{pointer}' is not a JSON pointer (#/components/schemas/Name)");
        }

        foreach (var token in path.Split('/').Skip(1).Select(Unescape))
        {
            node = node switch
            {
                JsonObject objectNode => objectNode.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array => int.TryParse(token, out var index) && index >= 0 && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null)
            {
                throw new OpenApiException(at, $"'{pointer}' refers to nothing in the document");
            }
        }

        return node!;
    }

    private static string Unescape(string token) => Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
