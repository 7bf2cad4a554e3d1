using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// The converters generated code reads and writes values with: one per wire form, lenient when reading and exact
/// when writing, and the collections built on them. Results, list items and map values go through these.
/// </summary>
public static class Bitrix24Converters
{
    /// <summary>A JSON boolean that also reads <c>"Y"</c>/<c>"N"</c> and <c>1</c>/<c>0</c>.</summary>
    public static JsonConverter<bool> Boolean { get; } = new ValueConverter<bool>("a boolean", Bitrix24Forms.Boolean);

    /// <summary>A <c>"Y"</c>/<c>"N"</c> flag.</summary>
    public static JsonConverter<bool> Flag { get; } = new ValueConverter<bool>("a flag", Bitrix24Forms.Flag);

    /// <summary>An integer that also reads numeric strings.</summary>
    public static JsonConverter<int> Int32 { get; } = new ValueConverter<int>("an integer", Bitrix24Forms.Int32);

    /// <summary>An integer written as a string, e.g. <c>"3"</c>.</summary>
    public static JsonConverter<int> IntegerString { get; } = new ValueConverter<int>("an integer", Bitrix24Forms.IntegerString);

    /// <summary>A number that also reads numeric strings.</summary>
    public static JsonConverter<double> Double { get; } = new ValueConverter<double>("a number", Bitrix24Forms.Double);

    /// <summary>A date, kept as the text the portal sent.</summary>
    public static JsonConverter<Bitrix24Date> Date { get; } = new ValueConverter<Bitrix24Date>("a date", Bitrix24Forms.Date);

    /// <summary>A date and time, kept as the text the portal sent.</summary>
    public static JsonConverter<Bitrix24DateTime> DateTime { get; } = new ValueConverter<Bitrix24DateTime>("a date and time", Bitrix24Forms.DateTime);

    /// <summary>Seconds since 1970 as a number.</summary>
    public static JsonConverter<DateTimeOffset> UnixTime { get; } = new ValueConverter<DateTimeOffset>("a Unix time", Bitrix24Forms.UnixTime);

    /// <summary>Seconds since 1970 as a string.</summary>
    public static JsonConverter<DateTimeOffset> UnixTimeString { get; } = new ValueConverter<DateTimeOffset>("a Unix time", Bitrix24Forms.UnixTimeString);

    /// <summary>A string that also reads numbers and booleans as text; <c>null</c> reads as empty.</summary>
    public static JsonConverter<string> String { get; } = new StringConverter();

    /// <summary>
    /// Any JSON value, kept exactly; <c>null</c> reads as null and null writes as <c>null</c>, so that a result, a list
    /// or a map of raw values holds every item as sent.
    /// </summary>
    public static JsonConverter<JsonNode?> Json { get; } = new JsonNodeConverter();

    /// <summary>A file in any form; a new upload is written as a name and content pair, <c>["me.png", "iVBORw0..."]</c>.</summary>
    public static JsonConverter<Bitrix24File> File { get; } = new FileConverter(Bitrix24Forms.File);

    /// <summary>A file in any form; a new upload is written as <c>{"fileData": ["me.png", "iVBORw0..."]}</c>.</summary>
    public static JsonConverter<Bitrix24File> FileData { get; } = new FileConverter(Bitrix24Forms.FileData);

    /// <summary>The options the converters are called with: they need none of them.</summary>
    internal static JsonSerializerOptions Options { get; } = new();

