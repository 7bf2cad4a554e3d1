using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace Bitrix24.Generated;

/// <summary>
/// A REST 3.0 <c>filter</c> over <typeparamref name="TEntity"/>: conditions that must all hold, sent as a JSON array
/// (<c>[["status", "=", "NEW"], ["id", "in", [3, 4, 5]]]</c>). Built from conditions the fields of the generated
/// <c>{Type}Fields</c> class make (<c>new(XFields.Status.EqualTo(XStatus.New), XFields.Id.In(3, 4, 5))</c>), with a
/// collection initializer, or from a single condition, which converts. <see cref="ToString"/> gives the JSON.
/// </summary>
/// <typeparam name="TEntity">The object type the filter is over.</typeparam>
public sealed class Bitrix24Filter<TEntity> : IReadOnlyCollection<Bitrix24Condition<TEntity>>
{
    private readonly List<Bitrix24Condition<TEntity>> _conditions = new();

    /// <summary>Creates an empty filter, for a collection initializer.</summary>
    public Bitrix24Filter()
    {
    }

    /// <summary>Creates a filter of conditions that must all hold.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <exception cref="ArgumentException"><paramref name="conditions"/> is null or holds a null.</exception>
    public Bitrix24Filter(params Bitrix24Condition<TEntity>[] conditions)
        : this((IEnumerable<Bitrix24Condition<TEntity>>)conditions)
    {
    }

    /// <summary>Creates a filter of conditions that must all hold.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <exception cref="ArgumentException"><paramref name="conditions"/> is null or holds a null.</exception>
    public Bitrix24Filter(IEnumerable<Bitrix24Condition<TEntity>> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var condition in conditions)
        {
            Add(condition);
        }
    }

    /// <summary>How many conditions the filter holds.</summary>
    public int Count => _conditions.Count;

    /// <summary>A filter of one condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static implicit operator Bitrix24Filter<TEntity>(Bitrix24Condition<TEntity> condition) => new(condition);

    /// <summary>Adds a condition that must hold too.</summary>
    /// <param name="condition">The condition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public void Add(Bitrix24Condition<TEntity> condition)
    {
        ArgumentNullException.ThrowIfNull(condition, nameof(condition));
        _conditions.Add(condition);
    }

    /// <summary>Writes the filter's JSON array.</summary>
    /// <param name="writer">Where to.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var condition in _conditions)
        {
            condition.Write(writer);
        }

        writer.WriteEndArray();
    }

    /// <summary>The filter's JSON, as sent.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => Bitrix24QueryJson.Text(this, static (writer, filter) => filter.WriteTo(writer));

    /// <inheritdoc/>
    public IEnumerator<Bitrix24Condition<TEntity>> GetEnumerator() => _conditions.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
