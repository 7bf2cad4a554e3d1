using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Specs;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>
/// A family of methods over one kind of entity, <c>{prefix}.add/get/list/update/delete</c>, and what its specs say
/// of it: which parameter carries the fields and which the id, which parameters split the store (<c>entityTypeId</c>
/// of <c>crm.item.*</c>), how each method wraps its answer (<c>{"item": {...}}</c>, <c>{"items": [...]}</c>) and
/// which fields an entity has, by their names and forms in the documented answer of <c>get</c>.
/// </summary>
internal sealed class EntityFamily
{
    private EntityFamily(string prefix, MethodModel add, MethodModel get, string fieldsParameter, string idParameter, IReadOnlyList<string> partition)
    {
        Prefix = prefix;
        Add = add;
        Get = get;
        FieldsParameter = fieldsParameter;
        IdParameter = idParameter;
        Partition = partition;
    }

    public string Prefix { get; }

    public MethodModel Add { get; }

    public MethodModel Get { get; }

    public MethodModel? List { get; private init; }

    public MethodModel? Update { get; private init; }

    public MethodModel? Delete { get; private init; }

    /// <summary>The parameter of <c>add</c> and <c>update</c> with the entity's fields (<c>fields</c>).</summary>
    public string FieldsParameter { get; }

    /// <summary>The parameter of <c>get</c> with the entity's id (<c>id</c>, <c>taskId</c>).</summary>
    public string IdParameter { get; }

    /// <summary>Parameters every method of the family takes that keep entities apart (<c>entityTypeId</c>).</summary>
    public IReadOnlyList<string> Partition { get; }

    /// <summary>The entity as the documented answer of <c>get</c> shows it: its field names and value forms.</summary>
    public JsonObject Template { get; private init; } = new();

    /// <summary>The field that holds the id in answers (<c>ID</c>, <c>id</c>).</summary>
    public string IdField { get; private init; } = "ID";

    /// <summary>The families the specs describe: every <c>add</c> with a <c>get</c> beside it, a fields parameter and an id.</summary>
    public static IReadOnlyList<EntityFamily> Find(SpecCatalog specs)
    {
        var families = new List<EntityFamily>();
        foreach (var add in specs.Methods.Where(method => method.Name.EndsWith(".add", StringComparison.OrdinalIgnoreCase)))
        {
            var prefix = add.Name[..^".add".Length];
            // A family is of one API version: a REST 3.0 family is kept apart from the classic family of its prefix.
            // A portal keeps one set of tasks whichever version reads them; the emulator keeps two, since the
            // versions name and shape the fields differently.
            if (specs.Find(prefix + ".get", add.Api) is not { } get
                || add.Parameters.FirstOrDefault(parameter => parameter.WireName.Equals("fields", StringComparison.OrdinalIgnoreCase)) is not { } fields
                || IdOf(get, add) is not { } id)
            {
                continue;
            }

            var partition = get.Parameters
                .Where(parameter => parameter.Required && parameter.WireName != id && add.Parameters.Any(other => other.WireName == parameter.WireName))
                .Select(parameter => parameter.WireName)
                .ToList();
            var answer = SpecCatalog.ExampleAnswer(get)?.Result;
            var template = (WrapperOf(get, specs) is { } wrapper && answer is JsonObject wrapped ? wrapped[wrapper] : answer) as JsonObject ?? FromType(specs, get);
            // A REST 3.0 answer holds its entity in "item", whatever else its result type lists.
            if (add.Api == MethodApi.V3 && template.Count == 1 && template["item"] is JsonObject item)
            {
                template = (JsonObject)item.DeepClone();
            }

            families.Add(new EntityFamily(prefix, add, get, fields.WireName, id, partition)
            {
                List = specs.Find(prefix + ".list", add.Api),
                Update = specs.Find(prefix + ".update", add.Api),
                Delete = specs.Find(prefix + ".delete", add.Api),
                Template = template,
                IdField = template.Select(field => field.Key).FirstOrDefault(key => key.Equals("id", StringComparison.OrdinalIgnoreCase)) ?? "ID",
            });
        }

        return families;
    }

    /// <summary>
    /// The id parameter of a method of the family: an integer <c>id</c>, or the one integer <c>…Id</c> that <c>add</c>
    /// does not take. Entities named by a code (<c>crm.currency</c>) are not kept: their methods answer their examples.
    /// </summary>
    public static string? IdOf(MethodModel method, MethodModel add)
    {
        var integers = method.Parameters.Where(parameter => parameter.Type.Kind is WireKind.Integer or WireKind.IntegerString).ToList();
        if (method.Parameters.FirstOrDefault(parameter => parameter.WireName.Equals("id", StringComparison.OrdinalIgnoreCase)) is { } id)
        {
            return integers.Contains(id) ? id.WireName : null;
        }

        return integers
            .Where(parameter => parameter.WireName.EndsWith("Id", StringComparison.Ordinal) && !add.Parameters.Any(other => other.WireName == parameter.WireName))
            .Select(parameter => parameter.WireName)
            .SingleOrDefault();
    }

    /// <summary>
    /// The key a method wraps its entity in (<c>item</c> of <c>{"item": {...}}</c>), when its result is an object of
    /// one raw or object property; null for a bare entity.
    /// </summary>
    public static string? WrapperOf(MethodModel method, SpecCatalog specs) =>
        method.PageItems?.WireName
        ?? (method.Result.Type is { Kind: WireKind.Named } named && specs.Type(named.Name!) is { Kind: TypeKind.Object, Properties: [var only] }
            && only.Type.Kind is WireKind.Json or WireKind.Named or WireKind.Array
                ? only.WireName
                : null);

    // Without a documented answer: the fields of the result type, all empty. A REST 3.0 result type lists the
    // entity's fields beside the "item" that holds them, or has "item" name the entity's type; that "item" is not a field.
    private static JsonObject FromType(SpecCatalog specs, MethodModel get)
    {
        var template = new JsonObject();
        if (get.Result.Type is { Kind: WireKind.Named } named && specs.Type(named.Name!) is { Kind: TypeKind.Object } type)
        {
            // Or the fields of the type "item" names, when it names one.
            if (type.Properties.FirstOrDefault(property => property.WireName == "item") is { Type: { Kind: WireKind.Named } item }
                && specs.Type(item.Name!) is { Kind: TypeKind.Object } itemType)
            {
                type = itemType;
            }

            foreach (var property in type.Properties.Where(property => !(property.WireName == "item" && property.Type.Kind == WireKind.Json && type.Properties.Count > 1)))
            {
                template[property.WireName] = null;
            }
        }

        return template;
    }
}