    /// <summary>Reads a value at the reader's token with a converter, e.g. a variant of a union.</summary>
    public static T? Read<T>(JsonConverter<T> converter, ref Utf8JsonReader reader)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.Read(ref reader, typeof(T), Options);
    }

    /// <summary>
    /// Reads a whole answer's value, e.g. <c>result</c>: as the serializer would, <c>null</c> is left to a converter
    /// that takes it and is the default value otherwise.
    /// </summary>
    internal static T ReadValue<T>(JsonConverter<T> converter, ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null && !converter.HandleNull ? default! : converter.Read(ref reader, typeof(T), Options)!;

    /// <summary>A generated object type.</summary>
    public static JsonConverter<T> Object<T>()
        where T : Bitrix24Object, IBitrix24Object, new() => Bitrix24ObjectConverter<T>.Instance;

    /// <summary>A list of <paramref name="item"/>; an empty answer reads as an empty list.</summary>
    public static JsonConverter<IList<T>> List<T>(JsonConverter<T> item) => Cache<T>.Lists.GetValue(item, static i => new ListConverter<T>(new ListForm<T>(i, set: false)));

    /// <summary>A PHP set of <paramref name="member"/> (<c>{"MO":"MO"}</c>); an empty answer reads as an empty list.</summary>
    public static JsonConverter<IList<T>> Set<T>(JsonConverter<T> member) => Cache<T>.Sets.GetValue(member, static i => new ListConverter<T>(new ListForm<T>(i, set: true)));

    /// <summary>A map with keys of <paramref name="key"/> and values of <paramref name="value"/>; an empty answer reads as an empty map.</summary>
    public static JsonConverter<IDictionary<TKey, TValue>> Map<TKey, TValue>(Bitrix24MapKey<TKey> key, JsonConverter<TValue> value)
        where TKey : notnull => MapCache<TKey, TValue>.Maps.GetValue(key, static _ => new()).GetValue(value, v => new MapConverter<TKey, TValue>(new MapForm<TKey, TValue>(key, v)));

    // Nested collections ask for their converter on every read; one per item converter is made once.
    private static class Cache<T>
    {
        public static readonly ConditionalWeakTable<JsonConverter<T>, ListConverter<T>> Lists = new();
        public static readonly ConditionalWeakTable<JsonConverter<T>, ListConverter<T>> Sets = new();
    }

    private static class MapCache<TKey, TValue>
        where TKey : notnull
    {
        public static readonly ConditionalWeakTable<Bitrix24MapKey<TKey>, ConditionalWeakTable<JsonConverter<TValue>, MapConverter<TKey, TValue>>> Maps = new();
    }

    // A whole value in one of the built-in forms: empty is an error here, where a field would read it as unset.
    private sealed class ValueConverter<T> : JsonConverter<T>
        where T : struct
    {
        private readonly string _what;
        private readonly Bitrix24Form<T?> _form;

        public ValueConverter(string what, Bitrix24Form<T?> form)
        {
            _what = what;
            _form = form;
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _form.Read(ref reader) ?? throw new JsonException("Expected " + _what + " but found an empty value.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _form.Write(writer, value);
    }

    // A whole file: empty is an error here too.
    private sealed class FileConverter : JsonConverter<Bitrix24File>
    {
        private readonly Bitrix24Form<Bitrix24File?> _form;

        public FileConverter(Bitrix24Form<Bitrix24File?> form) => _form = form;

        public override Bitrix24File Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _form.Read(ref reader) ?? throw new JsonException("Expected a file but found an empty value.");

        public override void Write(Utf8JsonWriter writer, Bitrix24File value, JsonSerializerOptions options) => _form.Write(writer, value);
    }

    private sealed class StringConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Bitrix24Wire.ReadString(ref reader) ?? string.Empty;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class JsonNodeConverter : JsonConverter<JsonNode?>
    {
        public override bool HandleNull => true;

        public override JsonNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Bitrix24Wire.ReadJson(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonNode? value, JsonSerializerOptions options) => Bitrix24Wire.WriteJson(writer, value);
    }

    // A whole list or map: empty (null, false, "") reads as an empty collection, and null writes as one.
    private sealed class ListConverter<T> : JsonConverter<IList<T>>
    {
        private readonly ListForm<T> _form;

        public ListConverter(ListForm<T> form) => _form = form;

        public override bool HandleNull => true;

        public override IList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _form.Read(ref reader) ?? new List<T>();

        public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options) =>
            _form.Write(writer, value ?? Array.Empty<T>());
    }

    private sealed class MapConverter<TKey, TValue> : JsonConverter<IDictionary<TKey, TValue>>
        where TKey : notnull
    {
        private readonly MapForm<TKey, TValue> _form;

        public MapConverter(MapForm<TKey, TValue> form) => _form = form;

        public override bool HandleNull => true;

        public override IDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _form.Read(ref reader) ?? new Dictionary<TKey, TValue>();

        public override void Write(Utf8JsonWriter writer, IDictionary<TKey, TValue> value, JsonSerializerOptions options) =>
            _form.Write(writer, value ?? new Dictionary<TKey, TValue>());
    }
}
