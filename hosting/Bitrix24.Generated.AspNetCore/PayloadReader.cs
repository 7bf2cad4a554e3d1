using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// Reads what a portal posts, a PHP bracket form (<c>data[FIELDS][ID]=1</c>) or JSON, as one JSON object, so that
/// the rest never cares which it was.
/// </summary>
internal static class PayloadReader
{
    /// <summary>The body as an object; or null and why, when it is none.</summary>
    public static async Task<(JsonObject? Payload, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, "Only POST is accepted here.");
        }

        try
        {
            // Only the URL-encoded form: a portal never posts multipart, which the form reader would misread.
            if (IsUrlEncodedForm(request))
            {
                return (await ReadFormAsync(request, cancellationToken).ConfigureAwait(false), null);
            }

            if (request.HasJsonContentType())
            {
                var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
                return node is JsonObject payload
                    ? (payload, null)
                    : (null, "The JSON body is not an object.");
            }
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
        catch (InvalidDataException)
        {
            // The form reader's limits (field count, name and value length) and malformed encodings end here.
            return (null, "The form body cannot be read.");
        }
        catch (DecoderFallbackException)
        {
            return (null, "The body is not valid UTF-8.");
        }

        return (null, "The body must be application/x-www-form-urlencoded or application/json.");
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    // Fields in the order sent: the decoder's lists ([]) depend on it, which IFormCollection would lose.
    private static async Task<JsonObject> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>();
        using var reader = new FormReader(request.Body, new UTF8Encoding(false, true));
        while (await reader.ReadNextPairAsync(cancellationToken).ConfigureAwait(false) is { } pair)
        {
            fields.Add(pair);
        }

        return PhpFormDecoder.Decode(fields);
    }

    /// <summary>A text value at a path of objects (<c>auth</c>, <c>member_id</c>); numbers and booleans as their text.</summary>
    public static string? Text(JsonObject payload, params string[] path)
    {
        JsonNode? node = payload;
        foreach (var name in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? (value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString())
            : null;
    }

    /// <summary>The payload as UTF-8 JSON, for the generated classes' readers.</summary>
    public static byte[] ToUtf8(JsonObject payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            payload.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
