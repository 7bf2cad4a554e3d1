using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Rest3;
using Bitrix24.Emulator.Rest3.Query;
using Bitrix24.Emulator.Specs;
using Bitrix24.Generated.Specs.Model;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Handlers.Entities;

/// <summary>
/// The methods of one entity family over a store, answering as the family's specs say: <c>add</c> the new id (or the
/// entity in its wrapper), <c>get</c> the entity, <c>list</c> a page of 50 with <c>total</c> and <c>next</c>,
/// <c>update</c> and <c>delete</c> <c>true</c> (or what the spec's answer shows). Creation and change times and users
/// are filled in where the family's answer has such fields.
/// </summary>
internal sealed class EntityHandlers
{
    private static readonly string[] Created = ["DATE_CREATE", "createdTime", "createdDate", "CREATED_DATE", "dateCreate"];
    private static readonly string[] Modified = ["DATE_MODIFY", "updatedTime", "changedDate", "CHANGED_DATE", "dateModify"];
    private static readonly string[] CreatedBy = ["CREATED_BY_ID", "createdBy", "CREATED_BY"];
    private static readonly string[] ModifiedBy = ["MODIFY_BY_ID", "updatedBy", "changedBy", "CHANGED_BY"];
    private static readonly string[] Assigned = ["ASSIGNED_BY_ID", "assignedById", "responsibleId", "RESPONSIBLE_ID"];

    private readonly EntityFamily _family;
    private readonly EntityShape _shape;
    private readonly SpecCatalog _specs;
    private readonly TimeProvider _clock;
    private readonly EntityStore _store = new();
    private readonly FieldsParameter _addFields;
    private readonly FieldsParameter? _updateFields;
    private readonly Rest3EntityQuery? _rest3;

    public EntityHandlers(EntityFamily family, SpecCatalog specs, TimeProvider clock, RelatedObjects related)
    {
        _family = family;
        _shape = new EntityShape(family.Template);
        _specs = specs;
        _clock = clock;
        _addFields = FieldsOf(family.Add) ?? new FieldsParameter(family.FieldsParameter, []);
        _updateFields = family.Update is { } update ? FieldsOf(update) : null;
        if (Rest3Methods.IsRest3(family.Get))
        {
            // A REST 3.0 family reads with the REST 3.0 query language, and its entities are related objects of others.
            _rest3 = new Rest3EntityQuery(EntityFields.Of(family, specs), related, family.Prefix);
            related.Add(new StoredEntities(this, _rest3.Fields));
        }
    }

    /// <summary>Answers the family's methods that have no handler yet.</summary>
    public void Register(MethodRegistry methods)
    {
        AddIfFree(methods, _family.Add, Add);
        AddIfFree(methods, _family.Get, Get);
        AddIfFree(methods, _family.List, List);
        // An update that takes no fields (values, a status) is not one the store can apply.
        AddIfFree(methods, _updateFields is null ? null : _family.Update, Update);
        AddIfFree(methods, _family.Delete, Delete);
    }

    private static void AddIfFree(MethodRegistry methods, MethodModel? method, MethodHandler handler)
    {
        if (method is not null && !methods.TryGet(method.Api, method.Name, out _))
        {
            methods.Add(method.Api, method.Name, handler);
        }
    }

    private MethodResult Add(MethodCall call)
    {
        var fields = Fields(call, _addFields);
        var now = Now();
        var entity = _store.Add(Partition(call), id =>
        {
            var created = new JsonObject { [_family.IdField] = _shape.Shaped(_family.IdField, JsonValue.Create(id)) };
            foreach (var key in _family.Partition)
            {
                Set(created, key, call.Parameters[key]);
            }

            Fill(created, Created, now);
            Fill(created, CreatedBy, call.UserId);
            Fill(created, Assigned, call.UserId);
            Merge(created, fields, _addFields);
            Fill(created, Modified, now, replace: true);
            Fill(created, ModifiedBy, call.UserId, replace: true);
            return created;
        });

        return Answer(_family.Add, entity, Number(entity[_family.IdField]));
    }

    private MethodResult Get(MethodCall call) =>
        _rest3 is not null ? _rest3.Get(call.Parameters, Full(Find(call, _family.Get))) : Answer(_family.Get, Find(call, _family.Get), null);

    private MethodResult List(MethodCall call)
    {
        var list = _family.List!;
        if (_rest3 is not null)
        {
            return _rest3.List(call.Parameters, () => _store.All(Partition(call)).Select(Full));
        }

        var matching = _store.All(Partition(call)).Where(entity => EntityQuery.Matches(entity, call.Parameters["filter"] as JsonObject, _shape));
        var ordered = EntityQuery.Ordered(matching, call.Parameters["order"] as JsonObject, _shape, _family.IdField);
        var items = ordered.Select(entity => (JsonNode?)EntityQuery.Selected(Full(entity), call.Parameters["select"] as JsonArray, _shape, _family.IdField)).ToList();
        var page = list.Paged ? MethodResult.Page(items, call.Parameters) : new MethodResult(new JsonArray(items.ToArray()));
        return EntityFamily.WrapperOf(list, _specs) is { } wrapper ? page with { Result = new JsonObject { [wrapper] = page.Result } } : page;
    }

    private MethodResult Update(MethodCall call)
    {
        var update = _family.Update!;
        var fields = Fields(call, _updateFields!);
        var now = Now();
        var entity = _store.Update(Partition(call), Id(call, update), stored =>
        {
            Merge(stored, fields, _updateFields!);
            Fill(stored, Modified, now, replace: true);
            Fill(stored, ModifiedBy, call.UserId, replace: true);
        }) ?? throw NotFound(update, Id(call, update));
        return Answer(update, entity, null);
    }

