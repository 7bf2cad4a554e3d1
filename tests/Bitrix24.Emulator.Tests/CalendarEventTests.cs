using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Calendar events as the emulated portal keeps them: recurring series expanded over a period, one occurrence or
/// the rest of a series changed on its own, the errors a portal answers, time zones and availability.
/// </summary>
public class CalendarEventTests
{
    [Fact]
    public async Task A_daily_series_every_second_day_stops_after_COUNT()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Stand-up","from":"2025-03-03 10:00:00","to":"2025-03-03 10:30:00","rrule":{"FREQ":"DAILY","INTERVAL":2,"COUNT":4}}""");
        var events = await ListAsync(http, portal, "2025-03-01", "2025-03-31");

        Assert.Equal(new[] { "03.03.2025 10:00:00", "05.03.2025 10:00:00", "07.03.2025 10:00:00", "09.03.2025 10:00:00" }, Starts(events, id));
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(e!["DATE_FROM"]!.ToString()[..10] + " 10:30:00", (string?)e["DATE_TO"]));
    }

    [Fact]
    public async Task A_weekly_series_on_Tuesday_and_Thursday_runs_up_to_and_including_UNTIL()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Review","from":"2025-03-04 09:00:00","to":"2025-03-04 10:00:00","rrule":{"FREQ":"WEEKLY","BYDAY":["TU","TH"],"UNTIL":"2025-03-20"}}""");
        var events = await ListAsync(http, portal, "2025-03-01", "2025-04-30");
        var stored = await GetByIdAsync(http, portal, id);

        // 20 March is a Thursday and the last day allowed: it is in; 25 March is past UNTIL.
        Assert.Equal(
            new[] { "04.03.2025 09:00:00", "06.03.2025 09:00:00", "11.03.2025 09:00:00", "13.03.2025 09:00:00", "18.03.2025 09:00:00", "20.03.2025 09:00:00" },
            Starts(events, id));
        Assert.Equal("""{"TU":"TU","TH":"TH"}""", stored["RRULE"]!["BYDAY"]!.ToJsonString());
        Assert.Equal("20.03.2025", (string?)stored["RRULE"]!["UNTIL"]);
    }

    [Fact]
    public async Task A_weekly_series_without_days_falls_on_Mondays()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        // Starts on a Wednesday; the portal reads a weekly rule without BYDAY as Mondays.
        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Plan","from":"2025-03-05 09:00:00","to":"2025-03-05 10:00:00","rrule":{"FREQ":"WEEKLY","COUNT":3}}""");
        var events = await ListAsync(http, portal, "2025-03-01", "2025-03-31");
        var stored = await GetByIdAsync(http, portal, id);

        Assert.Equal(new[] { "10.03.2025 09:00:00", "17.03.2025 09:00:00", "24.03.2025 09:00:00" }, Starts(events, id));
        Assert.Equal("""{"MO":"MO"}""", stored["RRULE"]!["BYDAY"]!.ToJsonString());
    }

    [Fact]
    public async Task A_monthly_series_on_the_31st_falls_on_the_1st_after_a_shorter_month()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Month end","from":"2025-01-31 10:00:00","to":"2025-01-31 11:00:00","rrule":{"FREQ":"MONTHLY","COUNT":6}}""");
        var events = await ListAsync(http, portal, "2025-01-01", "2025-12-31");

        // DateOnly.AddMonths would clamp to the month's last day (28 February, 30 April). A portal keeps the day of
        // the month and, when a month has no such day, puts that occurrence on the 1st of the month after; each
        // occurrence is counted from the series' start, so the 31st comes back in months that have one and the
        // series never drifts to the 28th. The rolled-over occurrences count towards COUNT like the others.
        Assert.Equal(
            new[] { "31.01.2025 10:00:00", "01.03.2025 10:00:00", "31.03.2025 10:00:00", "01.05.2025 10:00:00", "31.05.2025 10:00:00", "01.07.2025 10:00:00" },
            Starts(events, id));
    }

    [Fact]
    public async Task A_yearly_series_repeats_on_its_day_and_a_leap_day_falls_on_the_1st_of_March_in_common_years()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var everyOtherYear = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Anniversary","from":"2025-06-15 12:00:00","to":"2025-06-15 13:00:00","rrule":{"FREQ":"YEARLY","INTERVAL":2}}""");
        var leapDay = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Leap day","from":"2024-02-29 09:00:00","to":"2024-02-29 10:00:00","rrule":{"FREQ":"YEARLY","COUNT":5}}""");
        var events = await ListAsync(http, portal, "2024-01-01", "2031-12-31");

        Assert.Equal(new[] { "15.06.2025 12:00:00", "15.06.2027 12:00:00", "15.06.2029 12:00:00", "15.06.2031 12:00:00" }, Starts(events, everyOtherYear));
        Assert.Equal(
            new[] { "29.02.2024 09:00:00", "01.03.2025 09:00:00", "01.03.2026 09:00:00", "01.03.2027 09:00:00", "29.02.2028 09:00:00" },
            Starts(events, leapDay));
        Assert.Equal("YEARLY", (string?)(await GetByIdAsync(http, portal, everyOtherYear))["RRULE"]!["FREQ"]);
    }

    [Fact]
    public async Task An_all_day_event_over_two_days_is_listed_in_a_period_that_touches_only_its_second_day()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Conference","from":"2025-04-10","to":"2025-04-11","skip_time":"Y"}""");
        var secondDay = await ListAsync(http, portal, "2025-04-11", "2025-04-30");
        var dayAfter = await ListAsync(http, portal, "2025-04-12", "2025-04-30");

        var listed = Assert.Single(secondDay);
        Assert.Equal(id, Id(listed!["ID"]));
        Assert.Equal("Y", (string?)listed["DT_SKIP_TIME"]);
        Assert.Equal("10.04.2025 00:00:00", (string?)listed["DATE_FROM"]);
        Assert.Equal("11.04.2025 00:00:00", (string?)listed["DATE_TO"]);
        Assert.Equal(2 * 86400, (int)listed["DT_LENGTH"]!);
        Assert.Empty(dayAfter);
    }

    [Fact]
    public async Task Changing_one_occurrence_excludes_its_day_from_the_series_and_adds_an_event_on_that_day()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var series = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Daily","from":"2025-05-05 09:00:00","to":"2025-05-05 10:00:00","rrule":{"FREQ":"DAILY","COUNT":5}}""");

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.update", $$"""{"id":{{series}},"type":"user","ownerId":1,"recurrence_mode":"this","current_date_from":"2025-05-07","name":"Moved"}""");
        var changed = (int)envelope["result"]!["recEventId"]!;
        var events = await ListAsync(http, portal, "2025-05-01", "2025-05-31");
        var stored = await GetByIdAsync(http, portal, series);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(series, (int)envelope["result"]!["id"]!);
        Assert.NotEqual(series, changed);
        Assert.Equal("07.05.2025", (string?)stored["EXDATE"]);
        // 7 May is left out, yet still one of the five: the series ends on 9 May, not 10 May.
        Assert.Equal(new[] { "05.05.2025 09:00:00", "06.05.2025 09:00:00", "08.05.2025 09:00:00", "09.05.2025 09:00:00" }, Starts(events, series));
        Assert.Equal(new[] { "07.05.2025 09:00:00" }, Starts(events, changed));
        Assert.Equal(5, events.Count);
        var single = events.Single(e => Id(e!["ID"]) == changed)!;
        Assert.Equal("Moved", (string?)single["NAME"]);
        Assert.Equal(series, (int)single["RECURRENCE_ID"]!);
        Assert.Equal("", (string?)single["RRULE"]);
        Assert.Equal("Daily", (string?)events.First(e => Id(e!["ID"]) == series)!["NAME"]);
    }

    [Fact]
    public async Task Changing_a_counted_series_from_one_occurrence_on_splits_it_without_changing_the_total()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var series = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Course","from":"2025-06-02 09:00:00","to":"2025-06-02 10:00:00","rrule":{"FREQ":"DAILY","COUNT":6}}""");

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.update", $$"""{"id":{{series}},"type":"user","ownerId":1,"recurrence_mode":"next","current_date_from":"2025-06-05","name":"Course, part two"}""");
        var rest = (int)envelope["result"]!["recEventId"]!;
        var events = await ListAsync(http, portal, "2025-06-01", "2025-06-30");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new[] { "02.06.2025 09:00:00", "03.06.2025 09:00:00", "04.06.2025 09:00:00" }, Starts(events, series));
        Assert.Equal(new[] { "05.06.2025 09:00:00", "06.06.2025 09:00:00", "07.06.2025 09:00:00" }, Starts(events, rest));
        Assert.Equal(6, events.Count);
        Assert.Equal(3, (int)(await GetByIdAsync(http, portal, series))["RRULE"]!["COUNT"]!);
        var restStored = await GetByIdAsync(http, portal, rest);
        Assert.Equal(3, (int)restStored["RRULE"]!["COUNT"]!);
        Assert.Equal("Course, part two", (string?)restStored["NAME"]);
    }

    [Fact]
    public async Task Changing_an_unknown_event_answers_the_portals_error()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.update", """{"id":4242,"type":"user","ownerId":1,"name":"Nothing"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error":"","error_description":"An error occurred while changing the event."}""", envelope.ToJsonString());
    }

    [Fact]
    public async Task Deleting_without_an_id_says_the_id_is_not_specified()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.delete", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("", (string?)envelope["error"]);
        Assert.Equal("Event id not specified", (string?)envelope["error_description"]);
    }

    [Fact]
    public async Task Adding_without_from_or_from_ts_names_from_as_missing()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.add", """{"type":"user","ownerId":1,"name":"Call","to":"2025-01-10 11:00:00"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("", (string?)envelope["error"]);
        Assert.Equal("The required parameter \"from\" for the method \"calendar.event.add\" is not set", (string?)envelope["error_description"]);
    }

    [Fact]
    public async Task Adding_to_a_calendar_of_another_owner_is_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var (_, section) = await Webhook.CallAsync(http, portal, "calendar.section.add", """{"type":"user","ownerId":2,"name":"Someone else's"}""");

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.add", $$"""{"type":"user","ownerId":1,"name":"Call","from":"2025-01-10 10:00:00","to":"2025-01-10 11:00:00","section":{{(int)section["result"]!}},"auto_detect_section":"N"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("", (string?)envelope["error"]);
        Assert.Equal("You specified an invalid calendar section ID or the user does not have access to it", (string?)envelope["error_description"]);
        Assert.Empty(await ListAsync(http, portal, "2025-01-01", "2025-01-31"));
    }

    [Fact]
    public async Task A_wall_clock_time_is_read_in_timezone_from()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Berlin","from":"2025-07-01 10:00:00","to":"2025-07-01 11:00:00","timezone_from":"Europe/Berlin"}""");
        var stored = await GetByIdAsync(http, portal, id);

        // Berlin keeps summer time in July: UTC+2.
        Assert.Equal(UnixSeconds("2025-07-01T08:00:00Z"), (string?)stored["DATE_FROM_TS_UTC"]);
        Assert.Equal(UnixSeconds("2025-07-01T09:00:00Z"), (string?)stored["DATE_TO_TS_UTC"]);
        Assert.Equal("7200", (string?)stored["TZ_OFFSET_FROM"]);
        Assert.Equal("Europe/Berlin", (string?)stored["TZ_FROM"]);
        Assert.Equal("01.07.2025 10:00:00", (string?)stored["DATE_FROM"]);
    }

    [Fact]
    public async Task A_time_with_an_offset_ignores_timezone_from()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var id = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Offset","from":"2025-07-01T10:00:00+02:00","to":"2025-07-01T11:00:00+02:00","timezone_from":"America/New_York"}""");
        var stored = await GetByIdAsync(http, portal, id);

        // Read in New York, 10:00 would be 14:00Z; the offset says 08:00Z, kept in the caller's zone (UTC here).
        Assert.Equal(UnixSeconds("2025-07-01T08:00:00Z"), (string?)stored["DATE_FROM_TS_UTC"]);
        Assert.Equal(UnixSeconds("2025-07-01T09:00:00Z"), (string?)stored["DATE_TO_TS_UTC"]);
        Assert.Equal("UTC", (string?)stored["TZ_FROM"]);
        Assert.Equal("0", (string?)stored["TZ_OFFSET_FROM"]);
        Assert.Equal("01.07.2025 08:00:00", (string?)stored["DATE_FROM"]);
    }

    [Fact]
    public async Task Availability_leaves_out_free_time_and_is_empty_for_a_user_without_events()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();
        var busy = await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Meeting","from":"2025-08-04 10:00:00","to":"2025-08-04 11:00:00"}""");
        await AddAsync(http, portal, """{"type":"user","ownerId":1,"name":"Lunch","from":"2025-08-04 12:00:00","to":"2025-08-04 13:00:00","accessibility":"free"}""");

        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.accessibility.get", """{"users":[1,7],"from":"2025-08-01","to":"2025-08-31"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var first = Assert.Single(envelope["result"]!["1"]!.AsArray());
        Assert.Equal(busy, Id(first!["ID"]));
        Assert.Equal("busy", (string?)first["ACCESSIBILITY"]);
        Assert.Equal("[]", envelope["result"]!["7"]!.ToJsonString());
    }

    private static async Task<int> AddAsync(HttpClient http, Bitrix24Emulator portal, string json)
    {
        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.add", json);
        Assert.True(status == HttpStatusCode.OK, envelope.ToJsonString());
        return (int)envelope["result"]!;
    }

    private static async Task<JsonArray> ListAsync(HttpClient http, Bitrix24Emulator portal, string from, string to)
    {
        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.get", $$"""{"type":"user","ownerId":1,"from":"{{from}}","to":"{{to}}"}""");
        Assert.True(status == HttpStatusCode.OK, envelope.ToJsonString());
        return envelope["result"]!.AsArray();
    }

    private static async Task<JsonNode> GetByIdAsync(HttpClient http, Bitrix24Emulator portal, int id)
    {
        var (status, envelope) = await Webhook.CallAsync(http, portal, "calendar.event.getbyid", $$"""{"id":{{id}}}""");
        Assert.True(status == HttpStatusCode.OK, envelope.ToJsonString());
        return envelope["result"]!;
    }

    /// <summary>The starts of the occurrences of one event, in the order listed.</summary>
    private static string?[] Starts(JsonArray events, int id) =>
        events.Where(e => Id(e!["ID"]) == id).Select(e => (string?)e!["DATE_FROM"]).ToArray();

    /// <summary>An identifier, which the portal answers as a string.</summary>
    private static int Id(JsonNode? node) => int.Parse(node!.ToString(), CultureInfo.InvariantCulture);

    private static string UnixSeconds(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
