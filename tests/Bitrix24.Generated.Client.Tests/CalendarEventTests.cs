using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Calendar events through the generated client: typed requests as documented, and a portal's behaviour end to end.</summary>
public class CalendarEventTests
{
    private static readonly DateOnly March1 = new(2025, 3, 1);
    private static readonly DateOnly March31 = new(2025, 3, 31);

    [Fact]
    public void The_typed_add_request_is_the_documented_one()
    {
        var request = new CalendarEventAddRequest
        {
            Type = CalendarEventOwnerType.User,
            OwnerId = 2,
            Name = "New Event Name",
            From = new DateOnly(2024, 6, 14),
            To = new DateOnly(2024, 6, 14),
            IsAllDay = true,
            Section = 5,
            Accessibility = CalendarAccessibility.Absent,
            IsMeeting = true,
            IsPrivate = false,
            Reminders = new[] { new CalendarReminder { Unit = CalendarReminderUnit.Minutes, Count = 20 } },
            Attendees = new[] { 1, 2, 3 },
            Meeting = new CalendarMeetingOptions { Notify = true, Reinvite = false },
            Recurrence = new CalendarRecurrenceRule { Frequency = CalendarFrequency.Weekly, Weekdays = new[] { CalendarWeekday.Monday, CalendarWeekday.Wednesday }, Count = 10, Interval = 1 },
            CrmLinks = new[] { "C_5", "L_11" },
        };

        // Flags go out as Y/N and the weekdays of a new rule as a list.
        JsonAssert.Equal(
            """{"type":"user","ownerId":2,"name":"New Event Name","from":"2024-06-14","to":"2024-06-14","section":5,"skip_time":"Y","accessibility":"absent","private_event":"N","rrule":{"FREQ":"WEEKLY","COUNT":10,"INTERVAL":1,"BYDAY":["MO","WE"]},"is_meeting":"Y","remind":[{"type":"min","count":20}],"attendees":[1,2,3],"meeting":{"notify":true,"reinvite":false},"crm_fields":["C_5","L_11"]}""",
            JsonSerializer.Serialize(request, Bitrix24JsonContext.Default.CalendarEventAddRequest));
    }

