using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>A read REST 3.0 filter: a condition on one field, or a group of them.</summary>
internal abstract record Filter
{
    public abstract bool Matches(JsonObject entity);
}

/// <summary>The conditions of a group, all of them (<c>and</c>) or any (<c>or</c>), the outcome negated when <c>negative</c>.</summary>
internal sealed record FilterGroup(bool Any, bool Negative, IReadOnlyList<Filter> Conditions) : Filter
{
    public override bool Matches(JsonObject entity)
    {
        var matches = Any ? Conditions.Any(condition => condition.Matches(entity)) : Conditions.All(condition => condition.Matches(entity));
        return matches != Negative;
    }
}

/// <summary>
/// <c>[field, op, value]</c>. An empty field equals only an empty value; it is never greater, less or between. A
/// field that holds a list matches when one of its values does.
/// </summary>
internal sealed record FilterCondition(string Field, FieldKind Kind, string Operator, JsonNode? Value) : Filter
{
    public override bool Matches(JsonObject entity)
    {
        var actual = entity[Field];
        if (actual is JsonArray items)
        {
            var any = items.Any(item => Test(item));
            return Operator == "!=" ? items.All(item => Test(item)) : any;
        }

        return Test(actual);
    }

    private bool Test(JsonNode? actual) => Operator switch
    {
        "=" => IsEqual(actual, Value),
        "!=" => !IsEqual(actual, Value),
        "in" => Value!.AsArray().Any(value => IsEqual(actual, value)),
        "between" => ValueComparison.Compare(Kind, actual, Value![0]) >= 0 && ValueComparison.Compare(Kind, actual, Value[1]) <= 0,
        ">" => ValueComparison.Compare(Kind, actual, Value) > 0,
        ">=" => ValueComparison.Compare(Kind, actual, Value) >= 0,
        "<" => ValueComparison.Compare(Kind, actual, Value) < 0,
        _ => ValueComparison.Compare(Kind, actual, Value) <= 0,
    };

    private bool IsEqual(JsonNode? actual, JsonNode? expected) =>
        ValueComparison.IsEmpty(actual) || expected is null || expected.GetValueKind() == JsonValueKind.Null
            ? ValueComparison.IsEmpty(actual) && ValueComparison.IsEmpty(expected)
            : ValueComparison.Compare(Kind, actual, expected) == 0;
}
