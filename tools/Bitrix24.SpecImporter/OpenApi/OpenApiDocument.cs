using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// An OpenAPI 3 document as <c>rest.documentation.openapi</c> answers it: <c>paths</c> keyed by method
/// (<c>/tasks.task.get</c>), <c>components</c> with the shared schemas, <c>tags</c> per module. Reading checks only
/// what every import needs (a JSON object with paths); the rest is checked where it is used.
/// </summary>
internal sealed class OpenApiDocument
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private OpenApiDocument(JsonObject root, JsonObject paths)
    {
        Root = root;
        Paths = paths;
        Refs = new RefResolver(root);
    }

    /// <summary>The whole document.</summary>
    public JsonObject Root { get; }

    /// <summary>The <c>paths</c> object.</summary>
    public JsonObject Paths { get; }

    /// <summary>Follows the document's <c>$ref</c>s.</summary>
    public RefResolver Refs { get; }

    /// <summary>The document's own <c>security</c> requirements, the default of every operation; null when none.</summary>
    public JsonArray? Security => Root["security"] as JsonArray;

    /// <summary>Reads a document; a text that is not one, or one without paths, is an <see cref="OpenApiException"/>.</summary>
    public static OpenApiDocument Parse(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            throw new OpenApiException(exception.Path ?? "$", $"not JSON (line {line}, position {position})");
        }

        if (node is not JsonObject root)
        {
            throw new OpenApiException("$", "the document is not a JSON object");
        }

        CheckKeys(root);

        if (root["openapi"] is JsonValue version && version.TryGetValue<string>(out var number) && !number.StartsWith('3'))
        {
            throw new OpenApiException("$.openapi", $"OpenAPI {number} is not supported; the importer reads OpenAPI 3 documents");
        }

        if (root["swagger"] is not null)
        {
            throw new OpenApiException("$.swagger", "Swagger 2 documents are not supported; the importer reads OpenAPI 3 documents");
        }

        if (root["paths"] is not JsonObject paths)
        {
            throw new OpenApiException("$", root.ContainsKey("paths") ? "'paths' is not an object" : "the document has no 'paths'; it describes no method");
        }

        if (paths.Count == 0)
        {
            throw new OpenApiException("$.paths", "'paths' is empty; the document describes no method");
        }

        return new OpenApiDocument(root, paths);
    }

    // JSON objects are read on first use: a key twice in one object shows here, not halfway through the import.
    private static void CheckKeys(JsonNode node)
    {
        try
        {
            Walk(node);
        }
        catch (ArgumentException)
        {
            throw new OpenApiException("$", "not JSON this importer can read: an object has the same key twice");
        }

        static void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject objectNode:
                    foreach (var (_, value) in objectNode)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
            }
        }
    }

    /// <summary>The paths in ordinal order, so that an import does the same on every run.</summary>
    public IEnumerable<(string Path, JsonNode? Item)> OrderedPaths() =>
        Paths.Select(entry => (entry.Key, entry.Value)).OrderBy(entry => entry.Key, StringComparer.Ordinal);
}
