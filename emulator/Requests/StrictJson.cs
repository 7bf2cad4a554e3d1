using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Requests;

/// <summary>
/// Reads a JSON request body whole, as PHP's <c>json_decode</c> must: a broken body, a key given twice or a string
/// with half a surrogate pair (<c>"\ud800"</c>) is refused here, rather than failing later when a handler or the
/// answer touches the value.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>The body as an object.</summary>
    /// <exception cref="JsonException">It is not a JSON object that can be read whole.</exception>
    public static JsonObject ParseObject(string body)
    {
        try
        {
            var node = JsonNode.Parse(body, documentOptions: Options) as JsonObject
                ?? throw new JsonException("The body is not a JSON object.");
            EnsureReadable(node);
            return node;
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("A string holds half a UTF-16 surrogate pair. " + exception.Message, exception);
        }
    }

    // JsonNode reads strings lazily; reading each key and string now finds a lone surrogate while it is still
    // the request's fault.
    private static void EnsureReadable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (_, value) in map)
                {
                    EnsureReadable(value);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    EnsureReadable(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                value.GetValue<string>();
                break;
        }
    }
}
