using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Reads and writes a generated enum as its wire strings: the members are declared in the order of
/// <c>wireValues</c>, so a member's number is its position. Generated code derives one per enum.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public abstract class Bitrix24EnumConverter<TEnum> : JsonConverter<TEnum>, IBitrix24KeyText<TEnum>
    where TEnum : struct, Enum
{
    private readonly Bitrix24NameTable _values;

    /// <summary>Creates the converter.</summary>
    /// <param name="wireValues">The wire value of each member, in the order of declaration.</param>
    protected Bitrix24EnumConverter(params string[] wireValues)
    {
        EnumPositions<TEnum>.Require(nameof(wireValues));
        _values = new Bitrix24NameTable(wireValues);
    }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader) ?? throw new JsonException("Expected a " + typeof(TEnum).Name + " value but found an empty one.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Reads a member; <c>null</c> and <c>""</c> read as null, a value this version does not know fails naming it.</summary>
    public TEnum? ReadValue(ref Utf8JsonReader reader)
    {
        if (IsEmpty(ref reader))
        {
            return null;
        }

        return Find(ref reader) ?? throw new JsonException(
            Bitrix24Wire.Excerpt(Bitrix24Wire.ReadString(ref reader) ?? string.Empty, '\'') + " is not a " + typeof(TEnum).Name + " value; expected one of: " + string.Join(", ", Values()) + ".");
    }

    /// <summary>Reads a member, or null for an empty value or one this version does not know (the object holding it keeps the text).</summary>
    public TEnum? ReadKnown(ref Utf8JsonReader reader) => IsEmpty(ref reader) ? null : Find(ref reader);

    /// <summary>The wire string of a member.</summary>
    public string ToWire(TEnum value) => _values[Index(value)];

    string IBitrix24KeyText<TEnum>.KeyText(TEnum value) => ToWire(value);

    /// <summary>Writes a member as its wire string.</summary>
    public void WriteValue(Utf8JsonWriter writer, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_values.Encoded(Index(value)));
    }

    private static bool IsEmpty(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(ReadOnlySpan<byte>.Empty));

    private TEnum? Find(ref Utf8JsonReader reader)
    {
        int index;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
            case JsonTokenType.Number:
                // Some enums have numbers for values; their bytes compare like a string's.
                index = _values.Find(ref reader, -1);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                index = _values.IndexOf(reader.TokenType == JsonTokenType.True ? "true" : "false");
                break;
            default:
                throw Bitrix24Wire.Unexpected(ref reader, "a " + typeof(TEnum).Name + " value");
        }

        return index < 0 ? null : EnumPositions<TEnum>.Member(index);
    }

    private int Index(TEnum value)
    {
        var index = EnumPositions<TEnum>.Position(value);
        if ((uint)index >= (uint)_values.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Not a " + typeof(TEnum).Name + " member.");
        }

        return index;
    }

    private string[] Values()
    {
        var values = new string[_values.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _values[i];
        }

        return values;
    }
}
