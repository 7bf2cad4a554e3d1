using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>
/// A list call's <c>filter</c>, <c>order</c> and <c>select</c> over stored entities, with the operators the portal's
/// list methods take: <c>=</c>, <c>!</c>/<c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>%</c> and
/// <c>!%</c> (contains), <c>=%</c>/<c>%=</c> (a LIKE pattern), <c>@</c> and <c>!@</c> (in), none for equality (or "in"
/// for a list); nested groups with <c>"logic": "OR"</c>.
/// </summary>
internal static class EntityQuery
{
    // Longest first, so that ">=" is not read as ">".
    private static readonly string[] Operators = ["!@", "!%", "!=", ">=", "<=", "=%", "%=", "@", "%", ">", "<", "=", "!"];

    public static bool Matches(JsonObject entity, JsonObject? filter, EntityShape shape)
    {
        if (filter is null)
        {
            return true;
        }

        foreach (var (key, value) in filter)
        {
            if (value is JsonObject group && (group.ContainsKey("logic") || key.All(char.IsDigit)))
            {
                if (!MatchesGroup(entity, group, shape))
                {
                    return false;
                }

                continue;
            }

            var op = Operators.FirstOrDefault(candidate => key.StartsWith(candidate, StringComparison.Ordinal)) ?? string.Empty;
            if (!Test(op, entity[shape.NameOf(key[op.Length..])], value))
            {
                return false;
            }
        }

        return true;
    }

    public static List<JsonObject> Ordered(IEnumerable<JsonObject> entities, JsonObject? order, EntityShape shape, string idField)
    {
        IOrderedEnumerable<JsonObject>? sorted = null;
        foreach (var (key, direction) in order ?? new JsonObject())
        {
            var field = shape.NameOf(key);
            var descending = string.Equals(direction?.ToString(), "DESC", StringComparison.OrdinalIgnoreCase);
            var comparer = Comparer<JsonObject>.Create((a, b) => Compare(a[field], b[field]));
            sorted = sorted is null
                ? descending ? entities.OrderByDescending(entity => entity, comparer) : entities.OrderBy(entity => entity, comparer)
                : descending ? sorted.ThenByDescending(entity => entity, comparer) : sorted.ThenBy(entity => entity, comparer);
        }

        var byId = Comparer<JsonObject>.Create((a, b) => Compare(a[idField], b[idField]));
        return (sorted?.ThenBy(entity => entity, byId) ?? entities.OrderBy(entity => entity, byId)).ToList();
    }

    /// <summary>
    /// The fields a list answers: those selected (<c>*</c> for every field but the custom ones, <c>UF_*</c> for
    /// those), always with the id; every field when nothing is selected.
    /// </summary>
    public static JsonObject Selected(JsonObject entity, JsonArray? select, EntityShape shape, string idField)
    {
        var names = select?.Select(name => name?.ToString()).OfType<string>().ToList() ?? [];
        if (names.Count == 0)
        {
            return (JsonObject)entity.DeepClone();
        }

        var chosen = new JsonObject { [idField] = entity[idField]?.DeepClone() };
        foreach (var (field, value) in entity)
        {
            var isUserField = EntityShape.IsUserField(field);
            if ((names.Contains("*") && !isUserField) || (isUserField && names.Exists(name => name is "UF_*" or "uf_*"))
                || names.Exists(name => shape.NameOf(name) == field))
            {
                chosen[field] = value?.DeepClone();
            }
        }

        return chosen;
    }

    private static bool MatchesGroup(JsonObject entity, JsonObject group, EntityShape shape)
    {
        var any = string.Equals(group["logic"]?.ToString(), "OR", StringComparison.OrdinalIgnoreCase);
        var parts = group.Where(part => part.Key != "logic").Select(part => part.Value is JsonObject inner && part.Key.All(char.IsDigit)
            ? Matches(entity, inner, shape)
            : Matches(entity, new JsonObject { [part.Key] = part.Value?.DeepClone() }, shape)).ToList();
        return parts.Count == 0 || (any ? parts.Contains(true) : !parts.Contains(false));
    }

    private static bool Test(string op, JsonNode? actual, JsonNode? expected)
    {
        var values = expected is JsonArray list ? list.ToList() : [expected];
        return op switch
        {
            "" or "=" or "@" => values.Exists(value => EqualsValue(actual, value)),
            "!" or "!=" or "!@" => !values.Exists(value => EqualsValue(actual, value)),
            ">" => IsSet(actual) && Compare(actual, expected) > 0,
            ">=" => IsSet(actual) && Compare(actual, expected) >= 0,
            "<" => IsSet(actual) && Compare(actual, expected) < 0,
            "<=" => IsSet(actual) && Compare(actual, expected) <= 0,
            "%" => Text(actual).Contains(Text(expected), StringComparison.OrdinalIgnoreCase),
            "!%" => !Text(actual).Contains(Text(expected), StringComparison.OrdinalIgnoreCase),
            _ => Like(Text(actual), Text(expected)),
        };
    }

    // A list field (CONTACT_IDS) equals a value it holds; an empty field equals "" and null.
    private static bool EqualsValue(JsonNode? actual, JsonNode? expected) => actual switch
    {
        JsonArray items => items.Any(item => Compare(item, expected) == 0),
        _ when !IsSet(actual) => !IsSet(expected),
        _ => IsSet(expected) && Compare(actual, expected) == 0,
    };

    private static bool IsSet(JsonNode? value) => value is not null && Text(value).Length > 0;

    // Numbers as numbers, ISO dates as instants, the rest as text ignoring case.
    private static int Compare(JsonNode? a, JsonNode? b)
    {
        var left = Text(a);
        var right = Text(b);
        if (double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x.CompareTo(y);
        }

        if (left.Length >= 10 && right.Length >= 10 && left[4] == '-' && right[4] == '-'
            && DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e))
        {
            return d.CompareTo(e);
        }

        return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    // "=%": a pattern where % stands for any text.
    private static bool Like(string value, string pattern)
    {
        var parts = pattern.Split('%');
        if (parts.Length == 1)
        {
            return string.Equals(value, pattern, StringComparison.OrdinalIgnoreCase);
        }

        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var found = value.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (found < 0 || (i == 0 && found != 0))
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return parts[^1].Length == 0 || at == value.Length;
    }
}