    [Fact]
    public void An_answered_event_reads_its_portal_dates_set_of_weekdays_and_empty_markers()
    {
        const string result = """{"ID":"1265","DATE_FROM":"12/11/2024 05:59:00 pm","DATE_FROM_TS_UTC":"1733932740","DT_SKIP_TIME":"N","PRIVATE_EVENT":"","IS_MEETING":true,"MEETING_STATUS":"H","RRULE":{"FREQ":"WEEKLY","BYDAY":{"MO":"MO","WE":"WE"},"UNTIL":"12/24/2024","UNTIL_TS":1734998400},"UF_WEBDAV_CAL_EVENT":false}""";

        var value = JsonSerializer.Deserialize(result, Bitrix24JsonContext.Default.CalendarEvent)!;

        Assert.Equal(1265, value.Id);
        Assert.Equal(new DateTime(2024, 12, 11, 17, 59, 0), value.DateFrom!.Value.ToDateTime());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733932740), value.StartsAtUtc);
        Assert.False(value.IsAllDay);
        Assert.Null(value.IsPrivate);
        Assert.True(value.IsMeeting);
        Assert.Equal(CalendarAttendeeStatus.Host, value.MeetingStatus);
        Assert.Equal(new[] { CalendarWeekday.Monday, CalendarWeekday.Wednesday }, value.Recurrence!.Weekdays);
        Assert.Equal(new DateOnly(2024, 12, 24), value.Recurrence.Until!.Value.ToDateOnly());
        Assert.Null(value.FileIds);
        JsonAssert.Equal(result, JsonSerializer.Serialize(value, Bitrix24JsonContext.Default.CalendarEvent));
    }

    [Fact]
    public void A_field_value_new_to_this_version_reads_as_null_and_is_written_back_as_sent()
    {
        const string result = """{"ID":"7","ACCESSIBILITY":"focus","IMPORTANCE":"high"}""";

        var value = JsonSerializer.Deserialize(result, Bitrix24JsonContext.Default.CalendarEvent)!;

        Assert.Null(value.Accessibility);
        Assert.Equal(CalendarImportance.High, value.Importance);
        Assert.Equal("focus", value.AdditionalProperties!["ACCESSIBILITY"].GetString());
        JsonAssert.Equal(result, JsonSerializer.Serialize(value, Bitrix24JsonContext.Default.CalendarEvent));
        // A result that is itself the enum has nowhere to keep it: that fails, naming the value.
        var status = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"Z\"", Bitrix24JsonContext.Default.CalendarMeetingStatus));
        Assert.Contains("'Z' is not a CalendarMeetingStatus value", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_answers_an_identifier_or_the_split_of_a_series()
    {
        var single = JsonSerializer.Deserialize("1246", Bitrix24JsonContext.Default.CalendarEventUpdateResult)!;
        var split = JsonSerializer.Deserialize("""{"originalDate":"12/24/2024 05:59:00 pm","recEventId":1261,"id":1260}""", Bitrix24JsonContext.Default.CalendarEventUpdateResult)!;
        var wrong = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("true", Bitrix24JsonContext.Default.CalendarEventUpdateResult));

        Assert.Equal(1246, single.EventId);
        Assert.Null(single.SeriesSplit);
        Assert.Null(split.EventId);
        Assert.Equal(1261, split.SeriesSplit!.NewEventId);
        Assert.Equal(new DateTime(2024, 12, 24, 17, 59, 0), split.SeriesSplit.OriginalDate!.Value.ToDateTime());
        Assert.Contains("a number or an object", wrong.Message, StringComparison.Ordinal);
        Assert.Equal("1246", JsonSerializer.Serialize(CalendarEventUpdateResult.FromEventId(1246), Bitrix24JsonContext.Default.CalendarEventUpdateResult));
    }

    [Fact]
    public async Task A_recurring_meeting_is_added_listed_split_changed_and_deleted()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var events = client.Calendar.Event;

        int section = await client.Calendar.Section.AddAsync(CalendarOwnerType.User, "Team", ownerId: 1);
        int id = await events.AddAsync(
            CalendarEventOwnerType.User,
            1,
            "Stand-up",
            new DateTime(2025, 3, 3, 10, 0, 0),
            new DateTime(2025, 3, 3, 10, 30, 0),
            section: section,
            timeZoneFrom: "Europe/Berlin",
            recurrence: new CalendarRecurrenceRule { Frequency = CalendarFrequency.Weekly, Weekdays = new[] { CalendarWeekday.Monday, CalendarWeekday.Wednesday }, Count = 6 },
            isMeeting: true,
            attendees: new[] { 1, 2 },
            reminders: new[] { new CalendarReminder { Unit = CalendarReminderUnit.Minutes, Count = 15 } });

        // Six occurrences: Mondays and Wednesdays from 3 March, in Berlin's winter time (UTC+1).
        var listed = (await events.GetAsync(CalendarEventOwnerType.User, 1, March1, March31)).Value;
        Assert.Equal(new[] { 3, 5, 10, 12, 17, 19 }, listed.Select(e => e.DateFrom!.Value.ToDateTime().Day));
        Assert.All(listed, e => Assert.Equal(id, e.Id));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero), listed[0].StartsAtUtc);
        Assert.Equal(3600, listed[0].TimeZoneOffsetFrom);
        Assert.Equal(1800, listed[0].DurationSeconds);

        var read = (await events.GetByIdAsync(id)).Value;
        Assert.Equal("Stand-up", read.Name);
        Assert.Equal(section, read.CalendarId);
        Assert.Equal(CalendarFrequency.Weekly, read.Recurrence!.Frequency);
        Assert.Equal(new[] { CalendarWeekday.Monday, CalendarWeekday.Wednesday }, read.Recurrence.Weekdays);
        Assert.True(read.IsMeeting);
        Assert.Equal(new[] { 1, 2 }, read.Attendees!.Select(a => a.Id!.Value));
        Assert.Equal(15, Assert.Single(read.Reminders!).Count);

        // From 12 March on the stand-up moves: the portal splits the series and says how.
        CalendarEventUpdateResult moved = await events.UpdateAsync(
            id, CalendarEventOwnerType.User, 1, name: "Stand-up (new room)", recurrenceMode: CalendarRecurrenceMode.ThisAndFollowing, occurrenceDate: new DateOnly(2025, 3, 12));
        var split = Assert.IsType<CalendarSeriesSplit>(moved.SeriesSplit);
        Assert.Null(moved.EventId);
        Assert.Equal(id, split.EventId);
        var later = split.NewEventId!.Value;
        Assert.NotEqual(id, later);
        Assert.Equal(new DateTime(2025, 3, 12, 10, 0, 0), split.OriginalDate!.Value.ToDateTime());

        var afterSplit = (await events.GetAsync(CalendarEventOwnerType.User, 1, March1, March31)).Value;
        Assert.Equal(new[] { (3, id), (5, id), (10, id), (12, later), (17, later), (19, later) }, afterSplit.Select(e => (e.DateFrom!.Value.ToDateTime().Day, e.Id!.Value)));
        Assert.Equal("Stand-up (new room)", afterSplit[3].Name);

        // One occurrence of the later series changes alone.
        CalendarEventUpdateResult single = await events.UpdateAsync(
            later, CalendarEventOwnerType.User, 1, location: "Room 2", recurrenceMode: CalendarRecurrenceMode.ThisOccurrence, occurrenceDate: new DateOnly(2025, 3, 17));
        var exception = single.SeriesSplit!.NewEventId!.Value;
        Assert.Equal("17.03.2025", (await events.GetByIdAsync(later)).Value.ExceptionDates);
        Assert.Equal("Room 2", (await events.GetByIdAsync(exception)).Value.Location);

        // A change to a whole series answers its identifier.
        CalendarEventUpdateResult whole = await events.UpdateAsync(id, CalendarEventOwnerType.User, 1, description: "Daily sync");
        Assert.Equal(id, whole.EventId);
        Assert.Equal("Daily sync", (await events.GetByIdAsync(id)).Value.Description);

        var busy = (await client.Calendar.Accessibility.GetAsync(new[] { 1, 3 }, March1, March31)).Value;
        Assert.Equal(6, busy[1].Count);
        Assert.Empty(busy[3]);

        Assert.True(await events.DeleteAsync(id));
        Assert.True(await events.DeleteAsync(later));
        Assert.Empty((await events.GetAsync(CalendarEventOwnerType.User, 1, March1, March31)).Value);
        var gone = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarEventGetByIdError>>(() => events.GetByIdAsync(id));
        Assert.Equal(CalendarEventGetByIdError.AccessDenied, gone.Error);
        var twice = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarEventDeleteError>>(() => events.DeleteAsync(id));
        Assert.Equal(CalendarEventDeleteError.DeletionFailed, twice.Error);
    }

    [Fact]
    public async Task An_English_portal_answers_month_first_with_am_and_pm_and_the_client_reads_it()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { DateFormat = PortalDateFormat.English });
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        int id = await client.Calendar.Event.AddAsync(
            CalendarEventOwnerType.User,
            1,
            "Review",
            new DateTime(2025, 3, 3, 17, 59, 0),
            new DateTime(2025, 3, 3, 18, 59, 0),
            recurrence: new CalendarRecurrenceRule { Frequency = CalendarFrequency.Weekly, Weekdays = new[] { CalendarWeekday.Monday }, Until = new DateOnly(2025, 3, 24) });
        var read = (await client.Calendar.Event.GetByIdAsync(id)).Value;
        var listed = (await client.Calendar.Event.GetAsync(CalendarEventOwnerType.User, 1, March1, March31)).Value;

        Assert.Equal("03/03/2025 05:59:00 pm", read.DateFrom!.Value.Text);
        Assert.Equal(new DateTime(2025, 3, 3, 17, 59, 0), read.DateFrom.Value.ToDateTime());
        Assert.Equal("03/24/2025", read.Recurrence!.Until!.Value.Text);
        Assert.Equal(new DateOnly(2025, 3, 24), read.Recurrence.Until.Value.ToDateOnly());
        Assert.Equal(new[] { 3, 10, 17, 24 }, listed.Select(e => e.DateFrom!.Value.ToDateTime().Day));
    }

    [Fact]
    public async Task Times_with_an_offset_or_as_Unix_times_are_the_same_instant()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var start = new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromHours(2));

        int withOffset = await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Call", start, start.AddHours(1));
        int fromUnix = await client.Calendar.Event.AddAsync(new CalendarEventAddRequest
        {
            Type = CalendarEventOwnerType.User,
            OwnerId = 1,
            Name = "Call",
            FromUtc = start,
            ToUtc = start.AddHours(1),
        });
        var missingStart = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarEventAddError>>(() => client.Calendar.Event.AddAsync(new CalendarEventAddRequest { Type = CalendarEventOwnerType.User, OwnerId = 1, Name = "Call" }));

        var first = (await client.Calendar.Event.GetByIdAsync(withOffset)).Value;
        var second = (await client.Calendar.Event.GetByIdAsync(fromUnix)).Value;
        Assert.Equal(start, first.StartsAtUtc);
        Assert.Equal(start, second.StartsAtUtc);
        Assert.Equal(3600, first.DurationSeconds);
        Assert.Equal(CalendarEventAddError.FromNotSet, missingStart.Error);
        JsonAssert.Equal("""{"type":"user","ownerId":1,"name":"Call","from":"2025-03-20T15:00:00+02:00","to":"2025-03-20T16:00:00+02:00"}""", portal.Requests[0].Body);
        JsonAssert.Equal("""{"type":"user","ownerId":1,"name":"Call","from_ts":1742475600,"to_ts":1742479200}""", portal.Requests[1].Body);
    }

    [Fact]
    public async Task The_nearest_events_are_the_callers_upcoming_ones()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock });
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Soon", new DateTime(2025, 3, 4, 9, 0, 0), new DateTime(2025, 3, 4, 10, 0, 0));
        await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Next week", new DateTime(2025, 3, 10, 9, 0, 0), new DateTime(2025, 3, 10, 10, 0, 0));
        await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Past", new DateTime(2025, 2, 10, 9, 0, 0), new DateTime(2025, 2, 10, 10, 0, 0));

        var week = (await client.Calendar.Event.Get.NearestAsync(days: 7)).Value;
        var month = (await client.Calendar.Event.Get.NearestAsync(days: 30, maxEventsCount: 1)).Value;

        Assert.Equal("Soon", Assert.Single(week).Name);
        Assert.Equal("Soon", Assert.Single(month).Name);
    }

    /// <summary>A portal whose "now" stands still.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
