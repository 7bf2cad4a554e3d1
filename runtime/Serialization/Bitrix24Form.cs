using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// A wire form of a property: how its value is read (null when empty, without moving past the value) and written.
/// <typeparamref name="T"/> is the property's nullable type.
/// </summary>
internal abstract class Bitrix24Form<T>
{
    public abstract T Read(ref Utf8JsonReader reader);

    public abstract void Write(Utf8JsonWriter writer, T value);
}

/// <summary>The forms of the built-in wire types, each a class of its own, so a field reads and writes without a delegate.</summary>
internal static class Bitrix24Forms
{
    public static readonly Bitrix24Form<string?> String = new StringForm();
    public static readonly Bitrix24Form<bool?> Boolean = new BooleanForm();
    public static readonly Bitrix24Form<bool?> Flag = new FlagForm();
    public static readonly Bitrix24Form<int?> Int32 = new Int32Form();
    public static readonly Bitrix24Form<int?> IntegerString = new IntegerStringForm();
    public static readonly Bitrix24Form<double?> Double = new DoubleForm();
    public static readonly Bitrix24Form<Bitrix24Date?> Date = new DateForm();
    public static readonly Bitrix24Form<Bitrix24DateTime?> DateTime = new DateTimeForm();
    public static readonly Bitrix24Form<DateTimeOffset?> UnixTime = new UnixTimeForm();
    public static readonly Bitrix24Form<DateTimeOffset?> UnixTimeString = new UnixTimeStringForm();
    public static readonly Bitrix24Form<JsonNode?> Json = new JsonForm();
    public static readonly Bitrix24Form<Bitrix24File?> File = new FileForm();
    public static readonly Bitrix24Form<Bitrix24File?> FileData = new FileDataForm();

    private sealed class StringForm : Bitrix24Form<string?>
    {
        public override string? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadString(ref reader);

        public override void Write(Utf8JsonWriter writer, string? value) => writer.WriteStringValue(value);
    }

    private sealed class BooleanForm : Bitrix24Form<bool?>
    {
        public override bool? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadBoolean(ref reader);

        public override void Write(Utf8JsonWriter writer, bool? value) => writer.WriteBooleanValue(value!.Value);
    }

    private sealed class FlagForm : Bitrix24Form<bool?>
    {
        public override bool? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadBoolean(ref reader);

        public override void Write(Utf8JsonWriter writer, bool? value) => Bitrix24Wire.WriteFlag(writer, value!.Value);
    }

    private sealed class Int32Form : Bitrix24Form<int?>
    {
        public override int? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadInt32(ref reader);

        public override void Write(Utf8JsonWriter writer, int? value) => writer.WriteNumberValue(value!.Value);
    }

    private sealed class IntegerStringForm : Bitrix24Form<int?>
    {
        public override int? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadInt32(ref reader);

        public override void Write(Utf8JsonWriter writer, int? value) => Bitrix24Wire.WriteIntegerString(writer, value!.Value);
    }

    private sealed class DoubleForm : Bitrix24Form<double?>
    {
        public override double? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadDouble(ref reader);

        public override void Write(Utf8JsonWriter writer, double? value) => writer.WriteNumberValue(value!.Value);
    }

    private sealed class DateForm : Bitrix24Form<Bitrix24Date?>
    {
        public override Bitrix24Date? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadDate(ref reader);

        public override void Write(Utf8JsonWriter writer, Bitrix24Date? value) => writer.WriteStringValue(value!.Value.Text);
    }

    private sealed class DateTimeForm : Bitrix24Form<Bitrix24DateTime?>
    {
        public override Bitrix24DateTime? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadDateTime(ref reader);

        public override void Write(Utf8JsonWriter writer, Bitrix24DateTime? value) => writer.WriteStringValue(value!.Value.Text);
    }

