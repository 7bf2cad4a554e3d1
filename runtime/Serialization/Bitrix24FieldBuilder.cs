using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated.Serialization;

/// <summary>
/// Declares the fields of a generated object, one call per field: the wire name, the wire form (the method),
/// and the property's getter and setter.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Bitrix24FieldBuilder<TSelf>
{
    internal static readonly Bitrix24FieldBuilder<TSelf> Instance = new();

    private Bitrix24FieldBuilder()
    {
    }

    /// <summary>A string; numbers and booleans read as their text.</summary>
    public Bitrix24Field<TSelf> String(string name, Func<TSelf, string?> get, Action<TSelf, string?> set) => new Bitrix24Field<TSelf, string?>(name, Bitrix24Forms.String, get, set);

    /// <summary>A JSON boolean, read leniently.</summary>
    public Bitrix24Field<TSelf> Boolean(string name, Func<TSelf, bool?> get, Action<TSelf, bool?> set) => new Bitrix24Field<TSelf, bool?>(name, Bitrix24Forms.Boolean, get, set);

    /// <summary>A <c>"Y"</c>/<c>"N"</c> flag.</summary>
    public Bitrix24Field<TSelf> Flag(string name, Func<TSelf, bool?> get, Action<TSelf, bool?> set) => new Bitrix24Field<TSelf, bool?>(name, Bitrix24Forms.Flag, get, set);

    /// <summary>An integer as a JSON number.</summary>
    public Bitrix24Field<TSelf> Int32(string name, Func<TSelf, int?> get, Action<TSelf, int?> set) => new Bitrix24Field<TSelf, int?>(name, Bitrix24Forms.Int32, get, set);

    /// <summary>An integer written as a string.</summary>
    public Bitrix24Field<TSelf> IntegerString(string name, Func<TSelf, int?> get, Action<TSelf, int?> set) =>
        new Bitrix24Field<TSelf, int?>(name, Bitrix24Forms.IntegerString, get, set);

    /// <summary>A number.</summary>
    public Bitrix24Field<TSelf> Double(string name, Func<TSelf, double?> get, Action<TSelf, double?> set) => new Bitrix24Field<TSelf, double?>(name, Bitrix24Forms.Double, get, set);

    /// <summary>A date, keeping its text.</summary>
    public Bitrix24Field<TSelf> Date(string name, Func<TSelf, Bitrix24Date?> get, Action<TSelf, Bitrix24Date?> set) =>
        new Bitrix24Field<TSelf, Bitrix24Date?>(name, Bitrix24Forms.Date, get, set);

    /// <summary>A date and time, keeping its text.</summary>
    public Bitrix24Field<TSelf> DateTime(string name, Func<TSelf, Bitrix24DateTime?> get, Action<TSelf, Bitrix24DateTime?> set) =>
        new Bitrix24Field<TSelf, Bitrix24DateTime?>(name, Bitrix24Forms.DateTime, get, set);

    /// <summary>Seconds since 1970 as a number.</summary>
    public Bitrix24Field<TSelf> UnixTime(string name, Func<TSelf, DateTimeOffset?> get, Action<TSelf, DateTimeOffset?> set) =>
        new Bitrix24Field<TSelf, DateTimeOffset?>(name, Bitrix24Forms.UnixTime, get, set);

    /// <summary>Seconds since 1970 as a string.</summary>
    public Bitrix24Field<TSelf> UnixTimeString(string name, Func<TSelf, DateTimeOffset?> get, Action<TSelf, DateTimeOffset?> set) =>
        new Bitrix24Field<TSelf, DateTimeOffset?>(name, Bitrix24Forms.UnixTimeString, get, set);

    /// <summary>Any JSON value, kept as sent and written back exactly; <c>null</c> reads as unset.</summary>
    public Bitrix24Field<TSelf> Json(string name, Func<TSelf, JsonNode?> get, Action<TSelf, JsonNode?> set) =>
        new Bitrix24Field<TSelf, JsonNode?>(name, Bitrix24Forms.Json, get, set);

    /// <summary>A file in any form; a new upload is written as a name and content pair.</summary>
    public Bitrix24Field<TSelf> File(string name, Func<TSelf, Bitrix24File?> get, Action<TSelf, Bitrix24File?> set) =>
        new Bitrix24Field<TSelf, Bitrix24File?>(name, Bitrix24Forms.File, get, set);

    /// <summary>A file in any form; a new upload is written as <c>{"fileData": [name, content]}</c>.</summary>
    public Bitrix24Field<TSelf> FileData(string name, Func<TSelf, Bitrix24File?> get, Action<TSelf, Bitrix24File?> set) =>
        new Bitrix24Field<TSelf, Bitrix24File?>(name, Bitrix24Forms.FileData, get, set);

    /// <summary>A generated object.</summary>
    public Bitrix24Field<TSelf> Object<T>(string name, Func<TSelf, T?> get, Action<TSelf, T?> set)
        where T : Bitrix24Object, IBitrix24Object, new() => new Bitrix24Field<TSelf, T?>(name, ObjectForm<T>.Instance, get, set);

    /// <summary>An enum member; a value this version does not know reads as empty and is kept as sent.</summary>
    public Bitrix24Field<TSelf> Enum<TEnum>(string name, Bitrix24EnumConverter<TEnum> converter, Func<TSelf, TEnum?> get, Action<TSelf, TEnum?> set)
        where TEnum : struct, System.Enum => new Bitrix24Field<TSelf, TEnum?>(name, new EnumForm<TEnum>(converter), get, set);

    /// <summary>A value with a converter of its own, e.g. a union.</summary>
    public Bitrix24Field<TSelf> Value<T>(string name, JsonConverter<T> converter, Func<TSelf, T?> get, Action<TSelf, T?> set)
        where T : class => new Bitrix24Field<TSelf, T?>(name, new ConverterForm<T>(converter), get, set);

    /// <summary>A list (read also from a PHP object whose values are the items).</summary>
    public Bitrix24Field<TSelf> List<T>(string name, JsonConverter<T> item, Func<TSelf, IList<T>?> get, Action<TSelf, IList<T>?> set) =>
        new Bitrix24Field<TSelf, IList<T>?>(name, new ListForm<T>(item, set: false), get, set);

    /// <summary>A list of generated objects.</summary>
    public Bitrix24Field<TSelf> ObjectList<T>(string name, Func<TSelf, IList<T>?> get, Action<TSelf, IList<T>?> set)
        where T : Bitrix24Object, IBitrix24Object, new() =>
        new Bitrix24Field<TSelf, IList<T>?>(name, new ListForm<T>(Bitrix24ObjectConverter<T>.Instance, set: false), get, set);

    /// <summary>A PHP set: an object whose keys are its members (<c>{"MO":"MO"}</c>).</summary>
    public Bitrix24Field<TSelf> Set<T>(string name, JsonConverter<T> member, Func<TSelf, IList<T>?> get, Action<TSelf, IList<T>?> set) =>
        new Bitrix24Field<TSelf, IList<T>?>(name, new ListForm<T>(member, set: true), get, set);

    /// <summary>A REST 3.0 filter over <typeparamref name="TEntity"/>, written as its JSON array of conditions.</summary>
    public Bitrix24Field<TSelf> Filter<TEntity>(string name, Func<TSelf, Bitrix24Filter<TEntity>?> get, Action<TSelf, Bitrix24Filter<TEntity>?> set) =>
        new Bitrix24Field<TSelf, Bitrix24Filter<TEntity>?>(name, Bitrix24QueryForms<TEntity>.Filter, get, set);

    /// <summary>A REST 3.0 select of fields of <typeparamref name="TEntity"/>, written as its JSON array of names.</summary>
    public Bitrix24Field<TSelf> Select<TEntity>(string name, Func<TSelf, Bitrix24Select<TEntity>?> get, Action<TSelf, Bitrix24Select<TEntity>?> set) =>
        new Bitrix24Field<TSelf, Bitrix24Select<TEntity>?>(name, Bitrix24QueryForms<TEntity>.Select, get, set);

    /// <summary>A map with keys of <paramref name="key"/> and values of <paramref name="value"/>.</summary>
    public Bitrix24Field<TSelf> Map<TKey, TValue>(
        string name,
        Bitrix24MapKey<TKey> key,
        JsonConverter<TValue> value,
        Func<TSelf, IDictionary<TKey, TValue>?> get,
        Action<TSelf, IDictionary<TKey, TValue>?> set)
        where TKey : notnull => new Bitrix24Field<TSelf, IDictionary<TKey, TValue>?>(name, new MapForm<TKey, TValue>(key, value), get, set);
}
