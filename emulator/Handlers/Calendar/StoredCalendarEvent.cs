using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>
/// An event as the emulated portal keeps it: wall-clock start and end in the event's time zones, the recurrence
/// and the fields answered as given. Rendered per occurrence in the portal's shape.
/// </summary>
internal sealed class StoredCalendarEvent
{
    public int Id { get; init; }
    public required string CalendarType { get; set; }
    public long OwnerId { get; set; }
    public int SectionId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = string.Empty;
    public DateTime From { get; set; }
    public DateTime To { get; set; }
    public string TimeZoneFrom { get; set; } = "UTC";
    public string TimeZoneTo { get; set; } = "UTC";
    public bool AllDay { get; set; }
    public string Color { get; set; } = "#9dcf00";
    public string TextColor { get; set; } = "#ffffff";
    public string Accessibility { get; set; } = "busy";
    public string Importance { get; set; } = "normal";
    public bool Private { get; set; }
    public bool IsMeeting { get; set; }
    public string Location { get; set; } = string.Empty;
    public JsonArray Reminders { get; set; } = new();
    public JsonObject? MeetingOptions { get; set; }
    public int Host { get; set; }
    public Dictionary<int, string> Attendees { get; set; } = new();
    public CalendarRecurrence? Recurrence { get; set; }
    public HashSet<DateOnly> ExceptionDates { get; } = new();
    public List<string> CrmLinks { get; set; } = new();
    public int CreatedBy { get; init; }
    public DateTime Created { get; init; }
    public DateTime Modified { get; set; }
    public int Version { get; set; } = 1;
    public int? RecurrenceOf { get; set; }
    public DateTime? OriginalFrom { get; set; }

    public string DavXmlId => From.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Id.ToString(CultureInfo.InvariantCulture) + "@emulator.local";

    /// <summary>The start dates of the occurrences that overlap the days from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public IEnumerable<DateOnly> OccurrencesBetween(DateOnly first, DateOnly last)
    {
        var start = DateOnly.FromDateTime(From);
        var lengthDays = (DateOnly.FromDateTime(To).DayNumber - start.DayNumber);
        var starts = Recurrence is null ? new[] { start } : Recurrence.Occurrences(start, ExceptionDates);
        foreach (var day in starts)
        {
            if (day > last)
            {
                yield break;
            }

            if (day.AddDays(lengthDays) >= first)
            {
                yield return day;
            }
        }
    }

    /// <summary>Whether the user is the organizer or invited.</summary>
    public bool Involves(int userId) =>
        (CalendarType == "user" && OwnerId == userId) || Host == userId || Attendees.ContainsKey(userId);

