using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Handlers.Entities;
using Bitrix24.Emulator.Specs;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>A related entity a field names (<c>responsible</c> by <c>responsibleId</c>), and its type when the spec declares one.</summary>
/// <param name="Name">The name a select uses before the dot.</param>
/// <param name="IdField">The field with the related entity's id.</param>
/// <param name="TypeName">The declared type of the related object, or null.</param>
/// <param name="DeclaredFields">The declared type's fields, or null when the spec declares none.</param>
internal sealed record Relation(string Name, string IdField, string? TypeName, IReadOnlyList<string>? DeclaredFields);

/// <summary>
/// The fields of a REST 3.0 entity as its specs describe them: each field's kind, which the list filters by, and the
/// related entities it names, from the object type the <c>filter</c> and <c>select</c> parameters name (or the item
/// type of <c>get</c>), its <c>filterable</c> properties, and the documented answer.
/// </summary>
internal sealed partial class EntityFields
{
    // Fields that hold a user's id without saying so in their names.
    private static readonly string[] UserRoles = ["responsible", "creator", "author", "owner", "user"];

    private readonly Dictionary<string, FieldKind> _kinds;

    private EntityFields(string entityName, string idField, Dictionary<string, FieldKind> kinds, IReadOnlySet<string>? filterable, Dictionary<string, Relation> relations, bool idOnly)
    {
        EntityName = entityName;
        IdField = idField;
        _kinds = kinds;
        Filterable = filterable;
        Relations = relations;
        IdOnlyByDefault = idOnly;
    }

    /// <summary>The entity's name in errors (<c>TaskDto</c>).</summary>
    public string EntityName { get; }

    public string IdField { get; }

    /// <summary>The fields a filter may name; null when the spec does not say, and every field may.</summary>
    public IReadOnlySet<string>? Filterable { get; }

    public IReadOnlyDictionary<string, Relation> Relations { get; }

    /// <summary>Whether a list without <c>select</c> answers only the ids, as the spec of its <c>select</c> says.</summary>
    public bool IdOnlyByDefault { get; }

    /// <summary>The entity's own fields, in order.</summary>
    public IEnumerable<string> Names => _kinds.Keys;

    /// <summary>The kind of an own field; false when the entity has no such field.</summary>
    public bool TryKind(string field, out FieldKind kind) => _kinds.TryGetValue(field, out kind);

    public static EntityFields Of(EntityFamily family, SpecCatalog specs)
    {
        var kinds = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        var (entityName, properties) = ItemType(family, specs);
        foreach (var property in properties)
        {
            if (FieldKinds.Of(property.Type, specs.Type) is { } kind)
            {
                kinds[property.WireName] = kind;
            }
            else if (specs.Type(property.Type.Name!) is { } type)
            {
                relations[property.WireName] = new Relation(property.WireName, property.WireName + "Id", type.Name, type.Properties.Select(p => p.WireName).ToList());
            }
        }

        foreach (var (field, shown) in family.Template)
        {
            if (!kinds.ContainsKey(field) && !relations.ContainsKey(field))
            {
                kinds[field] = FieldKinds.Of(shown);
            }
        }

        kinds.TryAdd(family.IdField, FieldKind.Number);
        foreach (var (field, kind) in kinds.Where(pair => pair.Value is FieldKind.Number or FieldKind.Any).ToList())
        {
            if (field.Length > 2 && field.EndsWith("Id", StringComparison.Ordinal))
            {
                var name = field[..^2];
                relations[name] = relations.TryGetValue(name, out var declared) ? declared with { IdField = field } : new Relation(name, field, null, null);
            }
            else if (!relations.ContainsKey(field) && (field.EndsWith("By", StringComparison.Ordinal) || UserRoles.Contains(field)))
            {
                relations[field] = new Relation(field, field, null, null);
            }
        }

        return new EntityFields(entityName ?? Pascal(family.Prefix) + "Dto", family.IdField, kinds, FilterableOf(family.List, specs), relations, IdOnly(family.List));
    }

    // The entity's type: the object type the select and filter parameters name (select: items: TaskDto), or the
    // object "item" of get's result; else the result's own fields but the untyped "item" the importer lists beside
    // them. The fields of each type named are the entity's, the first named giving its name.
    private static (string? Name, IReadOnlyList<PropertyModel> Properties) ItemType(EntityFamily family, SpecCatalog specs)
    {
        var named = new[] { Query(family.Get, "select", WireKind.Select), Query(family.List, "select", WireKind.Select), Query(family.List, "filter", WireKind.Filter), Item(family.Get, specs) }
            .Select(name => name is null ? null : specs.Type(name))
            .OfType<TypeModel>()
            .Where(type => type.Kind == TypeKind.Object)
            .ToList();
        if (named.Count > 0)
        {
            var properties = named.SelectMany(type => type.Properties).GroupBy(property => property.WireName, StringComparer.Ordinal).Select(same => same.First()).ToList();
            return (named[0].Name, properties);
        }

        return family.Get.Result.Type is { Kind: WireKind.Named } result && specs.Type(result.Name!) is { Kind: TypeKind.Object } type
            ? (null, type.Properties.Where(p => !(p.WireName == "item" && p.Type.Kind == WireKind.Json)).ToList())
            : (null, []);
    }

    // The object type a filter or select parameter names.
    private static string? Query(MethodModel? method, string parameter, WireKind kind) =>
        method?.Parameters.FirstOrDefault(p => p.WireName == parameter) is { Type: { } type } && type.Kind == kind && type.Items is { Kind: WireKind.Named } items
            ? items.Name
            : null;

    // The object type of get's "item".
    private static string? Item(MethodModel get, SpecCatalog specs) =>
        get.Result.Type is { Kind: WireKind.Named } result && specs.Type(result.Name!) is { Kind: TypeKind.Object } type
            && type.Properties.FirstOrDefault(p => p.WireName == "item") is { Type: { Kind: WireKind.Named } item }
                ? item.Name
                : null;

    // The fields a list filters by: the properties its filter's object type marks filterable; else those its filter
    // parameter names among its values (beside the form of a condition), as the importer lists them; else any.
    private static IReadOnlySet<string>? FilterableOf(MethodModel? list, SpecCatalog specs)
    {
        if (list?.Parameters.FirstOrDefault(p => p.WireName == "filter") is not { } filter)
        {
            return null;
        }

        var marked = Query(list, "filter", WireKind.Filter) is { } name && specs.Type(name) is { } type
            ? type.Properties.Where(property => property.Filterable).Select(property => property.WireName).ToHashSet(StringComparer.Ordinal)
            : [];
        if (marked.Count > 0)
        {
            return marked;
        }

        var names = filter.Values.Select(value => value.Value).Where(value => FieldName().IsMatch(value)).ToHashSet(StringComparer.Ordinal);
        return names.Count == 0 ? null : names;
    }

    private static bool IdOnly(MethodModel? list) =>
        list?.Parameters.FirstOrDefault(p => p.WireName == "select")?.Description is { } description && OnlyId().IsMatch(description);

    private static string Pascal(string prefix)
    {
        var last = prefix[(prefix.LastIndexOf('.') + 1)..];
        return last.Length == 0 ? prefix : char.ToUpperInvariant(last[0]) + last[1..];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"only\s+(the\s+)?`?id`?\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyId();
}
