using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace Bitrix24.Generated;

/// <summary>
/// A REST 3.0 <c>select</c> of fields of <typeparamref name="TEntity"/>, related objects' fields dotted, sent as a JSON
/// array of names (<c>["id", "title", "responsible.name"]</c>). Built from the fields of the generated
/// <c>{Type}Fields</c> class (<c>new(XFields.Id, XFields.Responsible.Name)</c>) or with a collection initializer.
/// <see cref="ToString"/> gives the JSON.
/// </summary>
/// <typeparam name="TEntity">The object type whose fields are selected.</typeparam>
public sealed class Bitrix24Select<TEntity> : IReadOnlyCollection<Bitrix24QueryField<TEntity>>
{
    private readonly List<Bitrix24QueryField<TEntity>> _fields = new();

    /// <summary>Creates an empty select, for a collection initializer.</summary>
    public Bitrix24Select()
    {
    }

    /// <summary>Creates a select of fields.</summary>
    /// <param name="fields">The fields.</param>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is null or holds a null.</exception>
    public Bitrix24Select(params Bitrix24QueryField<TEntity>[] fields)
        : this((IEnumerable<Bitrix24QueryField<TEntity>>)fields)
    {
    }

    /// <summary>Creates a select of fields.</summary>
    /// <param name="fields">The fields.</param>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is null or holds a null.</exception>
    public Bitrix24Select(IEnumerable<Bitrix24QueryField<TEntity>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            Add(field);
        }
    }

    /// <summary>How many fields the select names.</summary>
    public int Count => _fields.Count;

    /// <summary>Adds a field.</summary>
    /// <param name="field">The field.</param>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is null.</exception>
    public void Add(Bitrix24QueryField<TEntity> field)
    {
        ArgumentNullException.ThrowIfNull(field, nameof(field));
        _fields.Add(field);
    }

    /// <summary>Writes the select's JSON array of names.</summary>
    /// <param name="writer">Where to.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var field in _fields)
        {
            writer.WriteStringValue(field.Path);
        }

        writer.WriteEndArray();
    }

    /// <summary>The select's JSON, as sent.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => Bitrix24QueryJson.Text(this, static (writer, select) => select.WriteTo(writer));

    /// <inheritdoc/>
    public IEnumerator<Bitrix24QueryField<TEntity>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