    private MethodResult Delete(MethodCall call)
    {
        var delete = _family.Delete!;
        if (!_store.Delete(Partition(call), Id(call, delete)))
        {
            throw NotFound(delete, Id(call, delete));
        }

        return delete.Result.Type.Kind == WireKind.Boolean
            ? JsonValue.Create(true)
            : SpecCatalog.ExampleAnswer(delete) ?? JsonValue.Create(true);
    }

    private JsonObject Find(MethodCall call, MethodModel method) =>
        _store.Get(Partition(call), Id(call, method)) ?? throw NotFound(method, Id(call, method));

    // What a method answers with an entity: the new id for an add that returns one, true for a plain update, the
    // entity itself, or the entity in the wrapper the method's result names.
    private MethodResult Answer(MethodModel method, JsonObject entity, long? newId)
    {
        var type = method.Result.Type;
        if (newId is { } id && type.Kind is WireKind.Integer or WireKind.IntegerString)
        {
            return type.Kind == WireKind.Integer ? JsonValue.Create(id) : JsonValue.Create(id.ToString(CultureInfo.InvariantCulture));
        }

        if (type.Kind == WireKind.Boolean)
        {
            return JsonValue.Create(true);
        }

        var full = Full(entity);
        return EntityFamily.WrapperOf(method, _specs) is { } wrapper ? new JsonObject { [wrapper] = full } : full;
    }

    // Every field the family answers, empty ones as null, then what is stored beyond them (custom fields).
    private JsonObject Full(JsonObject entity)
    {
        var full = new JsonObject();
        foreach (var field in _shape.Fields)
        {
            full[field] = entity[field]?.DeepClone();
        }

        foreach (var (field, value) in entity)
        {
            full[field] = value?.DeepClone();
        }

        return full;
    }

    private static JsonObject Fields(MethodCall call, FieldsParameter parameter) =>
        call.Parameters[parameter.Name] as JsonObject ?? throw new Bitrix24EmulatorError(400, string.Empty, "Parameter '" + parameter.Name + "' must be array");

    // Fields the family does not know are not stored, as a portal ignores them; custom fields are each portal's own.
    private void Merge(JsonObject entity, JsonObject fields, FieldsParameter parameter)
    {
        foreach (var (key, value) in fields)
        {
            var name = _shape.NameOf(key);
            var known = _family.Template.ContainsKey(name) || parameter.Declared.Contains(key) || EntityShape.IsUserField(key)
                || (_family.Template.Count == 0 && parameter.Declared.Count == 0);
            if (known && name != _family.IdField)
            {
                Set(entity, name, value);
            }
        }
    }

    // A method's own fields parameter (an update may name it in another case than the add: FIELDS, fields) and the
    // fields its spec declares there, when it types them; null when the method takes none.
    private FieldsParameter? FieldsOf(MethodModel method)
    {
        var parameter = method.Parameters.FirstOrDefault(candidate => candidate.WireName.Equals(_family.FieldsParameter, StringComparison.OrdinalIgnoreCase));
        if (parameter is null)
        {
            return null;
        }

        var declared = parameter.Type is { Kind: WireKind.Named } named && _specs.Type(named.Name!) is { Kind: TypeKind.Object } type
            ? type.Properties.Select(property => property.WireName).ToHashSet(StringComparer.Ordinal)
            : [];
        return new FieldsParameter(parameter.WireName, declared);
    }

    private void Set(JsonObject entity, string name, JsonNode? value) => entity[_shape.NameOf(name)] = _shape.Shaped(_shape.NameOf(name), value);

    // A field the family answers gets the value unless the caller gave one (or always, for change times).
    private void Fill(JsonObject entity, string[] names, object value, bool replace = false)
    {
        foreach (var name in names.Where(name => _family.Template.ContainsKey(name)))
        {
            if (replace || entity[name] is null)
            {
                Set(entity, name, value is string text ? JsonValue.Create(text) : JsonValue.Create((int)value));
            }
        }
    }

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string Partition(MethodCall call) =>
        string.Join("|", _family.Partition.Select(key => Text(call.Parameters[key]) ?? string.Empty));

    private long Id(MethodCall call, MethodModel method)
    {
        var parameter = EntityFamily.IdOf(method, _family.Add) ?? _family.IdParameter;
        return Number(call.Parameters[parameter]) ?? throw Bitrix24EmulatorError.MissingParameter(method.Name, parameter);
    }

    // The method's documented error for a missing entity, or the portal's usual one; REST 3.0 has one for every method.
    private static Bitrix24EmulatorError NotFound(MethodModel method, long id) =>
        Rest3Methods.IsRest3(method) ? QueryErrors.NotFound(id)
        : method.Errors.FirstOrDefault(error => error.Name.Contains("NotFound", StringComparison.Ordinal) && error.Message is not null) is { } documented
            ? new Bitrix24EmulatorError(documented.Status, documented.Code, documented.Message!)
            : new Bitrix24EmulatorError(400, string.Empty, "Not found");

    private sealed record FieldsParameter(string Name, HashSet<string> Declared);

    // The family's entities, as a related object of another entity: every field, as get answers them.
    private sealed class StoredEntities(EntityHandlers handlers, EntityFields fields) : IRelatedSource
    {
        public string EntityName => fields.EntityName;

        public string Prefix => handlers._family.Prefix;

        public IReadOnlyCollection<string> Fields { get; } = fields.Names.ToList();

        public JsonObject? Find(long id) => handlers._store.Find(id) is { } entity ? handlers.Full(entity) : null;
    }
}
