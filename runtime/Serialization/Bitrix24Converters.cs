using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>Lenient converters for results that are a single value (<c>"result": true</c>, <c>"result": "15"</c>).</summary>
public static class Bitrix24Converters
{
    /// <summary>A boolean that also reads <c>"Y"</c>/<c>"N"</c> and <c>1</c>/<c>0</c>.</summary>
    public static JsonConverter<bool> Boolean { get; } = new BooleanConverter();

    /// <summary>An integer that also reads numeric strings.</summary>
    public static JsonConverter<int> Int32 { get; } = new Int32Converter();

    /// <summary>A number that also reads numeric strings.</summary>
    public static JsonConverter<double> Double { get; } = new DoubleConverter();

    /// <summary>A string that also reads numbers and booleans as text.</summary>
    public static JsonConverter<string> String { get; } = new StringConverter();

    /// <summary>A date, kept as the text the portal sent.</summary>
    public static JsonConverter<Bitrix24Date> Date { get; } = new DateConverter();

    /// <summary>A date and time, kept as the text the portal sent.</summary>
    public static JsonConverter<Bitrix24DateTime> DateTime { get; } = new DateTimeConverter();

    private sealed class BooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadBoolean(ref reader) ?? throw new JsonException("Expected a boolean but found an empty value.");

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    private sealed class Int32Converter : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadInt32(ref reader) ?? throw new JsonException("Expected an integer but found an empty value.");

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class DoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadDouble(ref reader) ?? throw new JsonException("Expected a number but found an empty value.");

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class DateConverter : JsonConverter<Bitrix24Date>
    {
        public override Bitrix24Date Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadDate(ref reader) ?? throw new JsonException("Expected a date but found an empty value.");

        public override void Write(Utf8JsonWriter writer, Bitrix24Date value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }

    private sealed class DateTimeConverter : JsonConverter<Bitrix24DateTime>
    {
        public override Bitrix24DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadDateTime(ref reader) ?? throw new JsonException("Expected a date and time but found an empty value.");

        public override void Write(Utf8JsonWriter writer, Bitrix24DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }

    private sealed class StringConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadString(ref reader) ?? string.Empty;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
