using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Reads and writes lists, sets and maps the way a PHP backend has them: an empty map arrives as <c>[]</c>, a list
/// may arrive as an object with keys <c>"0"</c>, <c>"1"</c>, …, and a set is an object whose keys are its members.
/// </summary>
internal static class Bitrix24Collections
{
    /// <summary>A JSON array (or an object whose values are the items); null for <c>null</c>, <c>false</c> and <c>""</c>.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonConverter<T> item)
    {
        if (Bitrix24Wire.IsNoValue(ref reader))
        {
            return null;
        }

        var list = new List<T>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(ReadItem(ref reader, item));
            }

            return list;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                list.Add(ReadItem(ref reader, item));
            }

            return list;
        }

        throw Bitrix24Wire.Unexpected(ref reader, "an array");
    }

    /// <summary>A JSON object (or an array, keyed by position); null for <c>null</c>, <c>false</c> and <c>""</c>.</summary>
    public static Dictionary<TKey, TValue>? ReadMap<TKey, TValue>(ref Utf8JsonReader reader, Bitrix24MapKey<TKey> key, JsonConverter<TValue> value)
        where TKey : notnull
    {
        if (Bitrix24Wire.IsNoValue(ref reader))
        {
            return null;
        }

        var map = new Dictionary<TKey, TValue>();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var parsed = ParseKey(reader.GetString()!, key);
                reader.Read();
                map[parsed] = ReadItem(ref reader, value);
            }

            return map;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var parsed = ParseKey(index.ToString(CultureInfo.InvariantCulture), key);
                map[parsed] = ReadItem(ref reader, value);
                index++;
            }

            return map;
        }

        throw Bitrix24Wire.Unexpected(ref reader, "an object");
    }

    public static void WriteList<T>(Utf8JsonWriter writer, IList<T> value, JsonConverter<T> item)
    {
        writer.WriteStartArray();

        // By position: enumerating an IList<T> would box its enumerator.
        for (var i = 0; i < value.Count; i++)
        {
            WriteItem(writer, value[i], item);
        }

        writer.WriteEndArray();
    }

    // PHP's array('MO' => 'MO'): each member is also its own key.
    public static void WriteSet<T>(Utf8JsonWriter writer, IList<T> value, JsonConverter<T> member)
    {
        writer.WriteStartObject();
        for (var i = 0; i < value.Count; i++)
        {
            var element = value[i];
            if (element is null)
            {
                throw new JsonException("A set cannot hold null.");
            }

            writer.WritePropertyName(member is IBitrix24KeyText<T> text ? text.KeyText(element) : element.ToString() ?? string.Empty);
            WriteItem(writer, element, member);
        }

        writer.WriteEndObject();
    }

    public static void WriteMap<TKey, TValue>(Utf8JsonWriter writer, IDictionary<TKey, TValue> value, Bitrix24MapKey<TKey> key, JsonConverter<TValue> item)
        where TKey : notnull
    {
        writer.WriteStartObject();
        if (value is Dictionary<TKey, TValue> dictionary)
        {
            // The concrete type's enumerator is a struct; the interface's would be boxed.
            foreach (var entry in dictionary)
            {
                writer.WritePropertyName(key.Format(entry.Key));
                WriteItem(writer, entry.Value, item);
            }
        }
        else
        {
            foreach (var entry in value)
            {
                writer.WritePropertyName(key.Format(entry.Key));
                WriteItem(writer, entry.Value, item);
            }
        }

        writer.WriteEndObject();
    }

    private static T ReadItem<T>(ref Utf8JsonReader reader, JsonConverter<T> item)
    {
        var value = item.Read(ref reader, typeof(T), Bitrix24Converters.Options);
        if (value is null && !ReferenceEquals(item, Bitrix24Converters.Json))
        {
            // JSON null is a value of raw JSON, kept as a null item; of any other type it is not an item at all.
            throw new JsonException("Expected " + typeof(T).Name + " but found null.");
        }

        return value!;
    }

    private static void WriteItem<T>(Utf8JsonWriter writer, T value, JsonConverter<T> item)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            item.Write(writer, value, Bitrix24Converters.Options);
        }
    }

    private static TKey ParseKey<TKey>(string text, Bitrix24MapKey<TKey> key)
    {
        if (key.TryParse(text, out var parsed))
        {
            return parsed;
        }

        throw new JsonException("The key " + Bitrix24Wire.Excerpt(text) + " is not " + key.Description + ".");
    }
}
