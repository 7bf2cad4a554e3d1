using System;
using System.ComponentModel;
using System.Text.Json;

namespace Bitrix24.Generated.Serialization;

/// <summary>One field of a generated object: its wire name, and how its property is read and written.</summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class Bitrix24Field<TSelf>
{
    private protected Bitrix24Field(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The wire name.</summary>
    public string Name { get; }

    /// <summary>Reads the value at the reader into the property; false when it is empty, and then the reader is still at it.</summary>
    internal abstract bool Read(ref Utf8JsonReader reader, TSelf target);

    /// <summary>Writes the name and the property's value when it has one; false when it has none.</summary>
    internal abstract bool Write(Utf8JsonWriter writer, TSelf source, JsonEncodedText name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A field whose property is of type <typeparamref name="T"/> (nullable: null is "not set").</summary>
internal sealed class Bitrix24Field<TSelf, T> : Bitrix24Field<TSelf>
{
    private readonly Bitrix24Form<T> _form;
    private readonly Func<TSelf, T> _get;
    private readonly Action<TSelf, T> _set;

    public Bitrix24Field(string name, Bitrix24Form<T> form, Func<TSelf, T> get, Action<TSelf, T> set)
        : base(name)
    {
        _form = form;
        _get = get ?? throw new ArgumentNullException(nameof(get));
        _set = set ?? throw new ArgumentNullException(nameof(set));
    }

    internal override bool Read(ref Utf8JsonReader reader, TSelf target)
    {
        var value = _form.Read(ref reader);
        _set(target, value);
        return value is not null;
    }

    internal override bool Write(Utf8JsonWriter writer, TSelf source, JsonEncodedText name)
    {
        var value = _get(source);
        if (value is null)
        {
            return false;
        }

        writer.WritePropertyName(name);
        _form.Write(writer, value);
        return true;
    }
}
