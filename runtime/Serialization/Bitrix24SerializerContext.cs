using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// The base of the generated <c>Bitrix24JsonContext</c>: metadata built on the Bitrix24 converters, for the
/// single-value results (<see cref="Boolean"/>, <see cref="Int32"/>, …) and every generated type.
/// </summary>
public abstract class Bitrix24SerializerContext : JsonSerializerContext, IJsonTypeInfoResolver
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options to bind to it, or null for new ones.</param>
    protected Bitrix24SerializerContext(JsonSerializerOptions? options)
        : base(options)
    {
    }

    /// <summary>Metadata for a boolean result that also reads <c>"Y"</c>/<c>"N"</c>.</summary>
    public JsonTypeInfo<bool> Boolean => Info<bool>();

    /// <summary>Metadata for an integer result that also reads numeric strings.</summary>
    public JsonTypeInfo<int> Int32 => Info<int>();

    /// <summary>Metadata for a number result.</summary>
    public JsonTypeInfo<double> Double => Info<double>();

    /// <summary>Metadata for a string result.</summary>
    public JsonTypeInfo<string> String => Info<string>();

    /// <summary>Metadata for a date result.</summary>
    public JsonTypeInfo<Bitrix24Date> Date => Info<Bitrix24Date>();

    /// <summary>Metadata for a date and time result.</summary>
    public JsonTypeInfo<Bitrix24DateTime> DateTime => Info<Bitrix24DateTime>();

    /// <summary>Metadata for a file result, kept as sent; a new upload is written as a name and content pair.</summary>
    public JsonTypeInfo<Bitrix24File> File => Info<Bitrix24File>();

    /// <summary>Metadata for a result of any JSON value, kept exactly; <c>null</c> is null.</summary>
    public JsonTypeInfo<JsonNode?> Json => Info<JsonNode?>();

    /// <inheritdoc/>
    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

    /// <inheritdoc/>
    public override JsonTypeInfo? GetTypeInfo(Type type)
    {
        Options.TryGetTypeInfo(type, out var typeInfo);
        return typeInfo;
    }

    JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(bool))
        {
            return Value(options, Bitrix24Converters.Boolean);
        }

        if (type == typeof(int))
        {
            return Value(options, Bitrix24Converters.Int32);
        }

        if (type == typeof(double))
        {
            return Value(options, Bitrix24Converters.Double);
        }

        if (type == typeof(string))
        {
            return Value(options, Bitrix24Converters.String);
        }

        if (type == typeof(Bitrix24Date))
        {
            return Value(options, Bitrix24Converters.Date);
        }

        if (type == typeof(Bitrix24DateTime))
        {
            return Value(options, Bitrix24Converters.DateTime);
        }

        if (type == typeof(Bitrix24File))
        {
            return Value(options, Bitrix24Converters.File);
        }

        return type == typeof(JsonNode) ? Value(options, Bitrix24Converters.Json) : Create(type, options);
    }

    /// <summary>The metadata of a generated type, or null for a type this context does not know.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract JsonTypeInfo? Create(Type type, JsonSerializerOptions options);

    /// <summary>The metadata of a generated object type.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options)
        where T : Bitrix24Object, IBitrix24Object, new() => JsonMetadataServices.CreateValueInfo<T>(options, Bitrix24ObjectConverter<T>.Instance);

    /// <summary>The metadata of a generated event class.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static JsonTypeInfo<TEvent> Event<TEvent, TData>(JsonSerializerOptions options)
        where TEvent : Events.Bitrix24Event<TData>, new()
        where TData : Bitrix24Object, IBitrix24Object, new() =>
        JsonMetadataServices.CreateValueInfo<TEvent>(options, Events.Bitrix24EventConverter<TEvent, TData>.Instance);

    /// <summary>The metadata of a type read and written by <paramref name="converter"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary>The metadata of a type this context knows, from its options' cache.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
