using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bitrix24.SpecImporter.Examples;

/// <summary>
/// Parses JSON text and writes it back compact. The writer walks the parsed document so property order is the
/// author's, numbers are copied as written (<c>0.10</c> stays <c>0.10</c>; a double would print <c>0.1</c>),
/// and non-ASCII text stays readable rather than <c>\u</c>-escaped.
/// </summary>
internal static class JsonCompact
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// The compact form of <paramref name="json"/>, without the top-level property named
    /// <paramref name="dropTopLevel"/> if given and with the top-level keys in <paramref name="renameTopLevel"/>
    /// renamed; null when the text is not one JSON value.
    /// </summary>
    public static string? Write(string json, string? dropTopLevel = null, IReadOnlyDictionary<string, string>? renameTopLevel = null)
    {
        try
        {
            using var document = JsonDocument.Parse(json, ParseOptions);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
            {
                WriteValue(writer, document.RootElement, dropTopLevel, renameTopLevel);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement element, string? drop, IReadOnlyDictionary<string, string>? rename = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (drop is not null && property.Name == drop)
                    {
                        continue;
                    }

                    writer.WritePropertyName(rename is not null && rename.TryGetValue(property.Name, out var renamed) ? renamed : property.Name);
                    WriteValue(writer, property.Value, drop: null);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteValue(writer, item, drop: null);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers, true, false and null, exactly as written.
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
