using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>
/// Calendar events kept in memory, as a portal keeps them: add, update (a whole event or series, or from one
/// occurrence on, which splits the series), read by id, list over a period with recurring events expanded into
/// occurrences, the upcoming ones, delete; the meeting answers of the caller; availability of users.
/// Times without an offset are read in the event's time zone (<c>timezone_from</c>/<c>timezone_to</c>), or in the
/// caller's, which the emulated portal keeps at UTC.
/// </summary>
internal sealed partial class CalendarEventHandlers
{
    private const string UserZone = "UTC";
    private readonly ConcurrentDictionary<int, StoredCalendarEvent> _events = new();
    private readonly CalendarSectionHandlers _sections;
    private readonly TimeProvider _time;
    private readonly PortalDateFormat _dates;
    private int _lastId;

    public CalendarEventHandlers(CalendarSectionHandlers sections, TimeProvider time, PortalDateFormat dates)
    {
        _sections = sections;
        _time = time;
        _dates = dates;
    }

    public void Register(MethodRegistry registry)
    {
        registry.Add("calendar.event.add", Add);
        registry.Add("calendar.event.update", Update);
        registry.Add("calendar.event.getbyid", GetById);
        registry.Add("calendar.event.get", Get);
        registry.Add("calendar.event.get.nearest", GetNearest);
        registry.Add("calendar.event.delete", Delete);
        registry.Add("calendar.meeting.status.get", MeetingStatusGet);
        registry.Add("calendar.meeting.status.set", MeetingStatusSet);
        registry.Add("calendar.accessibility.get", Accessibility);
    }

