using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Events;

/// <summary>The bodies of the <c>event.offline.*</c> calls and the reading of <c>event.offline.get</c>'s answer.</summary>
internal static class OfflineEventWire
{
    // get reserves (or deletes) records: sent twice it would take a second batch, so it is never replayed.
    public static readonly Bitrix24Method Get = new("event.offline.get", idempotent: false);

    // Both name the records they act on: a second call finds them cleared or marked already.
    public static readonly Bitrix24Method Clear = new("event.offline.clear", idempotent: true);
    public static readonly Bitrix24Method Error = new("event.offline.error", idempotent: true);

    public static JsonConverter<JsonElement> Element { get; } = new ElementConverter();

    /// <summary><c>event.offline.get</c> with <c>clear=0</c>: a new batch, or with a process the records it still holds.</summary>
    public static byte[] GetBody(string? processId, int limit, IReadOnlyCollection<string>? eventNames, string? authConnector = null) =>
        Write(writer =>
        {
            writer.WriteNumber("clear", 0);
            writer.WriteNumber("limit", limit);
            if (processId is not null)
            {
                writer.WriteString("process_id", processId);
            }

            if (!string.IsNullOrEmpty(authConnector))
            {
                writer.WriteString("auth_connector", authConnector);
            }

            if (eventNames is { Count: > 0 })
            {
                writer.WriteStartObject("filter");
                writer.WriteStartArray("=EVENT_NAME");
                foreach (var name in eventNames)
                {
                    writer.WriteStringValue(name.ToUpperInvariant());
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        });

    /// <summary><c>event.offline.clear</c> of these records of the process. Never called without ids: that clears all the process holds.</summary>
    public static byte[] ClearBody(string processId, IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0)
        {
            throw new ArgumentException("Clearing without ids would clear every record of the process.", nameof(ids));
        }

        return Write(writer =>
        {
            writer.WriteString("process_id", processId);
            writer.WriteStartArray("id");
            foreach (var id in ids)
            {
                writer.WriteNumberValue(id);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary><c>event.offline.error</c> for one record of the process.</summary>
    public static byte[] ErrorBody(string processId, string messageId) =>
        Write(writer =>
        {
            writer.WriteString("process_id", processId);
            writer.WriteStartArray("message_id");
            writer.WriteStringValue(messageId);
            writer.WriteEndArray();
        });

    /// <summary>Reads <c>{"process_id": …, "events": [...]}</c>.</summary>
    /// <exception cref="Bitrix24ResponseFormatException">The result is not of that shape.</exception>
    public static (string? ProcessId, List<Bitrix24OfflineEvent> Events) ReadBatch(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(result, "the result is not an object.");
        }

        string? processId = null;
        if (result.TryGetProperty("process_id", out var process) && process.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            processId = process.ValueKind == JsonValueKind.String ? process.GetString() : process.GetRawText();
        }

        var events = new List<Bitrix24OfflineEvent>();
        if (result.TryGetProperty("events", out var list))
        {
            switch (list.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in list.EnumerateArray())
                    {
                        events.Add(ReadEvent(item, result));
                    }

                    break;
                case JsonValueKind.Object:
                    // PHP sends an array with keys as an object; its values are the records all the same.
                    foreach (var property in list.EnumerateObject())
                    {
                        events.Add(ReadEvent(property.Value, result));
                    }

                    break;
                case JsonValueKind.Null or JsonValueKind.False:
                    break;
                default:
                    throw Malformed(result, "'events' is not a list.");
            }
        }

        return (string.IsNullOrEmpty(processId) ? null : processId, events);
    }

    private static Bitrix24OfflineEvent ReadEvent(JsonElement item, JsonElement result)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(result, "a record is not an object.");
        }

        var id = Text(item, "ID") is { } idText && long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Malformed(result, "a record has no numeric ID.");
        var name = Text(item, "EVENT_NAME") ?? throw Malformed(result, "a record has no EVENT_NAME.");
        var messageId = Text(item, "MESSAGE_ID") ?? throw Malformed(result, "a record has no MESSAGE_ID.");
        var timestamp = Text(item, "TIMESTAMP_X") is { } stamp && TryParseTimestamp(stamp, out var at)
            ? at
            : throw Malformed(result, "a record has no readable TIMESTAMP_X.");
        return new Bitrix24OfflineEvent(id, timestamp, name, Value(item, "EVENT_DATA"), Value(item, "EVENT_ADDITIONAL"), messageId);
    }

    /// <summary>The portal's ISO text with its offset; a regional text without one is taken as UTC.</summary>
    internal static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        if (PortalDateText.TryParseOffset(text, out value))
        {
            return true;
        }

        if (PortalDateText.TryParseDateTime(text, out var clock))
        {
            value = new DateTimeOffset(clock, TimeSpan.Zero);
            return true;
        }

        value = default;
        return false;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    // A missing field reads as the portal's own "nothing", false.
    private static JsonElement Value(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.Clone() : False;

    private static readonly JsonElement False = JsonDocument.Parse("false").RootElement.Clone();

    private static Bitrix24ResponseFormatException Malformed(JsonElement result, string problem)
    {
        var text = result.GetRawText();
        return new Bitrix24ResponseFormatException(Get.Name, HttpStatusCode.OK, "application/json", text.Length > 200 ? text[..200] : text, "event.offline.get: " + problem);
    }

    private static byte[] Write(Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Keeps <c>result</c> as a JSON element, detached from the answer's buffer.</summary>
    private sealed class ElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.Clone();
        }

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
