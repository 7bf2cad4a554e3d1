using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Reads and writes the value forms Bitrix24 uses. Readers are lenient, because portals send the same field as
/// <c>true</c>, <c>"Y"</c> or <c>"1"</c> depending on the method and version; writers are exact. Readers look at the
/// current token and never move past it, and they read numbers and flags from the UTF-8 bytes without making strings.
/// </summary>
public static class Bitrix24Wire
{
    /// <summary>Reads a boolean from <c>true</c>/<c>false</c>, <c>"Y"</c>/<c>"N"</c>, <c>"true"</c>/<c>"false"</c>, <c>"1"</c>/<c>"0"</c> or <c>1</c>/<c>0</c>; <c>""</c> and <c>null</c> read as null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number) && (number == 0 || number == 1))
                {
                    return number == 1;
                }

                throw Unexpected(ref reader, "a boolean (0 or 1)");
            case JsonTokenType.String:
                if (reader.ValueTextEquals("Y"u8) || reader.ValueTextEquals("1"u8) || reader.ValueTextEquals("y"u8))
                {
                    return true;
                }

                if (reader.ValueTextEquals("N"u8) || reader.ValueTextEquals("0"u8) || reader.ValueTextEquals("n"u8))
                {
                    return false;
                }

                if (reader.ValueTextEquals(ReadOnlySpan<byte>.Empty))
                {
                    return null;
                }

                var text = reader.GetString();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                throw Unexpected(ref reader, "a boolean (Y/N, true/false, 1/0)");
            default:
                throw Unexpected(ref reader, "a boolean");
        }
    }

    /// <summary>Reads a <c>"Y"</c>/<c>"N"</c> flag, accepting the same forms as <see cref="ReadBoolean"/>.</summary>
    public static bool? ReadFlag(ref Utf8JsonReader reader) => ReadBoolean(ref reader);

    /// <summary>Reads an integer written as a number or as a numeric string; <c>""</c> and <c>null</c> read as null.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var number))
                {
                    return number;
                }

                throw Unexpected(ref reader, "a 32-bit integer");
            case JsonTokenType.String:
                if (IsPlain(ref reader))
                {
                    var span = reader.ValueSpan;
                    if (span.IsEmpty)
                    {
                        return null;
                    }

                    if (Utf8Parser.TryParse(span, out int parsed, out var consumed) && consumed == span.Length)
                    {
                        return parsed;
                    }
                }

                var text = reader.GetString()!;
                if (text.Length == 0)
                {
                    return null;
                }

                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                throw Unexpected(ref reader, "an integer");
            default:
                throw Unexpected(ref reader, "an integer");
        }
    }

    /// <summary>Reads a number written as a number or as a numeric string; <c>""</c> and <c>null</c> read as null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                if (IsPlain(ref reader))
                {
                    var span = reader.ValueSpan;
                    if (span.IsEmpty)
                    {
                        return null;
                    }

                    if (Utf8Parser.TryParse(span, out double parsed, out var consumed) && consumed == span.Length)
                    {
                        return parsed;
                    }
                }

                var text = reader.GetString()!;
                if (text.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                throw Unexpected(ref reader, "a number");
            default:
                throw Unexpected(ref reader, "a number");
        }
    }

    /// <summary>Reads a string; numbers and booleans read as their invariant text, <c>null</c> as null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Number:
                return RawText(ref reader);
            default:
                throw Unexpected(ref reader, "a string");
        }
    }

    /// <summary>Reads a date and time, keeping its text as sent; <c>""</c>, <c>false</c> and <c>null</c> read as null.</summary>
    public static Bitrix24DateTime? ReadDateTime(ref Utf8JsonReader reader) =>
        ReadDateText(ref reader, "a date and time") is { } text ? Bitrix24DateTime.FromText(text) : null;

    /// <summary>Reads a date, keeping its text as sent; <c>""</c>, <c>false</c> and <c>null</c> read as null.</summary>
    public static Bitrix24Date? ReadDate(ref Utf8JsonReader reader) =>
        ReadDateText(ref reader, "a date") is { } text ? Bitrix24Date.FromText(text) : null;

    /// <summary>Reads seconds since 1970 (UTC) from a number or a numeric string; <c>""</c> and <c>null</c> read as null.</summary>
    public static DateTimeOffset? ReadUnixTime(ref Utf8JsonReader reader)
    {
        long seconds;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out seconds):
                break;
            case JsonTokenType.String when reader.ValueTextEquals(ReadOnlySpan<byte>.Empty):
                return null;
            case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds):
                break;
            default:
                throw Unexpected(ref reader, "a Unix time in seconds");
        }

        try
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Unexpected(ref reader, "a Unix time in seconds within the years 1 to 9999");
        }
    }

    /// <summary>
    /// Reads any JSON value as it stands, for what the spec leaves untyped; <c>null</c> reads as null. The node owns
    /// its copy of the text, so it outlives the reader's buffer, and writes it back as sent until it is changed.
    /// </summary>
    public static JsonNode? ReadJson(ref Utf8JsonReader reader) => JsonNode.Parse(ref reader);

    /// <summary>Writes a JSON value exactly as held; null writes <c>null</c>.</summary>
    public static void WriteJson(Utf8JsonWriter writer, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            // Without options: parsed nodes and those made by implicit conversion write without reflection.
            value.WriteTo(writer);
        }
    }

    /// <summary>Writes seconds since 1970 as a JSON number.</summary>
    public static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }

    /// <summary>Writes seconds since 1970 as a JSON string, e.g. <c>"1733158800"</c>.</summary>
    public static void WriteUnixTimeString(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value.ToUnixTimeSeconds(), digits, out var written);
        writer.WriteStringValue(digits.Slice(0, written));
    }

    /// <summary>Writes a flag as <c>"Y"</c> or <c>"N"</c>.</summary>
    public static void WriteFlag(Utf8JsonWriter writer, bool value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value ? "Y"u8 : "N"u8);
    }

    /// <summary>Writes an integer as a JSON string, e.g. <c>"3"</c>.</summary>
    public static void WriteIntegerString(Utf8JsonWriter writer, int value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(value, digits, out var written);
        writer.WriteStringValue(digits.Slice(0, written));
    }

    /// <summary>Whether the value is one that portals send where there is no object or collection: <c>null</c>, <c>false</c>, <c>""</c>.</summary>
    internal static bool IsNoValue(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ||
        reader.TokenType == JsonTokenType.False ||
        (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(ReadOnlySpan<byte>.Empty));

    /// <summary>Builds the error for a token that is not what a field expects.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType switch
        {
            JsonTokenType.String => "the string \"" + Shorten(reader.GetString()) + "\"",
            JsonTokenType.Number => "the number " + Shorten(RawText(ref reader)),
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            _ => reader.TokenType.ToString(),
        };
        return new JsonException("Expected " + expected + " but found " + found + ".");
    }

    // Whether the value's bytes can be read as they stand: in one segment and without escapes.
    private static bool IsPlain(ref Utf8JsonReader reader) => !reader.HasValueSequence && !reader.ValueIsEscaped;

    private static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);

    private static string? ReadDateText(ref Utf8JsonReader reader, string expected)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
            case JsonTokenType.False:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return text.Trim().Length == 0 ? null : text;
            default:
                throw Unexpected(ref reader, expected);
        }
    }

    private static string? Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 60 ? text : text.Substring(0, 60) + "…";
}
