using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Bitrix24.Generated;

/// <summary>
/// A field of <typeparamref name="TEntity"/> that a REST 3.0 <c>filter</c> may compare (the docs mark it filterable), as
/// well as a <c>select</c> name: each comparison is a condition, <c>["id", "&gt;", 10]</c>, its values written as the
/// field's wire form (an enum as its wire value, a date as ISO 8601).
/// </summary>
/// <typeparam name="TEntity">The object type the filter is over.</typeparam>
/// <typeparam name="TValue">The field's values.</typeparam>
public sealed class Bitrix24FilterField<TEntity, TValue> : Bitrix24QueryField<TEntity, TValue>
{
    private readonly JsonConverter<TValue> _converter;

    /// <summary>Creates the field.</summary>
    /// <param name="path">The field's name on the wire, a related object's fields dotted (<c>responsible.id</c>).</param>
    /// <param name="converter">Writes the field's values in their wire form.</param>
    public Bitrix24FilterField(string path, JsonConverter<TValue> converter)
        : base(path)
    {
        ArgumentNullException.ThrowIfNull(converter);
        _converter = converter;
    }

    /// <summary>The field equals <paramref name="value"/>: <c>["field", "=", value]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Bitrix24Condition<TEntity> EqualTo(TValue value) => Compare("=", value);

    /// <summary>The field differs from <paramref name="value"/>: <c>["field", "!=", value]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Bitrix24Condition<TEntity> NotEqualTo(TValue value) => Compare("!=", value);

    /// <summary>The field is above <paramref name="value"/>: <c>["field", "&gt;", value]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Bitrix24Condition<TEntity> GreaterThan(TValue value) => Compare(">", value);

    /// <summary>The field is at least <paramref name="value"/>: <c>["field", "&gt;=", value]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Bitrix24Condition<TEntity> GreaterThanOrEqualTo(TValue value) => Compare(">=", value);

    /// <summary>The field is below <paramref name="value"/>: <c>["field", "&lt;", value]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Bitrix24Condition<TEntity> LessThan(TValue value) => Compare("<", value);

    /// <summary>The field is at most <paramref name="value"/>: <c>["field", "&lt;=", value]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Bitrix24Condition<TEntity> LessThanOrEqualTo(TValue value) => Compare("<=", value);

    /// <summary>The field is one of <paramref name="values"/>: <c>["field", "in", [v1, v2]]</c>.</summary>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is null, empty or holds a null.</exception>
    public Bitrix24Condition<TEntity> In(params TValue[] values) => In((IEnumerable<TValue>)values);

    /// <summary>The field is one of <paramref name="values"/>: <c>["field", "in", [v1, v2]]</c>.</summary>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is null, empty or holds a null.</exception>
    public Bitrix24Condition<TEntity> In(IEnumerable<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("'in' needs at least one value: with none, no item could match.", nameof(values));
        }

        if (Array.Exists(list, value => value is null))
        {
            throw new ArgumentException("'in' takes no null values.", nameof(values));
        }

        return new Bitrix24Condition<TEntity>.Comparison<TValue>(Path, "in", _converter, list, list: true);
    }

    /// <summary>The field is from <paramref name="from"/> to <paramref name="to"/>, both included: <c>["field", "between", [from, to]]</c>.</summary>
    /// <param name="from">The lowest value.</param>
    /// <param name="to">The highest value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> or <paramref name="to"/> is null.</exception>
    public Bitrix24Condition<TEntity> Between(TValue from, TValue to)
    {
        Required(from, nameof(from));
        Required(to, nameof(to));
        return new Bitrix24Condition<TEntity>.Comparison<TValue>(Path, "between", _converter, new[] { from, to }, list: true);
    }

    private static void Required(TValue value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, "A filter condition compares with a value, not null.");
        }
    }

    private Bitrix24Condition<TEntity> Compare(string operation, TValue value)
    {
        Required(value, nameof(value));
        return new Bitrix24Condition<TEntity>.Comparison<TValue>(Path, operation, _converter, new[] { value }, list: false);
    }
}
