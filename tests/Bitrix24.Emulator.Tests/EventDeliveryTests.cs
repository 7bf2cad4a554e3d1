using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class EventDeliveryTests
{
    [Fact]
    public async Task Adding_a_calendar_event_posts_ONCALENDARENTRYADD_to_the_handler_as_a_php_form()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCALENDARENTRYADD", ["handler"] = receiver.Url.ToString() });

        var added = (await AppCall.CallAsync(http, portal, token, "calendar.event.add", new JsonObject
        {
            ["type"] = "user",
            ["ownerId"] = 1,
            ["name"] = "Planning",
            ["from"] = "2025-01-10 10:00",
            ["to"] = "2025-01-10 11:00",
        })).Envelope;
        await portal.WaitForEventDeliveriesAsync(Timeout());

        var post = Assert.Single(receiver.Posts);
        Assert.StartsWith("application/x-www-form-urlencoded", post.ContentType, StringComparison.Ordinal);
        Assert.Equal("ONCALENDARENTRYADD", post.Form["event"]);
        Assert.Equal("1", post.Form["event_handler_id"]);
        Assert.Equal(added["result"]!.ToString(), post.Form["data[id]"]);
        Assert.True(long.TryParse(post.Form["ts"], out _));
        Assert.Equal(portal.ApplicationToken, post.Form["auth[application_token]"]);
        Assert.Equal(portal.MemberId, post.Form["auth[member_id]"]);
        Assert.Equal(portal.BaseAddress.Authority, post.Form["auth[domain]"]);
        Assert.Equal(portal.RestUrl.ToString(), post.Form["auth[client_endpoint]"]);
        Assert.Equal("calendar", post.Form["auth[scope]"]);
        Assert.Equal("L", post.Form["auth[status]"]);
        Assert.Equal("3600", post.Form["auth[expires_in]"]);

        // The token the handler gets works for calls back.
        var (status, _) = await AppCall.CallAsync(http, portal, post.Form["auth[access_token]"], "calendar.event.getbyid", new JsonObject { ["id"] = post.Form["data[id]"] });
        Assert.Equal(HttpStatusCode.OK, status);
        var delivery = Assert.Single(portal.EventDeliveries);
        Assert.Equal(("ONCALENDARENTRYADD", receiver.Url, 200), (delivery.EventName, delivery.Handler, delivery.StatusCode));
    }

    [Fact]
    public async Task Deal_writes_post_their_events_with_the_id_under_FIELDS()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        foreach (var name in new[] { "ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE" })
        {
            await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = name, ["handler"] = receiver.Url.ToString() });
        }

        var id = (await Webhook.CallAsync(http, portal, "crm.deal.add", "{\"fields\":{\"TITLE\":\"Deal\"}}")).Envelope["result"]!.ToString();
        await Webhook.CallAsync(http, portal, "crm.deal.update", "{\"id\":" + id + ",\"fields\":{\"TITLE\":\"Renamed\"}}");
        await Webhook.CallAsync(http, portal, "crm.deal.delete", "{\"id\":" + id + "}");
        await portal.WaitForEventDeliveriesAsync(Timeout());

        Assert.Equal(["ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE"], receiver.Posts.Select(p => p.Form["event"]));
        Assert.All(receiver.Posts, p => Assert.Equal(id, p.Form["data[FIELDS][ID]"]));
        Assert.All(receiver.Posts, p => Assert.Equal(portal.ApplicationToken, p.Form["auth[application_token]"]));
        Assert.All(receiver.Posts, p => Assert.Equal("crm", p.Form["auth[scope]"]));
    }

    [Fact]
    public async Task A_failed_call_and_a_call_answered_from_its_example_raise_nothing()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { KeepEntities = false });
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = receiver.Url.ToString() });
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCALENDARENTRYUPDATE", ["handler"] = receiver.Url.ToString() });

        await Webhook.CallAsync(http, portal, "crm.deal.add", "{\"fields\":{\"TITLE\":\"Deal\"}}");
        var (status, _) = await Webhook.CallAsync(http, portal, "calendar.event.update", "{\"id\":999,\"type\":\"user\",\"ownerId\":1,\"name\":\"x\"}");
        await portal.WaitForEventDeliveriesAsync(Timeout());

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Empty(receiver.Posts);
        Assert.Empty(portal.EventDeliveries);
    }

    [Fact]
    public async Task Batch_commands_raise_their_events_too()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = receiver.Url.ToString() });

        await Webhook.CallAsync(http, portal, "batch", "{\"cmd\":{\"a\":\"crm.deal.add?fields[TITLE]=A\",\"b\":\"crm.deal.add?fields[TITLE]=B\"}}");
        await portal.WaitForEventDeliveriesAsync(Timeout());

        Assert.Equal(2, receiver.Posts.Count);
        Assert.NotEqual(receiver.Posts[0].Form["data[FIELDS][ID]"], receiver.Posts[1].Form["data[FIELDS][ID]"]);
    }

    [Fact]
    public async Task A_handler_bound_with_auth_type_gets_a_token_of_that_user()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = receiver.Url.ToString(), ["auth_type"] = 7 });

        portal.RaiseEvent("ONCRMDEALADD", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "5" } });
        await portal.WaitForEventDeliveriesAsync(Timeout());

        var post = Assert.Single(receiver.Posts);
        var answer = JsonNode.Parse(await http.GetStringAsync(new Uri(portal.OAuthTokenUrl, "?grant_type=refresh_token&client_id=" + portal.OAuthClientId + "&client_secret=" + portal.OAuthClientSecret + "&refresh_token=" + post.Form["auth[refresh_token]"])))!;
        Assert.Equal("7", (string?)answer["user_id"]);
    }

    [Fact]
    public async Task An_unreachable_handler_is_recorded_as_a_failed_delivery()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        var closed = await ClosedPortAsync();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = closed.ToString() });

        portal.RaiseEvent("ONCRMDEALADD", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "5" } });
        await portal.WaitForEventDeliveriesAsync(Timeout());

        var delivery = Assert.Single(portal.EventDeliveries);
        Assert.Null(delivery.StatusCode);
        Assert.Equal("HttpRequestException", delivery.Failure);
    }

    [Fact]
    public async Task An_offline_binding_queues_the_event_and_notifies_ONOFFLINEEVENT_handlers()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = receiver.Url.ToString(), ["event_type"] = "offline" });
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONOFFLINEEVENT", ["handler"] = receiver.Url.ToString() });

        var id = (await Webhook.CallAsync(http, portal, "crm.deal.add", "{\"fields\":{\"TITLE\":\"Deal\"}}")).Envelope["result"]!.ToString();
        await portal.WaitForEventDeliveriesAsync(Timeout());
        var got = (await AppCall.CallAsync(http, portal, token, "event.offline.get", new JsonObject())).Envelope["result"]!;

        var record = Assert.Single(got["events"]!.AsArray())!;
        Assert.Equal("ONCRMDEALADD", (string?)record["EVENT_NAME"]);
        Assert.Equal(id, (string?)record["EVENT_DATA"]!["FIELDS"]!["ID"]);
        var notice = Assert.Single(receiver.Posts);
        Assert.Equal("ONOFFLINEEVENT", notice.Form["event"]);
        Assert.Equal(portal.ApplicationToken, notice.Form["auth[application_token]"]);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static async Task<Uri> ClosedPortAsync()
    {
        await using var receiver = await EventReceiver.StartAsync();
        return receiver.Url;
    }
}
