using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated;

/// <summary>
/// One element of a REST 3.0 filter over <typeparamref name="TEntity"/>: a comparison made by a
/// <see cref="Bitrix24FilterField{TEntity, TValue}"/> (<c>["id", "&gt;", 10]</c>), or a group of conditions
/// (<c>{"logic": "or", "conditions": [...]}</c>) made by <see cref="Or(Bitrix24Condition{TEntity}[])"/>,
/// <see cref="And(Bitrix24Condition{TEntity}[])"/>, <see cref="Not"/> or the operators <c>|</c>, <c>&amp;</c> and <c>!</c>.
/// Immutable; <see cref="ToString"/> gives its JSON.
/// </summary>
/// <typeparam name="TEntity">The object type the filter is over.</typeparam>
public abstract class Bitrix24Condition<TEntity>
{
    private protected Bitrix24Condition()
    {
    }

    /// <summary>Any of the conditions holds: <c>{"logic": "or", "conditions": [...]}</c>.</summary>
    /// <param name="conditions">The conditions; at least one.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException"><paramref name="conditions"/> is null, empty or holds a null.</exception>
    public static Bitrix24Condition<TEntity> Or(params Bitrix24Condition<TEntity>[] conditions) => Or((IEnumerable<Bitrix24Condition<TEntity>>)conditions);

    /// <summary>Any of the conditions holds: <c>{"logic": "or", "conditions": [...]}</c>.</summary>
    /// <param name="conditions">The conditions; at least one.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException"><paramref name="conditions"/> is null, empty or holds a null.</exception>
    public static Bitrix24Condition<TEntity> Or(IEnumerable<Bitrix24Condition<TEntity>> conditions) => new Group(Group.OrLogic, Checked(conditions), negative: false);

    /// <summary>All of the conditions hold: <c>{"logic": "and", "conditions": [...]}</c>, for a group inside an <c>or</c>.</summary>
    /// <param name="conditions">The conditions; at least one.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException"><paramref name="conditions"/> is null, empty or holds a null.</exception>
    public static Bitrix24Condition<TEntity> And(params Bitrix24Condition<TEntity>[] conditions) => And((IEnumerable<Bitrix24Condition<TEntity>>)conditions);

    /// <summary>All of the conditions hold: <c>{"logic": "and", "conditions": [...]}</c>, for a group inside an <c>or</c>.</summary>
    /// <param name="conditions">The conditions; at least one.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException"><paramref name="conditions"/> is null, empty or holds a null.</exception>
    public static Bitrix24Condition<TEntity> And(IEnumerable<Bitrix24Condition<TEntity>> conditions) => new Group(Group.AndLogic, Checked(conditions), negative: false);

    /// <summary>
    /// The condition does not hold: a group marked <c>"negative": true</c>, as the official SDK sends it
    /// (<c>{"logic": "and", "negative": true, "conditions": [...]}</c>); the negation of a negated group is the group.
    /// </summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negated condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static Bitrix24Condition<TEntity> Not(Bitrix24Condition<TEntity> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition is Group group
            ? new Group(group.Logic, group.Conditions, !group.Negative)
            : new Group(Group.AndLogic, new[] { condition }, negative: true);
    }

    /// <summary>Either condition holds; an <c>or</c> group on the left takes the right one in rather than nesting.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>The <c>or</c> group.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static Bitrix24Condition<TEntity> operator |(Bitrix24Condition<TEntity> left, Bitrix24Condition<TEntity> right) => Join(Group.OrLogic, left, right);

    /// <summary>Both conditions hold; an <c>and</c> group on the left takes the right one in rather than nesting.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>The <c>and</c> group.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static Bitrix24Condition<TEntity> operator &(Bitrix24Condition<TEntity> left, Bitrix24Condition<TEntity> right) => Join(Group.AndLogic, left, right);

    /// <summary>The condition does not hold, as <see cref="Not"/>.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negated condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static Bitrix24Condition<TEntity> operator !(Bitrix24Condition<TEntity> condition) => Not(condition);

    /// <summary>The condition's JSON, as a filter sends it.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => Bitrix24QueryJson.Text(this, static (writer, condition) => condition.Write(writer));

    /// <summary>Writes the condition's JSON.</summary>
    internal abstract void Write(Utf8JsonWriter writer);

    private static Bitrix24Condition<TEntity>[] Checked(IEnumerable<Bitrix24Condition<TEntity>> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var list = conditions.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A group needs at least one condition.", nameof(conditions));
        }

        if (Array.Exists(list, condition => condition is null))
        {
            throw new ArgumentException("A group takes no null conditions.", nameof(conditions));
        }

        return list;
    }

    private static Group Join(string logic, Bitrix24Condition<TEntity> left, Bitrix24Condition<TEntity> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var conditions = left is Group { Negative: false } group && group.Logic == logic ? group.Conditions.Append(right) : new[] { left, right };
        return new Group(logic, conditions.ToArray(), negative: false);
    }

    /// <summary>A comparison of a field with one value, or with a list (<c>in</c>) or a pair (<c>between</c>) of them.</summary>
    internal sealed class Comparison<TValue>(string path, string operation, JsonConverter<TValue> converter, TValue[] values, bool list) : Bitrix24Condition<TEntity>
    {
        internal override void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(path);
            writer.WriteStringValue(operation);
            if (list)
            {
                writer.WriteStartArray();
            }

            foreach (var value in values)
            {
                converter.Write(writer, value, Bitrix24Converters.Options);
            }

            if (list)
            {
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>A condition read back from JSON, written back exactly.</summary>
    internal sealed class Raw(JsonNode? node) : Bitrix24Condition<TEntity>
    {
        internal override void Write(Utf8JsonWriter writer) => Bitrix24Wire.WriteJson(writer, node);
    }

    private sealed class Group(string logic, Bitrix24Condition<TEntity>[] conditions, bool negative) : Bitrix24Condition<TEntity>
    {
        public const string OrLogic = "or";
        public const string AndLogic = "and";

        public string Logic => logic;

        public Bitrix24Condition<TEntity>[] Conditions => conditions;

        public bool Negative => negative;

        internal override void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("logic", logic);
            if (negative)
            {
                writer.WriteBoolean("negative", true);
            }

            writer.WriteStartArray("conditions");
            foreach (var condition in conditions)
            {
                condition.Write(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
