using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Bitrix24.Generated.Serialization;

/// <summary>Reads one value at the reader's current token.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T Bitrix24ValueReader<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>
/// Reads arrays and maps the way a PHP backend writes them: an empty map arrives as <c>[]</c>, and a
/// list may arrive as an object with keys <c>"0"</c>, <c>"1"</c>, … Generated converters call these.
/// </summary>
public static class Bitrix24Collections
{
    /// <summary>Reads a JSON array (or an object whose values are the items) into a list; <c>null</c>, <c>false</c> and <c>""</c> read as null.</summary>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, Bitrix24ValueReader<T> readItem)
    {
        if (readItem is null)
        {
            throw new ArgumentNullException(nameof(readItem));
        }

        if (IsEmptyValue(ref reader))
        {
            return null;
        }

        var list = new List<T>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(readItem(ref reader, options));
            }

            return list;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                list.Add(readItem(ref reader, options));
            }

            return list;
        }

        throw Bitrix24Wire.Unexpected(ref reader, "an array");
    }

    /// <summary>Reads a JSON object (or an array, keyed by index) into a dictionary; <c>null</c>, <c>false</c> and <c>""</c> read as null.</summary>
    public static Dictionary<TKey, TValue>? ReadMap<TKey, TValue>(
        ref Utf8JsonReader reader,
        JsonSerializerOptions options,
        Func<string, TKey> parseKey,
        Bitrix24ValueReader<TValue> readValue)
        where TKey : notnull
    {
        if (parseKey is null)
        {
            throw new ArgumentNullException(nameof(parseKey));
        }

        if (readValue is null)
        {
            throw new ArgumentNullException(nameof(readValue));
        }

        if (IsEmptyValue(ref reader))
        {
            return null;
        }

        var map = new Dictionary<TKey, TValue>();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = ParseKey(reader.GetString()!, parseKey);
                reader.Read();
                map[key] = readValue(ref reader, options);
            }

            return map;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var key = ParseKey(index.ToString(CultureInfo.InvariantCulture), parseKey);
                map[key] = readValue(ref reader, options);
                index++;
            }

            return map;
        }

        throw Bitrix24Wire.Unexpected(ref reader, "an object");
    }

    /// <summary>Fails on a null item where the list's items cannot be null.</summary>
    public static T RequireValue<T>(T? value, string what)
        where T : struct =>
        value ?? throw new JsonException("Expected " + what + " but found an empty value.");

    /// <summary>Fails on a null item where the list's items cannot be null.</summary>
    public static T RequireObject<T>(T? value, string what)
        where T : class =>
        value ?? throw new JsonException("Expected " + what + " but found null.");

    private static TKey ParseKey<TKey>(string text, Func<string, TKey> parseKey)
    {
        try
        {
            return parseKey(text);
        }
        catch (FormatException exception)
        {
            throw new JsonException("The key \"" + text + "\" is not valid here: " + exception.Message, exception);
        }
    }

    // Portals send false or "" where a collection is empty.
    private static bool IsEmptyValue(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ||
        reader.TokenType == JsonTokenType.False ||
        (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(ReadOnlySpan<byte>.Empty));
}
