using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// <c>event.offline.get</c>, <c>clear</c>, <c>error</c> and <c>list</c> over the portal's offline queue. Like the
/// portal, they answer only an application: a webhook gets <c>WRONG_AUTH_TYPE</c>.
/// </summary>
internal sealed class OfflineEventHandlers
{
    private const int DefaultLimit = 50;
    private readonly OfflineEventQueue _queue;

    public OfflineEventHandlers(OfflineEventQueue queue) => _queue = queue;

    public void Register(MethodRegistry methods)
    {
        methods.Add("event.offline.get", Get);
        methods.Add("event.offline.clear", Clear);
        methods.Add("event.offline.error", Error);
        methods.Add("event.offline.list", List);
    }

    private MethodResult Get(MethodCall call)
    {
        ApplicationOnly.Require(call);
        var p = call.Parameters;
        var query = OfflineEventQuery.Read(p, "TIMESTAMP_X", withProcessFields: false);
        var limit = Number(p["limit"]) is { } asked && asked > 0 ? (int)System.Math.Min(asked, int.MaxValue) : DefaultLimit;
        // clear defaults to 1: a plain get deletes what it returns.
        var clear = p["clear"] is null || IsTrue(p["clear"]);
        var (processId, records) = _queue.Take(query, limit, clear, Text(p["process_id"]), IsTrue(p["error"]));
        return new JsonObject
        {
            ["process_id"] = processId,
            ["events"] = new JsonArray([.. records.Select(r => (JsonNode)r.ToGetItem())]),
        };
    }

    private MethodResult Clear(MethodCall call)
    {
        ApplicationOnly.Require(call);
        var processId = RequiredProcess(call);
        var ids = Values(call.Parameters["id"]).Select(IdOf).Where(n => n is not null).Select(n => (int)n!.Value).ToList();
        _queue.Clear(processId, ids, Values(call.Parameters["message_id"]).OfType<string>().ToList());
        return JsonValue.Create(true);
    }

    private MethodResult Error(MethodCall call)
    {
        ApplicationOnly.Require(call);
        var processId = RequiredProcess(call);
        _queue.MarkFailed(processId, Values(call.Parameters["message_id"]).OfType<string>().ToList());
        return JsonValue.Create(true);
    }

    private MethodResult List(MethodCall call)
    {
        ApplicationOnly.Require(call);
        var query = OfflineEventQuery.Read(call.Parameters, "ID", withProcessFields: true);
        var items = _queue.List(query).Select(r => (JsonNode?)r.ToListItem()).ToList();
        return MethodResult.Page(items, call.Parameters);
    }

    private static string RequiredProcess(MethodCall call) =>
        Text(call.Parameters["process_id"]) is { Length: > 0 } processId
            ? processId
            : throw Bitrix24EmulatorError.MissingParameter(call.Method, "process_id");

    // An id list comes as a JSON array, a form's id[0]=…, or a single value.
    private static IEnumerable<string?> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text),
        JsonObject map => map.Select(pair => Text(pair.Value)),
        null => [],
        _ => [Text(node)],
    };

    private static long? IdOf(string? text) => Number(text is null ? null : JsonValue.Create(text));
}
