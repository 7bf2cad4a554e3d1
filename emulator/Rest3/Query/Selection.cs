using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>
/// A REST 3.0 <c>select</c>: the entity's own fields by name (one it does not have is left out, as the portal leaves
/// it), and fields of related entities by a dotted name (<c>responsible.name</c>), answered as an object of the
/// selected fields (<c>"responsible": {"name": ...}</c>) read from the store of its kind; a field the related entity
/// does not have is an error. The id is always answered.
/// </summary>
internal sealed class Selection
{
    private readonly EntityFields _fields;
    private readonly List<string>? _own;
    private readonly List<(Relation Relation, IRelatedSource? Source, List<string> Fields)> _related;

    private Selection(EntityFields fields, List<string>? own, List<(Relation, IRelatedSource?, List<string>)> related)
    {
        _fields = fields;
        _own = own;
        _related = related;
    }

    /// <param name="select">The call's <c>select</c>.</param>
    /// <param name="fields">The entity's fields.</param>
    /// <param name="related">Where related entities are kept.</param>
    /// <param name="prefix">The entity family's prefix.</param>
    /// <param name="idOnly">Whether no <c>select</c> answers the id alone (else every own field).</param>
    public static Selection Of(JsonNode? select, EntityFields fields, RelatedObjects related, string prefix, bool idOnly)
    {
        if (select is null || select.GetValueKind() == JsonValueKind.Null)
        {
            return new Selection(fields, idOnly ? [fields.IdField] : null, []);
        }

        if (select is not JsonArray names)
        {
            throw QueryErrors.Invalid("select", "The select must be an array of field names");
        }

        var own = new List<string> { fields.IdField };
        var relations = new List<(Relation Relation, IRelatedSource? Source, List<string> Fields)>();
        foreach (var node in names)
        {
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                throw QueryErrors.Invalid("select", "The select must be an array of field names");
            }

            var name = value.GetValue<string>();
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                if (fields.TryKind(name, out _) && !own.Contains(name))
                {
                    own.Add(name);
                }

                continue;
            }

            if (!fields.Relations.TryGetValue(name[..dot], out var relation))
            {
                continue;
            }

            var field = name[(dot + 1)..];
            var source = related.Of(relation, prefix);
            var known = relation.DeclaredFields ?? source?.Fields;
            if (known is null)
            {
                continue;
            }

            if (!known.Contains(field))
            {
                throw QueryErrors.UnknownField(field, relation.TypeName ?? source!.EntityName);
            }

            var index = relations.FindIndex(chosen => chosen.Relation == relation);
            if (index < 0)
            {
                relations.Add((relation, source, [field]));
            }
            else if (!relations[index].Fields.Contains(field))
            {
                relations[index].Fields.Add(field);
            }
        }

        return new Selection(fields, own, relations);
    }

    /// <summary>What the call answers of <paramref name="entity"/>, every field of it as stored.</summary>
    public JsonObject Apply(JsonObject entity)
    {
        var chosen = new JsonObject();
        // Without a select: every field but the related objects.
        foreach (var field in _own ?? entity.Select(pair => pair.Key).Where(key => _fields.TryKind(key, out _) || !_fields.Relations.ContainsKey(key)).ToList())
        {
            chosen[field] = entity[field]?.DeepClone();
        }

        foreach (var (relation, source, fields) in _related)
        {
            var found = Id(entity[relation.IdField]) is { } id ? source?.Find(id) : null;
            chosen[relation.Name] = found is null ? null : new JsonObject(fields.Select(field => KeyValuePair.Create(field, found[field]?.DeepClone())));
        }

        return chosen;
    }

    private static long? Id(JsonNode? value) =>
        value is JsonValue scalar && long.TryParse(scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;
}
