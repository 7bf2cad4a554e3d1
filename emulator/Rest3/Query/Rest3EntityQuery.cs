using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Rest3.Query;

/// <summary>
/// The REST 3.0 reads of one entity family: <c>list</c> with <c>filter</c>, <c>order</c>, <c>pagination</c> and
/// <c>select</c>, answering <c>{"items": [...]}</c>; <c>get</c> with <c>select</c>, answering <c>{"item": {...}}</c>.
/// The call's parameters are all read before any entity is, so that a wrong one is refused even over an empty store.
/// </summary>
internal sealed class Rest3EntityQuery
{
    private readonly EntityFields _fields;
    private readonly RelatedObjects _related;
    private readonly string _prefix;

    public Rest3EntityQuery(EntityFields fields, RelatedObjects related, string prefix)
    {
        _fields = fields;
        _related = related;
        _prefix = prefix;
    }

    public EntityFields Fields => _fields;

    /// <summary>One page of the entities the call's filter keeps, in its order, with the fields it selects.</summary>
    public JsonObject List(JsonObject parameters, System.Func<IEnumerable<JsonObject>> entities)
    {
        var filter = FilterParser.Parse(parameters["filter"], _fields);
        var selection = Selection.Of(parameters["select"], _fields, _related, _prefix, _fields.IdOnlyByDefault);
        var page = Pagination.Of(parameters["pagination"]);
        var matching = entities().Where(entity => filter?.Matches(entity) ?? true);
        var ordered = Ordering.Ordered(matching, parameters["order"], _fields);
        var items = ordered.Skip(page.Offset).Take(page.Limit).Select(entity => (JsonNode?)selection.Apply(entity));
        return new JsonObject { ["items"] = new JsonArray(items.ToArray()) };
    }

    /// <summary>The entity with the fields the call selects, every own field without a select.</summary>
    public JsonObject Get(JsonObject parameters, JsonObject entity) =>
        new() { ["item"] = Selection.Of(parameters["select"], _fields, _related, _prefix, idOnly: false).Apply(entity) };
}
