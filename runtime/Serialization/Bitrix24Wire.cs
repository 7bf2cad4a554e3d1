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
    private const int QuotedLength = 24;
    private const string FiniteNumber = "a number within the range of a double";
    private const string InvalidText = "a string that is not valid UTF-8 or UTF-16";
    private const string FileForms = "a file (an id, base64 content, a [name, content] pair or an object)";

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

                var text = Text(ref reader, "a boolean (Y/N, true/false, 1/0)");
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

                var text = Text(ref reader, "an integer");
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
                // 1e400 is valid JSON but no double: it would read as infinity.
                return reader.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw Unexpected(ref reader, FiniteNumber);
            case JsonTokenType.String:
                if (IsPlain(ref reader))
                {
                    var span = reader.ValueSpan;
                    if (span.IsEmpty)
                    {
                        return null;
                    }

                    if (Utf8Parser.TryParse(span, out double parsed, out var consumed) && consumed == span.Length && double.IsFinite(parsed))
                    {
                        return parsed;
                    }
                }

                var text = Text(ref reader, "a number");
                if (text.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    return value;
                }

                throw Unexpected(ref reader, FiniteNumber);
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
                return Text(ref reader, "a string");
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
            case JsonTokenType.String when long.TryParse(Text(ref reader, "a Unix time in seconds"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds):
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
    /// Reads a file in any form portals send or take one: a stored file's id (<c>12</c>, <c>"12"</c>), base64 content
    /// without a name (<c>"iVBORw0..."</c>), a name and content (<c>["me.png", "iVBORw0..."]</c>,
    /// <c>{"fileData": ["me.png", "iVBORw0..."]}</c>), or any object, read for its <c>id</c>/<c>ID</c>,
    /// <c>name</c>/<c>NAME</c>, <c>showUrl</c>/<c>url</c> and <c>downloadUrl</c>/<c>urlMachine</c>. The value keeps the
    /// JSON it came from; content stays text. <c>""</c>, <c>[]</c>, <c>false</c> and <c>null</c> read as null.
    /// </summary>
    public static Bitrix24File? ReadFile(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
            case JsonTokenType.False:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var number))
                {
                    return Bitrix24File.Read(ValueBytes(ref reader), id: number);
                }

                throw Unexpected(ref reader, FileForms);
            case JsonTokenType.String:
                if (reader.ValueTextEquals(ReadOnlySpan<byte>.Empty))
                {
                    return null;
                }

                var text = Text(ref reader, FileForms);
                var json = ValueBytes(ref reader);
                return TryParseId(text, out var id) ? Bitrix24File.Read(json, id: id) : Bitrix24File.Read(json, base64Content: text);
            case JsonTokenType.StartArray:
            case JsonTokenType.StartObject:
                return ReadFileStructure(ref reader);
            default:
                throw Unexpected(ref reader, FileForms);
        }
    }

    /// <summary>
    /// Writes a file for a field that takes a name and content as a pair (spec type <c>file</c>): a new upload as
    /// <c>["me.png", "iVBORw0..."]</c>, one without a name as the base64 string, a stored file as its id, and a value
    /// read from JSON exactly as it came.
    /// </summary>
    public static void WriteFile(Utf8JsonWriter writer, Bitrix24File value) => WriteFile(writer, value, fileData: false);

    /// <summary>
    /// Writes a file for a field that takes a new upload as <c>{"fileData": ["me.png", "iVBORw0..."]}</c> (spec type
    /// <c>file-data</c>); otherwise as <see cref="WriteFile(Utf8JsonWriter, Bitrix24File)"/>.
    /// </summary>
    public static void WriteFileData(Utf8JsonWriter writer, Bitrix24File value) => WriteFile(writer, value, fileData: true);

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
            JsonTokenType.String => DescribeString(ref reader),
            JsonTokenType.Number => DescribeNumber(ref reader),
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

    // An array or object: a [name, content] pair, or an object read for what it says of a file.
    private static Bitrix24File? ReadFileStructure(ref Utf8JsonReader reader)
    {
        var start = reader;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            // PHP's empty array stands for no value; a copy looks ahead without moving the reader.
            var next = reader;
            if (next.Read() && next.TokenType == JsonTokenType.EndArray)
            {
                return null;
            }
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var json = Encoding.UTF8.GetBytes(root.GetRawText());
        if (root.ValueKind == JsonValueKind.Array)
        {
            return TryReadPair(root, out var pairName, out var pairContent)
                ? Bitrix24File.Read(json, name: pairName, base64Content: pairContent)
                : throw Unexpected(ref start, FileForms);
        }

        int? id = null;
        string? name = null, content = null, showUrl = null, downloadUrl = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "fileData" when TryReadPair(value, out var dataName, out var dataContent):
                    name = dataName;
                    content = dataContent;
                    break;
                case "fileData" when value.ValueKind == JsonValueKind.String:
                    content = value.GetString();
                    break;
                case "id" or "ID":
                    id ??= value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
                        : value.ValueKind == JsonValueKind.String && TryParseId(value.GetString()!, out var parsed) ? parsed
                        : null;
                    break;
                case "name" or "NAME" when value.ValueKind == JsonValueKind.String:
                    name ??= value.GetString();
                    break;
                case "showUrl" or "url" when value.ValueKind == JsonValueKind.String:
                    showUrl ??= value.GetString();
                    break;
                case "downloadUrl" or "urlMachine" when value.ValueKind == JsonValueKind.String:
                    downloadUrl ??= value.GetString();
                    break;
            }
        }

        return Bitrix24File.Read(json, id, name, content, showUrl, downloadUrl);
    }

    private static bool TryReadPair(JsonElement value, out string? name, out string? content)
    {
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value[0].ValueKind == JsonValueKind.String && value[1].ValueKind == JsonValueKind.String)
        {
            name = value[0].GetString();
            content = value[1].GetString();
            return true;
        }

        name = content = null;
        return false;
    }

    // A stored file's id written as text: digits only, so that base64 content is never taken for one.
    private static bool TryParseId(string text, out int id) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    // The bytes of a number or string token as they came, quotes and escapes included.
    private static byte[] ValueBytes(ref Utf8JsonReader reader)
    {
        var quotes = reader.TokenType == JsonTokenType.String ? 1 : 0;
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var bytes = new byte[length + 2 * quotes];
        if (reader.HasValueSequence)
        {
            reader.ValueSequence.CopyTo(bytes.AsSpan(quotes));
        }
        else
        {
            reader.ValueSpan.CopyTo(bytes.AsSpan(quotes));
        }

        if (quotes == 1)
        {
            bytes[0] = bytes[^1] = (byte)'"';
        }

        return bytes;
    }

    private static void WriteFile(Utf8JsonWriter writer, Bitrix24File value, bool fileData)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Json is { } json)
        {
            // Read from JSON: written back as it came.
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }

        if (value.Base64Content is not { } content)
        {
            writer.WriteNumberValue(value.Id!.Value);
            return;
        }

        if (value.Name is not { } name)
        {
            WriteBase64(writer, content);
            return;
        }

        if (fileData)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("fileData"u8);
        }

        writer.WriteStartArray();
        writer.WriteStringValue(name);
        WriteBase64(writer, content);
        writer.WriteEndArray();
        if (fileData)
        {
            writer.WriteEndObject();
        }
    }

    // Base64 made here needs no escaping, so it goes out as it stands, without the writer escaping every '+' as \u002B.
    private static void WriteBase64(Utf8JsonWriter writer, string base64)
    {
        var length = base64.Length + 2;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer[0] = (byte)'"';
            Encoding.ASCII.GetBytes(base64, buffer.AsSpan(1));
            buffer[length - 1] = (byte)'"';
            writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? ReadDateText(ref Utf8JsonReader reader, string expected)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
            case JsonTokenType.False:
                return null;
            case JsonTokenType.String:
                var text = Text(ref reader, expected);
                return text.Trim().Length == 0 ? null : text;
            default:
                throw Unexpected(ref reader, expected);
        }
    }

    /// <summary>
    /// A value's text, for messages: whole when it is short, else only its length, so that no message carries a long
    /// text of an answer (a URL with a webhook secret, say) or a cut piece of one that redaction would not recognise.
    /// </summary>
    internal static string Excerpt(string text, char quote = '"') => IsShort(text) ? quote + text + quote : Length("a text", text);

    /// <summary>A property name from an answer, for messages: as it stands when it is short, else only its length.</summary>
    internal static string Name(string text) => IsShort(text) ? text : "(" + Length("a name", text) + ")";

    private static bool IsShort(string text) => text.Length <= QuotedLength;

    private static string Length(string what, string text) => what + " of " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters";

    private static string DescribeString(ref Utf8JsonReader reader)
    {
        try
        {
            var text = reader.GetString()!;
            return IsShort(text) ? "the string " + Excerpt(text) : Length("a string", text);
        }
        catch (InvalidOperationException)
        {
            return InvalidText;
        }
    }

    private static string DescribeNumber(ref Utf8JsonReader reader)
    {
        var text = RawText(ref reader);
        return IsShort(text) ? "the number " + text : Length("a number", text);
    }

    // GetString fails on bytes that are not UTF-8 and on an escaped lone surrogate ("\ud800"): no value of any type.
    private static string Text(ref Utf8JsonReader reader, string expected)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("Expected " + expected + " but found " + InvalidText + ".");
        }
    }
}
