using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>A list's <c>order</c>, <c>{field: "ASC"|"DESC"}</c> in the order given, then by id; by id ascending without one.</summary>
internal static class Ordering
{
    public static List<JsonObject> Ordered(IEnumerable<JsonObject> entities, JsonNode? order, EntityFields fields)
    {
        var keys = new List<(string Field, FieldKind Kind, bool Descending)>();
        if (order is JsonObject byField)
        {
            foreach (var (field, direction) in byField)
            {
                if (!fields.TryKind(field, out var kind))
                {
                    throw QueryErrors.UnknownField(field, fields.EntityName);
                }

                var sent = direction is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().ToUpperInvariant() : null;
                if (sent is not ("ASC" or "DESC"))
                {
                    throw QueryErrors.Invalid("order." + field, "The order of a field must be ASC or DESC");
                }

                keys.Add((field, kind, sent == "DESC"));
            }
        }
        else if (order is not null && order.GetValueKind() != JsonValueKind.Null)
        {
            throw QueryErrors.Invalid("order", "The order must be an object {field: \"ASC\"|\"DESC\"}");
        }

        keys.Add((fields.IdField, FieldKind.Number, false));
        var comparer = Comparer<JsonObject>.Create((a, b) =>
        {
            foreach (var (field, kind, descending) in keys)
            {
                var compared = Compare(kind, a[field], b[field]);
                if (compared != 0)
                {
                    return descending ? -compared : compared;
                }
            }

            return 0;
        });
        return entities.Order(comparer).ToList();
    }

    // Empty values first, as a database sorts nulls ascending.
    private static int Compare(FieldKind kind, JsonNode? a, JsonNode? b) =>
        (ValueComparison.IsEmpty(a), ValueComparison.IsEmpty(b)) switch
        {
            (true, true) => 0,
            (true, false) => -1,
            (false, true) => 1,
            _ => ValueComparison.Compare(kind, a, b) ?? 0,
        };
}
