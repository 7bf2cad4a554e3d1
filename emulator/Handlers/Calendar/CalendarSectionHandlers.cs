using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>
/// Calendars (sections) kept in memory: <c>calendar.section.add</c> creates one for a user or workgroup,
/// <c>get</c> lists an owner's calendars, <c>update</c> and <c>delete</c> act on one by id.
/// </summary>
internal sealed class CalendarSectionHandlers
{
    private readonly ConcurrentDictionary<int, JsonObject> _sections = new();
    private readonly TimeProvider _time;
    private int _lastId;

    public CalendarSectionHandlers(TimeProvider time) => _time = time;

    public void Register(MethodRegistry registry)
    {
        registry.Add("calendar.section.add", Add);
        registry.Add("calendar.section.update", Update);
        registry.Add("calendar.section.get", Get);
        registry.Add("calendar.section.delete", Delete);
    }

    private MethodResult Add(MethodCall call)
    {
        var name = Text(call.Parameters["name"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new Bitrix24EmulatorError(400, string.Empty, "Invalid value for the \"name\" parameter");
        }

        var id = Interlocked.Increment(ref _lastId);
        var now = Now();
        var section = new JsonObject
        {
            ["ID"] = id.ToString(CultureInfo.InvariantCulture),
            ["NAME"] = name,
            ["GAPI_CALENDAR_ID"] = null,
            ["DESCRIPTION"] = Text(call.Parameters["description"]) ?? string.Empty,
            ["COLOR"] = Text(call.Parameters["color"]) ?? "#9dcf00",
            ["TEXT_COLOR"] = Text(call.Parameters["text_color"]) ?? "#ffffff",
            ["EXPORT"] = new JsonObject { ["ALLOW"] = IsTrue(call.Parameters["export"]?["ALLOW"]) },
            ["CAL_TYPE"] = Text(call.Parameters["type"]),
            ["OWNER_ID"] = (Number(call.Parameters["ownerId"]) ?? 0).ToString(CultureInfo.InvariantCulture),
            ["CREATED_BY"] = call.UserId.ToString(CultureInfo.InvariantCulture),
            ["DATE_CREATE"] = now,
            ["TIMESTAMP_X"] = now,
            ["CAL_DAV_CON"] = null,
            ["SYNC_TOKEN"] = null,
            ["PAGE_TOKEN"] = null,
            ["EXTERNAL_TYPE"] = "local",
            ["ACCESS"] = new JsonArray(),
            ["IS_COLLAB"] = false,
            ["PERM"] = new JsonObject
            {
                ["view_time"] = true,
                ["view_title"] = true,
                ["view_full"] = true,
                ["add"] = true,
                ["edit"] = true,
                ["edit_section"] = true,
                ["access"] = true,
            },
        };
        _sections[id] = section;
        return JsonValue.Create(id);
    }

    private MethodResult Update(MethodCall call)
    {
        var section = Find(call) ?? throw new Bitrix24EmulatorError(400, string.Empty, "An error occurred while updating the section");
        lock (section)
        {
            foreach (var (parameter, field) in new[] { ("name", "NAME"), ("description", "DESCRIPTION"), ("color", "COLOR"), ("text_color", "TEXT_COLOR") })
            {
                if (Text(call.Parameters[parameter]) is { } value)
                {
                    section[field] = value;
                }
            }

            if (call.Parameters["export"] is JsonObject export && export.ContainsKey("ALLOW"))
            {
                section["EXPORT"] = new JsonObject { ["ALLOW"] = IsTrue(export["ALLOW"]) };
            }

            section["TIMESTAMP_X"] = Now();
            return JsonValue.Create(int.Parse((string)section["ID"]!, CultureInfo.InvariantCulture));
        }
    }

    private MethodResult Get(MethodCall call)
    {
        var type = Text(call.Parameters["type"]);
        var owner = (Number(call.Parameters["ownerId"]) ?? 0).ToString(CultureInfo.InvariantCulture);
        var found = _sections
            .OrderBy(pair => pair.Key)
            .Select(pair => pair.Value)
            .Where(section => (string?)section["CAL_TYPE"] == type && (string?)section["OWNER_ID"] == owner)
            .Select(section => (JsonNode?)section.DeepClone())
            .ToArray();
        return new JsonArray(found);
    }

    private MethodResult Delete(MethodCall call)
    {
        var section = Find(call);
        if (section is null || !_sections.TryRemove(int.Parse((string)section["ID"]!, CultureInfo.InvariantCulture), out _))
        {
            throw new Bitrix24EmulatorError(400, string.Empty, "An error occurred while deleting the section.");
        }

        return JsonValue.Create(true);
    }

    /// <summary>Whether the calendar exists and belongs to this owner.</summary>
    public bool Belongs(int id, string type, long ownerId) =>
        _sections.TryGetValue(id, out var section) &&
        (string?)section["CAL_TYPE"] == type &&
        (string?)section["OWNER_ID"] == ownerId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The owner's first calendar, created (as a portal does on first use) when the owner has none.</summary>
    public int DefaultFor(string type, long ownerId, int userId)
    {
        var owner = ownerId.ToString(CultureInfo.InvariantCulture);
        lock (_sections)
        {
            var existing = _sections.OrderBy(pair => pair.Key).FirstOrDefault(pair => (string?)pair.Value["CAL_TYPE"] == type && (string?)pair.Value["OWNER_ID"] == owner);
            if (existing.Value is not null)
            {
                return existing.Key;
            }

            var call = new MethodCall("calendar.section.add", userId, new JsonObject { ["type"] = type, ["ownerId"] = ownerId, ["name"] = "My calendar" });
            return (int)Add(call).Result!;
        }
    }

    /// <summary>The section named by <c>id</c>, if it belongs to the <c>type</c> and <c>ownerId</c> given.</summary>
    private JsonObject? Find(MethodCall call)
    {
        if (!_sections.TryGetValue((int)(Number(call.Parameters["id"]) ?? 0), out var section))
        {
            return null;
        }

        var sameOwner = (string?)section["CAL_TYPE"] == Text(call.Parameters["type"]) &&
            (string?)section["OWNER_ID"] == (Number(call.Parameters["ownerId"]) ?? 0).ToString(CultureInfo.InvariantCulture);
        return sameOwner ? section : null;
    }

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
