using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>
/// Reads a REST 3.0 <c>filter</c>: an array whose elements all hold; an element is a condition
/// <c>[field, op, value]</c>, the shorthand <c>[field, value]</c> (<c>=</c>, or <c>in</c> for an array) or a group
/// <c>{"logic": "and"|"or", "conditions": [...], "negative": true}</c>, groups nesting. Checks each condition
/// against the entity's fields as the portal does: a field it does not have, an operator the language does not
/// have, a value that does not fit the field, a field the list does not filter by.
/// </summary>
internal static class FilterParser
{
    private const string Parameter = "filter";

    private static readonly string[] Operators = ["=", "!=", ">", ">=", "<", "<=", "in", "between"];

    /// <summary>The filter, or null when the call has none.</summary>
    public static Filter? Parse(JsonNode? filter, EntityFields fields)
    {
        if (filter is null || filter.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (filter is not JsonArray elements)
        {
            throw QueryErrors.Invalid(Parameter, "The filter must be an array of conditions");
        }

        return new FilterGroup(Any: false, Negative: false, elements.Select(element => Element(element, fields)).ToList());
    }

    private static Filter Element(JsonNode? element, EntityFields fields) => element switch
    {
        JsonArray condition => Condition(condition, fields),
        JsonObject group => Group(group, fields),
        _ => throw QueryErrors.Invalid(Parameter, "A filter element must be a condition [field, operator, value] or a group {\"logic\", \"conditions\"}"),
    };

    private static FilterGroup Group(JsonObject group, EntityFields fields)
    {
        var logic = group["logic"] is null ? "and" : group["logic"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().ToLowerInvariant() : null;
        if (logic is not ("and" or "or"))
        {
            throw QueryErrors.Invalid(Parameter + ".logic", "The logic of a filter group must be `and` or `or`");
        }

        if (group["conditions"] is not JsonArray conditions)
        {
            throw QueryErrors.Invalid(Parameter + ".conditions", "A filter group must have an array of conditions");
        }

        var negative = group["negative"] switch
        {
            null => false,
            JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False => flag.GetValue<bool>(),
            _ => throw QueryErrors.Invalid(Parameter + ".negative", "The negative flag of a filter group must be a boolean"),
        };
        if (group.Any(pair => pair.Key is not ("logic" or "conditions" or "negative")))
        {
            throw QueryErrors.Invalid(Parameter, "A filter group has only logic, conditions and negative");
        }

        return new FilterGroup(logic == "or", negative, conditions.Select(element => Element(element, fields)).ToList());
    }

    private static FilterCondition Condition(JsonArray condition, EntityFields fields)
    {
        if (condition.Count is not (2 or 3) || condition[0] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            throw QueryErrors.Invalid(Parameter, "A filter condition is [field, operator, value] or [field, value]");
        }

        var field = name.GetValue<string>();
        string op;
        JsonNode? value;
        if (condition.Count == 2)
        {
            value = condition[1];
            op = value is JsonArray ? "in" : "=";
        }
        else
        {
            op = condition[1] is JsonValue sent && sent.GetValueKind() == JsonValueKind.String
                ? sent.GetValue<string>()
                : throw QueryErrors.Invalid(Parameter + "." + field, "The operator of a filter condition must be a string");
            value = condition[2];
        }

        op = op.Trim().ToLowerInvariant();
        if (!Operators.Contains(op))
        {
            throw QueryErrors.Operator(op);
        }

        if (!fields.TryKind(field, out var kind))
        {
            throw QueryErrors.UnknownField(field, fields.EntityName);
        }

        if (fields.Filterable is { } filterable && !filterable.Contains(field))
        {
            throw QueryErrors.Invalid(Parameter + "." + field, "Filtering by the field `" + field + "` is not available");
        }

        Check(field, kind, op, value);
        return new FilterCondition(field, kind, op, value?.DeepClone());
    }

    private static void Check(string field, FieldKind kind, string op, JsonNode? value)
    {
        var at = Parameter + "." + field;
        switch (op)
        {
            case "in":
                if (value is not JsonArray values || values.Count == 0)
                {
                    throw QueryErrors.Invalid(at, "The value of `in` must be a non-empty array");
                }

                foreach (var item in values)
                {
                    Fits(at, field, kind, item);
                }

                break;
            case "between":
                if (value is not JsonArray range || range.Count != 2)
                {
                    throw QueryErrors.Invalid(at, "The value of `between` must be an array [from, to]");
                }

                Fits(at, field, kind, range[0]);
                Fits(at, field, kind, range[1]);
                break;
            case "=" or "!=" when value is null || value.GetValueKind() == JsonValueKind.Null:
                break;
            default:
                Fits(at, field, kind, value);
                break;
        }
    }

    private static void Fits(string at, string field, FieldKind kind, JsonNode? value)
    {
        if (!FieldKinds.Fits(kind, value))
        {
            throw QueryErrors.Invalid(at, "The value of the field `" + field + "` must be " + FieldKinds.Name(kind));
        }
    }
}
