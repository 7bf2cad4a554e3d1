using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>Bookable resources kept in memory: add, rename, list, delete.</summary>
internal sealed class CalendarResourceHandlers
{
    private readonly ConcurrentDictionary<int, JsonObject> _resources = new();
    private int _lastId;

    public void Register(MethodRegistry registry)
    {
        registry.Add("calendar.resource.add", Add);
        registry.Add("calendar.resource.update", Update);
        registry.Add("calendar.resource.list", _ => new JsonArray(_resources.OrderBy(p => p.Key).Select(p => (JsonNode?)p.Value.DeepClone()).ToArray()));
        registry.Add("calendar.resource.delete", Delete);
    }

    private MethodResult Add(MethodCall call)
    {
        var id = Interlocked.Increment(ref _lastId);
        _resources[id] = new JsonObject
        {
            ["ID"] = id.ToString(CultureInfo.InvariantCulture),
            ["NAME"] = call.Parameters["name"]?.ToString(),
            ["CREATED_BY"] = call.UserId.ToString(CultureInfo.InvariantCulture),
        };
        return JsonValue.Create(id);
    }

    private MethodResult Update(MethodCall call)
    {
        var id = Id(call);
        if (!_resources.TryGetValue(id, out var resource))
        {
            throw new Bitrix24EmulatorError(400, string.Empty, "An error occurred while updating the resource");
        }

        lock (resource)
        {
            resource["NAME"] = call.Parameters["name"]?.ToString();
        }

        return JsonValue.Create(id);
    }

    private MethodResult Delete(MethodCall call) =>
        _resources.TryRemove(Id(call), out _)
            ? JsonValue.Create(true)
            : throw new Bitrix24EmulatorError(400, string.Empty, "An error occurred while deleting the resource");

    private static int Id(MethodCall call) =>
        int.TryParse(call.Parameters["resourceId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
