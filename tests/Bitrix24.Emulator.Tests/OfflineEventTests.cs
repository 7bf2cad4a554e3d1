using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class OfflineEventTests
{
    [Fact]
    public async Task Get_returns_the_queued_events_in_the_documented_shape_and_deletes_them_by_default()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        portal.RaiseOfflineEvent("ONCRMDEALADD", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "7" } });

        var (status, envelope) = await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, status);
        var result = envelope["result"]!;
        Assert.Null(result["process_id"]);
        var item = Assert.Single(result["events"]!.AsArray())!;
        Assert.Equal("1", (string?)item["ID"]);
        Assert.Equal("ONCRMDEALADD", (string?)item["EVENT_NAME"]);
        Assert.Equal("7", (string?)item["EVENT_DATA"]!["FIELDS"]!["ID"]);
        Assert.False((bool)item["EVENT_ADDITIONAL"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string?)item["MESSAGE_ID"]);
        Assert.True(DateTimeOffset.TryParseExact((string?)item["TIMESTAMP_X"], "yyyy-MM-dd'T'HH:mm:sszzz", null, System.Globalization.DateTimeStyles.None, out _));
        Assert.Equal(0, portal.OfflineEventCount);
    }

    [Fact]
    public async Task A_webhook_is_refused_as_outside_an_application()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, "event.offline.get", "{}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("WRONG_AUTH_TYPE", (string?)envelope["error"]);
    }

    [Fact]
    public async Task Repeated_events_of_one_object_keep_one_waiting_record()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var data = new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "7" } };

        portal.RaiseOfflineEvent("ONCRMDEALUPDATE", data);
        portal.RaiseOfflineEvent("ONCRMDEALUPDATE", data);
        portal.RaiseOfflineEvent("ONCRMDEALUPDATE", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "8" } });

        Assert.Equal(2, portal.OfflineEventCount);
    }

    [Fact]
    public async Task Clear_0_reserves_the_records_for_a_process_that_gets_them_back_and_clears_them_by_id()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        for (var i = 1; i <= 3; i++)
        {
            portal.RaiseOfflineEvent("ONCALENDARENTRYADD", new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var first = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["clear"] = 0, ["limit"] = 2 })).Envelope["result"]!;
        var processId = (string)first["process_id"]!;
        var other = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["clear"] = 0 })).Envelope["result"]!;
        var recovered = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["clear"] = 0, ["process_id"] = processId })).Envelope["result"]!;

        Assert.Matches("^[0-9a-z]{32}$", processId);
        Assert.Equal(["1", "2"], Ids(first));
        Assert.Equal(["3"], Ids(other));
        Assert.NotEqual(processId, (string?)other["process_id"]);
        Assert.Equal(processId, (string?)recovered["process_id"]);
        Assert.Equal(["1", "2"], Ids(recovered));
        Assert.Equal(3, portal.OfflineEventCount);

        var (status, cleared) = await AppCall.CallAsync(http, portal, token, "event.offline.clear", new JsonObject { ["process_id"] = processId, ["id"] = new JsonArray(2) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)cleared["result"]!);
        Assert.Equal([1, 3], portal.OfflineEvents.Select(r => r.Id));

        await AppCall.CallAsync(http, portal, token, "event.offline.clear", new JsonObject { ["process_id"] = processId });
        Assert.Equal([3], portal.OfflineEvents.Select(r => r.Id));
    }

    [Fact]
    public async Task Clear_needs_a_process_id()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await AppCall.CallAsync(http, portal, portal.IssueTokens().AccessToken, "event.offline.clear", new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("process_id", (string?)envelope["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_by_message_id_deletes_only_those_of_the_process()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        var first = portal.RaiseOfflineEvent("ONCALENDARENTRYADD", new JsonObject { ["id"] = "1" });
        portal.RaiseOfflineEvent("ONCALENDARENTRYADD", new JsonObject { ["id"] = "2" });
        var processId = (string)(await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["clear"] = 0 })).Envelope["result"]!["process_id"]!;

        await AppCall.CallAsync(http, portal, token, "event.offline.clear", new JsonObject { ["process_id"] = processId, ["message_id"] = new JsonArray(first.MessageId) });

        Assert.Equal([2], portal.OfflineEvents.Select(r => r.Id));
    }

    [Fact]
    public async Task Error_marks_the_records_and_releases_them_for_get_with_error_1_only()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        var failed = portal.RaiseOfflineEvent("ONCALENDARENTRYADD", new JsonObject { ["id"] = "1" });
        var processId = (string)(await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["clear"] = 0 })).Envelope["result"]!["process_id"]!;

        var (status, marked) = await AppCall.CallAsync(http, portal, token, "event.offline.error", new JsonObject { ["process_id"] = processId, ["message_id"] = new JsonArray(failed.MessageId) });
        var withoutErrors = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject())).Envelope["result"]!;
        var list = (await AppCall.CallAsync(http, portal, token, "event.offline.list", new JsonObject())).Envelope;
        var withErrors = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["error"] = 1 })).Envelope["result"]!;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)marked["result"]!);
        Assert.Empty(Ids(withoutErrors));
        var listed = Assert.Single(list["result"]!.AsArray())!;
        Assert.Equal("1", (string?)listed["ERROR"]);
        Assert.Equal(string.Empty, (string?)listed["PROCESS_ID"]);
        Assert.Equal(1, (int)list["total"]!);
        Assert.Equal(["1"], Ids(withErrors));
        Assert.Equal(0, portal.OfflineEventCount);
    }

    [Fact]
    public async Task Get_and_list_filter_and_order_as_documented()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        for (var i = 1; i <= 4; i++)
        {
            portal.RaiseOfflineEvent(i % 2 == 0 ? "ONCRMDEALADD" : "ONCALENDARENTRYADD", new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var listed = (await AppCall.CallAsync(http, portal, token, "event.offline.list", new JsonObject
        {
            ["filter"] = new JsonObject { ["=EVENT_NAME"] = "ONCRMDEALADD" },
            ["order"] = new JsonObject { ["ID"] = "DESC" },
        })).Envelope;
        var got = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject
        {
            ["filter"] = new JsonObject { [">=ID"] = 2, ["!EVENT_NAME"] = "ONCRMDEALADD" },
        })).Envelope["result"]!;

        Assert.Equal(["4", "2"], listed["result"]!.AsArray().Select(e => (string)e!["ID"]!));
        Assert.Equal(["3"], Ids(got));
        Assert.Equal([1, 2, 4], portal.OfflineEvents.Select(r => r.Id));
    }

    [Fact]
    public async Task Concurrent_gets_never_hand_out_the_same_record()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        for (var i = 1; i <= 200; i++)
        {
            portal.RaiseOfflineEvent("ONCALENDARENTRYADD", new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var calls = Enumerable.Range(0, 16).Select(async n =>
            (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject { ["clear"] = n % 2, ["limit"] = 10 })).Envelope["result"]!);
        var results = await Task.WhenAll(calls);

        var handed = results.SelectMany(Ids).ToList();
        Assert.Equal(160, handed.Count);
        Assert.Equal(handed.Count, handed.Distinct().Count());
    }

    private static List<string> Ids(JsonNode result) => result["events"]!.AsArray().Select(e => (string)e!["ID"]!).ToList();
}
