using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Generated.Batch.Rest3;

/// <summary>One call of a REST 3.0 batch as it goes out: its captured call, its alias, and its query with references.</summary>
internal sealed class Rest3BatchEntry
{
    public Rest3BatchEntry(BatchCommand command, JsonObject? query)
    {
        Command = command;
        Query = query;
    }

    public BatchCommand Command { get; }

    /// <summary>The query with references put in, or null when the captured body goes out as it is.</summary>
    public JsonObject? Query { get; }
}

/// <summary>Writes a REST 3.0 batch's body: <c>[{"method", "query", "as"?}, …]</c>, and puts references into queries.</summary>
internal static class Rest3BatchRequest
{
    public static byte[] Write(IReadOnlyList<Rest3BatchEntry> entries, Rest3BatchState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                writer.WriteStartObject();
                writer.WriteString("method", entry.Command.Method.Name);
                writer.WritePropertyName("query");
                if (entry.Query is { } query)
                {
                    query.WriteTo(writer);
                }
                else
                {
                    writer.WriteRawValue(entry.Command.Body.Length == 0 ? "{}"u8 : entry.Command.Body);
                }

                if (state.AliasOf(i) is { } alias)
                {
                    writer.WriteString("as", alias);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return stream.ToArray();
    }

    /// <summary>The call's query with each reference at its dotted path, in place of what the call set there.</summary>
    /// <exception cref="ArgumentException">A path goes through a value that is not an object (or an array, by index).</exception>
    public static JsonObject Apply(byte[] body, IReadOnlyList<KeyValuePair<string, Bitrix24Rest3Reference>> references)
    {
        var query = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body) as JsonObject
            ?? throw new ArgumentException("The call's parameters are not a JSON object; a reference has nowhere to go.", nameof(references));
        foreach (var (path, reference) in references)
        {
            Set(query, path, new JsonObject { [reference.IsArray ? "$refArray" : "$ref"] = reference.Path });
        }

        return query;
    }

    private static void Set(JsonObject query, string path, JsonNode value)
    {
        var segments = path.Split('.');
        JsonNode current = query;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            switch (current)
            {
                case JsonObject obj:
                    if (last)
                    {
                        obj[segment] = value;
                        return;
                    }

                    if (obj[segment] is null)
                    {
                        obj[segment] = new JsonObject();
                    }

                    current = obj[segment]!;
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    if (last)
                    {
                        array[index] = value;
                        return;
                    }

                    if (array[index] is null)
                    {
                        array[index] = new JsonObject();
                    }

                    current = array[index]!;
                    break;
                default:
                    throw new ArgumentException($"The reference at '{path}' cannot be put into the call's query: '{string.Join(".", segments, 0, i)}' is not an object.", nameof(path));
            }
        }
    }
}