    private MethodResult Add(MethodCall call)
    {
        var p = call.Parameters;
        var name = Text(p["name"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error("Invalid value for the parameter \"name\"");
        }

        // from_ts stands in for from; the spec check lets neither through alone, so check the pair here.
        if (p["from"] is null && p["from_ts"] is null)
        {
            throw Bitrix24EmulatorError.MissingParameter(call.Method, "from");
        }

        if (p["to"] is null && p["to_ts"] is null)
        {
            throw Bitrix24EmulatorError.MissingParameter(call.Method, "to");
        }

        var type = Text(p["type"])!;
        var owner = Number(p["ownerId"]) ?? 0;
        var section = Section(call, type, owner, "You specified an invalid calendar section ID or the user does not have access to it");
        var now = Now();
        var stored = new StoredCalendarEvent
        {
            Id = Interlocked.Increment(ref _lastId),
            CalendarType = type,
            OwnerId = owner,
            SectionId = section,
            Name = name,
            Host = call.UserId,
            CreatedBy = call.UserId,
            Created = now,
            Modified = now,
        };
        Apply(stored, p, creating: true);
        _events[stored.Id] = stored;
        return JsonValue.Create(stored.Id);
    }

    private MethodResult Update(MethodCall call)
    {
        var p = call.Parameters;
        var stored = Find(Number(p["id"]));
        if (stored is null || stored.CalendarType != Text(p["type"]) || stored.OwnerId != Number(p["ownerId"]))
        {
            throw Error("An error occurred while changing the event.");
        }

        if (p["name"] is not null && string.IsNullOrWhiteSpace(Text(p["name"])))
        {
            throw Error("Invalid value for the \"name\" parameter.");
        }

        if (stored.IsMeeting && stored.Host != call.UserId && Number(p["host"]) != stored.Host)
        {
            throw Error("Access denied.");
        }

        var mode = Text(p["recurrence_mode"]);
        lock (stored)
        {
            if (p["section"] is not null)
            {
                stored.SectionId = Section(call, stored.CalendarType, stored.OwnerId, "You specified an invalid calendar section ID or the user does not have access to it.");
            }

            if (stored.Recurrence is null || mode is null or "all")
            {
                Apply(stored, p, creating: false);
                stored.Modified = Now();
                stored.Version++;
                return JsonValue.Create(stored.Id);
            }

            if (!DateOnly.TryParseExact(Text(p["current_date_from"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurrence) ||
                !stored.OccurrencesBetween(occurrence, occurrence).Contains(occurrence))
            {
                throw Error("An error occurred while changing the event.");
            }

            return Split(call, stored, occurrence, mode == "this");
        }
    }

    /// <summary>
    /// Changes one occurrence (<c>this</c>) or the occurrences from one on (<c>next</c>): the original series loses
    /// them and a new event carries the change. Answers what the portal answers for such a split.
    /// </summary>
    private JsonObject Split(MethodCall call, StoredCalendarEvent series, DateOnly occurrence, bool onlyThis)
    {
        var seriesStart = DateOnly.FromDateTime(series.From);
        var shift = occurrence.DayNumber - seriesStart.DayNumber;
        var originalFrom = series.From.AddDays(shift);
        var now = Now();
        var changed = series.Copy(Interlocked.Increment(ref _lastId), call.UserId, now);
        changed.From = series.From.AddDays(shift);
        changed.To = series.To.AddDays(shift);
        changed.RecurrenceOf = series.Id;
        changed.OriginalFrom = originalFrom;
        if (onlyThis)
        {
            changed.Recurrence = null;
            series.ExceptionDates.Add(occurrence);
        }
        else
        {
            var rule = series.Recurrence!;
            var before = rule.CountBefore(seriesStart, occurrence);
            changed.Recurrence = rule with { Count = rule.Count - before };
            series.Recurrence = rule with { Count = rule.Count is null ? null : before, Until = rule.Count is null ? occurrence.AddDays(-1) : rule.Until };
        }

        Apply(changed, call.Parameters, creating: false);
        series.Modified = now;
        series.Version++;
        _events[changed.Id] = changed;
        return new JsonObject
        {
            ["originalDate"] = _dates.Format(originalFrom),
            ["originalDavXmlId"] = series.DavXmlId,
            ["instanceTz"] = series.TimeZoneFrom,
            ["recEventId"] = changed.Id,
            ["id"] = series.Id,
        };
    }

    private MethodResult GetById(MethodCall call)
    {
        // A portal does not tell a missing event from one the caller may not see.
        var stored = Find(Number(call.Parameters["id"])) ?? throw Error("Access denied");
        lock (stored)
        {
            return stored.ToPortalJson(DateOnly.FromDateTime(stored.From), _dates);
        }
    }

    private MethodResult Get(MethodCall call)
    {
        var p = call.Parameters;
        var type = Text(p["type"]);
        var owner = Number(p["ownerId"]);
        var today = DateOnly.FromDateTime(Now());
        var from = Date(p["from"]) ?? today.AddMonths(-1);
        var to = Date(p["to"]) ?? today.AddMonths(3);
        var sections = p["section"] is JsonArray list ? list.Select(s => Number(s)).ToHashSet() : null;
        return List(e => e.CalendarType == type && e.OwnerId == owner && (sections is null || sections.Contains(e.SectionId)), from, to, e => day => e.ToPortalJson(day, _dates));
    }

    private MethodResult GetNearest(MethodCall call)
    {
        var p = call.Parameters;
        var today = DateOnly.FromDateTime(Now());
        var days = (int)(Number(p["days"]) ?? 60);
        var forCurrentUser = Text(p["forCurrentUser"]) is not ("false" or "0" or "N");
        var type = Text(p["type"]) ?? "user";
        var owner = Number(p["ownerId"]) ?? call.UserId;
        Func<StoredCalendarEvent, bool> filter = forCurrentUser
            ? e => e.Involves(call.UserId)
            : e => e.CalendarType == type && e.OwnerId == owner;
        var events = List(filter, today, today.AddDays(days), e => day => e.ToPortalJson(day, _dates));
        if (Number(p["maxEventsCount"]) is { } max && max >= 0)
        {
            while (events.Count > max)
            {
                events.RemoveAt(events.Count - 1);
            }
        }

        return events;
    }

    private MethodResult Delete(MethodCall call)
    {
        if (call.Parameters["id"] is null)
        {
            throw Error("Event id not specified");
        }

        var id = Number(call.Parameters["id"]) ?? 0;
        if (!_events.TryRemove((int)id, out _))
        {
            throw Error("An error occurred while deleting the event");
        }

        // Occurrences changed on their own go with their series; a series split off from a later date stays.
        foreach (var split in _events.Values.Where(e => e.RecurrenceOf == id && e.Recurrence is null).ToArray())
        {
            _events.TryRemove(split.Id, out _);
        }

        return JsonValue.Create(true);
    }

    private MethodResult MeetingStatusGet(MethodCall call)
    {
        var stored = Find(Number(call.Parameters["eventId"]));
        if (stored is null || !stored.Involves(call.UserId))
        {
            throw Error("An error occurred while retrieving the status");
        }

        lock (stored)
        {
            // The organizer has agreed to their own meeting unless they said otherwise.
            return JsonValue.Create(stored.Attendees.GetValueOrDefault(call.UserId, stored.Host == call.UserId ? "Y" : "Q"));
        }
    }

    private MethodResult MeetingStatusSet(MethodCall call)
    {
        var stored = Find(Number(call.Parameters["eventId"]));
        if (stored is null || !stored.Involves(call.UserId))
        {
            throw Error("An error occurred while setting the status");
        }

        lock (stored)
        {
            stored.Attendees[call.UserId] = Text(call.Parameters["status"])!;
            stored.Version++;
        }

        return JsonValue.Create(true);
    }

    private MethodResult Accessibility(MethodCall call)
    {
        var p = call.Parameters;
        var from = Date(p["from"]) ?? throw Bitrix24EmulatorError.MissingParameter(call.Method, "from");
        var to = Date(p["to"]) ?? throw Bitrix24EmulatorError.MissingParameter(call.Method, "to");
        var result = new JsonObject();
        foreach (var user in ((JsonArray)p["users"]!).Select(u => (int)(Number(u) ?? 0)).Distinct())
        {
            // Free time does not make anyone busy.
            result[user.ToString(CultureInfo.InvariantCulture)] = List(e => e.Accessibility != "free" && e.Involves(user), from, to, e => day => e.ToBusyJson(day, _dates));
        }

        return result;
    }

    /// <summary>The occurrences of the matching events in the period, in order of start.</summary>
    private JsonArray List(Func<StoredCalendarEvent, bool> filter, DateOnly from, DateOnly to, Func<StoredCalendarEvent, Func<DateOnly, JsonObject>> render)
    {
        var occurrences = new List<(DateTime Start, int Id, JsonObject Json)>();
        foreach (var stored in _events.Values)
        {
            lock (stored)
            {
                if (!filter(stored))
                {
                    continue;
                }

                foreach (var day in stored.OccurrencesBetween(from, to))
                {
                    occurrences.Add((stored.From.AddDays(day.DayNumber - DateOnly.FromDateTime(stored.From).DayNumber), stored.Id, render(stored)(day)));
                }
            }
        }

        return new JsonArray(occurrences.OrderBy(o => o.Start).ThenBy(o => o.Id).Select(o => (JsonNode?)o.Json).ToArray());
    }

    /// <summary>Sets the fields the call gives; on creation, also the defaults of those it leaves out.</summary>
    private static void Apply(StoredCalendarEvent stored, JsonObject p, bool creating)
    {
        if (Text(p["name"]) is { Length: > 0 } name)
        {
            stored.Name = name;
        }

        if (p["skip_time"] is not null)
        {
            stored.AllDay = IsTrue(p["skip_time"]);
        }

        var zoneFrom = Text(p["timezone_from"]);
        var zoneTo = Text(p["timezone_to"]) ?? zoneFrom;
        if (Moment(p["from"], p["from_ts"], zoneFrom) is { } from)
        {
            (stored.From, stored.TimeZoneFrom) = from;
        }

        if (Moment(p["to"], p["to_ts"], zoneTo) is { } to)
        {
            (stored.To, stored.TimeZoneTo) = to;
        }

        if (stored.To < stored.From)
        {
            stored.To = stored.From;
        }

        foreach (var (parameter, set) in new (string, Action<string>)[]
        {
            ("description", v => stored.Description = v),
            ("color", v => stored.Color = v),
            ("text_color", v => stored.TextColor = v),
            ("accessibility", v => stored.Accessibility = v),
            ("importance", v => stored.Importance = v),
            ("location", v => stored.Location = v),
        })
        {
            if (Text(p[parameter]) is { } value)
            {
                set(value);
            }
        }

        if (p["private_event"] is not null)
        {
            stored.Private = IsTrue(p["private_event"]);
        }

        if (p["remind"] is JsonArray reminders)
        {
            stored.Reminders = (JsonArray)reminders.DeepClone();
        }

        if (p["rrule"] is JsonObject rule)
        {
            stored.Recurrence = CalendarRecurrence.Read(rule);
        }

        if (p["meeting"] is JsonObject meeting)
        {
            stored.MeetingOptions = (JsonObject)meeting.DeepClone();
        }

        if (p["crm_fields"] is JsonNode links)
        {
            stored.CrmLinks = links is JsonArray list ? list.Select(l => l?.ToString() ?? string.Empty).ToList() : throw Error(creating ? "The list of event links to CRM must be an array" : "The event's CRM links list must be an array.");
        }

        if (p["is_meeting"] is not null)
        {
            stored.IsMeeting = IsTrue(p["is_meeting"]);
            // With is_meeting and no attendees the list is cleared (the organizer stays).
            stored.Attendees = new Dictionary<int, string>();
        }

        if (p["attendees"] is JsonArray attendees)
        {
            var previous = stored.Attendees;
            stored.Attendees = attendees.Select(a => (int)(Number(a) ?? 0)).Where(a => a > 0).Distinct()
                .ToDictionary(a => a, a => a == stored.Host ? "Y" : previous.GetValueOrDefault(a, "Q"));
        }
    }

    /// <summary>
    /// A start or end: a Unix time, a time with an offset (the zone parameter is then ignored and the caller's zone
    /// is kept), or a wall-clock time or date read in the zone given.
    /// </summary>
    private static (DateTime Local, string Zone)? Moment(JsonNode? text, JsonNode? unix, string? zoneName)
    {
        if (Number(unix) is { } seconds)
        {
            var zone = zoneName ?? UserZone;
            return (TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), StoredCalendarEvent.Zone(zone)).DateTime, zone);
        }

        if (Text(text) is not { Length: > 0 } value)
        {
            return null;
        }

        if (OffsetSuffix().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return (TimeZoneInfo.ConvertTime(instant, StoredCalendarEvent.Zone(UserZone)).DateTime, UserZone);
        }

        if (DateTime.TryParseExact(value, new[] { "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (local, zoneName ?? UserZone);
        }

        throw Error("An error occurred while saving the event: the date \"" + value + "\" is not in a format the portal reads");
    }

    private int Section(MethodCall call, string type, long owner, string invalid)
    {
        var p = call.Parameters;
        var autoDetect = p["auto_detect_section"] is null || IsTrue(p["auto_detect_section"]);
        if (Number(p["section"]) is { } requested && _sections.Belongs((int)requested, type, owner))
        {
            return (int)requested;
        }

        // A calendar that is not the owner's is refused, unless the portal may pick one itself.
        return autoDetect ? _sections.DefaultFor(type, owner, call.UserId) : throw Error(invalid);
    }

    private StoredCalendarEvent? Find(long? id) => id is { } value && _events.TryGetValue((int)value, out var stored) ? stored : null;

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    private static Bitrix24EmulatorError Error(string message) => new(400, string.Empty, message);

    private static DateOnly? Date(JsonNode? node) =>
        DateOnly.TryParseExact(Text(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