    private sealed class UnixTimeForm : Bitrix24Form<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadUnixTime(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value) => Bitrix24Wire.WriteUnixTime(writer, value!.Value);
    }

    private sealed class UnixTimeStringForm : Bitrix24Form<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadUnixTime(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value) => Bitrix24Wire.WriteUnixTimeString(writer, value!.Value);
    }

    private sealed class JsonForm : Bitrix24Form<JsonNode?>
    {
        public override JsonNode? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadJson(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonNode? value) => Bitrix24Wire.WriteJson(writer, value);
    }

    private sealed class FileForm : Bitrix24Form<Bitrix24File?>
    {
        public override Bitrix24File? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadFile(ref reader);

        public override void Write(Utf8JsonWriter writer, Bitrix24File? value) => Bitrix24Wire.WriteFile(writer, value!);
    }

    private sealed class FileDataForm : Bitrix24Form<Bitrix24File?>
    {
        public override Bitrix24File? Read(ref Utf8JsonReader reader) => Bitrix24Wire.ReadFile(ref reader);

        public override void Write(Utf8JsonWriter writer, Bitrix24File? value) => Bitrix24Wire.WriteFileData(writer, value!);
    }
}

/// <summary>A generated object.</summary>
internal sealed class ObjectForm<T> : Bitrix24Form<T?>
    where T : Bitrix24Object, IBitrix24Object, new()
{
    public static readonly ObjectForm<T> Instance = new();

    public override T? Read(ref Utf8JsonReader reader) => Bitrix24ObjectConverter<T>.ReadObject(ref reader);

    public override void Write(Utf8JsonWriter writer, T? value) => Bitrix24ObjectConverter<T>.WriteObject(writer, value!);
}

/// <summary>An enum member; a value this version does not know reads as empty.</summary>
internal sealed class EnumForm<TEnum> : Bitrix24Form<TEnum?>
    where TEnum : struct, Enum
{
    private readonly Bitrix24EnumConverter<TEnum> _converter;

    public EnumForm(Bitrix24EnumConverter<TEnum> converter) => _converter = converter;

    public override TEnum? Read(ref Utf8JsonReader reader) => _converter.ReadKnown(ref reader);

    public override void Write(Utf8JsonWriter writer, TEnum? value) => _converter.WriteValue(writer, value!.Value);
}

/// <summary>A value with a converter of its own, e.g. a union; <c>null</c> reads as empty.</summary>
internal sealed class ConverterForm<T> : Bitrix24Form<T?>
    where T : class
{
    private readonly JsonConverter<T> _converter;

    public ConverterForm(JsonConverter<T> converter) => _converter = converter;

    public override T? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : _converter.Read(ref reader, typeof(T), Bitrix24Converters.Options);

    public override void Write(Utf8JsonWriter writer, T? value) => _converter.Write(writer, value!, Bitrix24Converters.Options);
}

/// <summary>A list, or a set written as an object whose keys are its members.</summary>
internal sealed class ListForm<T> : Bitrix24Form<IList<T>?>
{
    private readonly JsonConverter<T> _item;
    private readonly bool _set;

    public ListForm(JsonConverter<T> item, bool set)
    {
        _item = item;
        _set = set;
    }

    public override IList<T>? Read(ref Utf8JsonReader reader) => Bitrix24Collections.ReadList(ref reader, _item);

    public override void Write(Utf8JsonWriter writer, IList<T>? value)
    {
        if (_set)
        {
            Bitrix24Collections.WriteSet(writer, value!, _item);
        }
        else
        {
            Bitrix24Collections.WriteList(writer, value!, _item);
        }
    }
}

/// <summary>A map.</summary>
internal sealed class MapForm<TKey, TValue> : Bitrix24Form<IDictionary<TKey, TValue>?>
    where TKey : notnull
{
    private readonly Bitrix24MapKey<TKey> _key;
    private readonly JsonConverter<TValue> _value;

    public MapForm(Bitrix24MapKey<TKey> key, JsonConverter<TValue> value)
    {
        _key = key;
        _value = value;
    }

    public override IDictionary<TKey, TValue>? Read(ref Utf8JsonReader reader) => Bitrix24Collections.ReadMap(ref reader, _key, _value);

    public override void Write(Utf8JsonWriter writer, IDictionary<TKey, TValue>? value) => Bitrix24Collections.WriteMap(writer, value!, _key, _value);
}