    /// <summary>The event as the portal answers it, for the occurrence starting on <paramref name="day"/>, dates in <paramref name="dates"/>.</summary>
    public JsonObject ToPortalJson(DateOnly day, PortalDateFormat dates)
    {
        var shift = day.DayNumber - DateOnly.FromDateTime(From).DayNumber;
        var from = From.AddDays(shift);
        var to = To.AddDays(shift);
        var fromZone = Zone(TimeZoneFrom);
        var toZone = Zone(TimeZoneTo);
        var fromUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(from, DateTimeKind.Unspecified), fromZone), TimeSpan.Zero);
        var toUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(to, DateTimeKind.Unspecified), toZone), TimeSpan.Zero);
        var length = AllDay ? (to.Date - from.Date).TotalSeconds + 86400 : (toUtc - fromUtc).TotalSeconds;
        var id = Id.ToString(CultureInfo.InvariantCulture);
        var section = SectionId.ToString(CultureInfo.InvariantCulture);
        var status = IsMeeting ? "H" : "Y";

        return new JsonObject
        {
            ["ID"] = id,
            ["PARENT_ID"] = id,
            ["DELETED"] = "N",
            ["CAL_TYPE"] = CalendarType,
            ["OWNER_ID"] = OwnerId.ToString(CultureInfo.InvariantCulture),
            ["NAME"] = Name,
            ["DATE_FROM"] = dates.Format(from),
            ["DATE_TO"] = dates.Format(to),
            ["ORIGINAL_DATE_FROM"] = OriginalFrom is { } original ? dates.Format(original) : null,
            ["TZ_FROM"] = TimeZoneFrom,
            ["TZ_TO"] = TimeZoneTo,
            ["TZ_OFFSET_FROM"] = ((int)fromZone.GetUtcOffset(fromUtc).TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["TZ_OFFSET_TO"] = ((int)toZone.GetUtcOffset(toUtc).TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["DATE_FROM_TS_UTC"] = fromUtc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["DATE_TO_TS_UTC"] = toUtc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["DT_SKIP_TIME"] = AllDay ? "Y" : "N",
            ["DT_LENGTH"] = (int)length,
            ["EVENT_TYPE"] = null,
            ["CREATED_BY"] = CreatedBy.ToString(CultureInfo.InvariantCulture),
            ["DATE_CREATE"] = dates.Format(Created),
            ["TIMESTAMP_X"] = dates.Format(Modified),
            ["DESCRIPTION"] = Description,
            ["PRIVATE_EVENT"] = Private ? "Y" : "N",
            ["ACCESSIBILITY"] = Accessibility,
            ["IMPORTANCE"] = Importance,
            ["IS_MEETING"] = IsMeeting,
            ["MEETING_STATUS"] = status,
            ["MEETING_HOST"] = Host.ToString(CultureInfo.InvariantCulture),
            ["MEETING"] = Meeting(),
            ["LOCATION"] = Location,
            ["REMIND"] = Reminders.DeepClone(),
            ["COLOR"] = Color,
            // A single event has no rule: the portal sends an empty string.
            ["RRULE"] = Recurrence is null ? string.Empty : Recurrence.ToPortalJson(dates.Format),
            ["EXDATE"] = string.Join(";", ExceptionDates.Order().Select(dates.Format)),
            ["DAV_XML_ID"] = DavXmlId,
            ["G_EVENT_ID"] = string.Empty,
            ["DAV_EXCH_LABEL"] = string.Empty,
            ["CAL_DAV_LABEL"] = string.Empty,
            ["VERSION"] = Version.ToString(CultureInfo.InvariantCulture),
            ["ATTENDEES_CODES"] = new JsonArray(AttendeeIds().Select(a => (JsonNode?)("U" + a.ToString(CultureInfo.InvariantCulture))).ToArray()),
            ["RECURRENCE_ID"] = RecurrenceOf,
            ["RELATIONS"] = RecurrenceOf is { } series
                ? new JsonObject { ["ORIGINAL_RECURSION_ID"] = series, ["COMMENT_XML_ID"] = "EVENT_" + series.ToString(CultureInfo.InvariantCulture) }
                : null,
            ["SECTION_ID"] = section,
            ["SYNC_STATUS"] = null,
            ["UF_CRM_CAL_EVENT"] = CrmLinks.Count == 0 ? false : new JsonArray(CrmLinks.Select(link => (JsonNode?)link).ToArray()),
            ["UF_WEBDAV_CAL_EVENT"] = false,
            ["SECTION_DAV_XML_ID"] = null,
            ["DATE_FROM_FORMATTED"] = Formatted(from),
            ["DATE_TO_FORMATTED"] = Formatted(to),
            ["SECT_ID"] = section,
            ["ATTENDEE_LIST"] = new JsonArray(AttendeeIds().Select(a => (JsonNode?)new JsonObject
            {
                ["id"] = a,
                ["entryId"] = id,
                ["status"] = a == Host && IsMeeting ? "H" : Attendees.GetValueOrDefault(a, "Y"),
            }).ToArray()),
            ["COLLAB_ID"] = null,
            ["~RRULE_DESCRIPTION"] = Recurrence?.Describe() ?? string.Empty,
            ["attendeesEntityList"] = new JsonArray(AttendeeIds().Select(a => (JsonNode?)new JsonObject { ["entityId"] = "user", ["id"] = a }).ToArray()),
            ["~DESCRIPTION"] = Description,
            ["~USER_OFFSET_FROM"] = 0,
            ["~USER_OFFSET_TO"] = 0,
        };
    }

    /// <summary>The short form <c>calendar.accessibility.get</c> answers.</summary>
    public JsonObject ToBusyJson(DateOnly day, PortalDateFormat dates)
    {
        var full = ToPortalJson(day, dates);
        var busy = new JsonObject();
        foreach (var field in new[] { "ID", "NAME", "DATE_FROM", "DATE_TO", "DATE_FROM_TS_UTC", "DATE_TO_TS_UTC", "~USER_OFFSET_FROM", "~USER_OFFSET_TO", "DT_SKIP_TIME", "TZ_FROM", "TZ_TO", "ACCESSIBILITY", "IMPORTANCE", "EVENT_TYPE" })
        {
            busy[field] = full[field]?.DeepClone();
        }

        return busy;
    }

    public StoredCalendarEvent Copy(int id, int userId, DateTime now) => new()
    {
        Id = id,
        CalendarType = CalendarType,
        OwnerId = OwnerId,
        SectionId = SectionId,
        Name = Name,
        Description = Description,
        From = From,
        To = To,
        TimeZoneFrom = TimeZoneFrom,
        TimeZoneTo = TimeZoneTo,
        AllDay = AllDay,
        Color = Color,
        TextColor = TextColor,
        Accessibility = Accessibility,
        Importance = Importance,
        Private = Private,
        IsMeeting = IsMeeting,
        Location = Location,
        Reminders = (JsonArray)Reminders.DeepClone(),
        MeetingOptions = (JsonObject?)MeetingOptions?.DeepClone(),
        Host = Host,
        Attendees = new Dictionary<int, string>(Attendees),
        Recurrence = Recurrence,
        CrmLinks = new List<string>(CrmLinks),
        CreatedBy = userId,
        Created = now,
        Modified = now,
    };

    /// <summary>The zone by IANA name; UTC when the machine does not know it.</summary>
    public static TimeZoneInfo Zone(string name) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;

    private IEnumerable<int> AttendeeIds() =>
        IsMeeting ? new[] { Host }.Concat(Attendees.Keys.Where(a => a != Host).Order()) : Enumerable.Empty<int>();

    private JsonObject? Meeting()
    {
        if (!IsMeeting)
        {
            return null;
        }

        var options = MeetingOptions;
        return new JsonObject
        {
            ["HOST_NAME"] = "User " + Host.ToString(CultureInfo.InvariantCulture),
            ["NOTIFY"] = IsTrue(options?["notify"]),
            ["REINVITE"] = IsTrue(options?["reinvite"]),
            ["ALLOW_INVITE"] = IsTrue(options?["allow_invite"]),
            ["HIDE_GUESTS"] = IsTrue(options?["hide_guests"]),
            ["MEETING_CREATOR"] = CreatedBy,
            ["LANGUAGE_ID"] = "en",
            ["MAIL_FROM"] = string.Empty,
        };
    }

    private string Formatted(DateTime value) =>
        value.ToString(AllDay ? "ddd MMM dd yyyy" : "ddd MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
