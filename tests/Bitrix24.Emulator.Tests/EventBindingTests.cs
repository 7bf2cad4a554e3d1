using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class EventBindingTests
{
    [Fact]
    public async Task An_application_binds_lists_and_unbinds_handlers()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();

        var (status, bound) = await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "onCrmDealAdd", ["handler"] = "https://app.example/handler/" });
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = "https://app.example/handler/", ["auth_type"] = 15 });
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALUPDATE", ["handler"] = "https://app.example/x/", ["event_type"] = "offline" });
        var listed = (await AppCall.CallAsync(http, portal, token, "event.get", new JsonObject())).Envelope["result"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)bound["result"]!);
        Assert.Equal(3, listed.Count);
        Assert.Equal("ONCRMDEALADD", (string?)listed[0]!["event"]);
        Assert.Equal("https://app.example/handler/", (string?)listed[0]!["handler"]);
        Assert.Equal("0", (string?)listed[0]!["auth_type"]);
        Assert.Equal(0, (int)listed[0]!["offline"]!);
        Assert.Equal("15", (string?)listed[1]!["auth_type"]);
        Assert.Equal(1, (int)listed[2]!["offline"]!);
        Assert.Equal(string.Empty, (string?)listed[2]!["handler"]);

        var unbound = (await AppCall.CallAsync(http, portal, token, "event.unbind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = "https://app.example/handler/" })).Envelope;
        Assert.Equal(2, (int)unbound["result"]!["count"]!);
        var offline = (await AppCall.CallAsync(http, portal, token, "event.unbind", new JsonObject { ["event"] = "ONCRMDEALUPDATE", ["handler"] = string.Empty, ["event_type"] = "offline" })).Envelope;
        Assert.Equal(1, (int)offline["result"]!["count"]!);
        Assert.Empty((await AppCall.CallAsync(http, portal, token, "event.get", new JsonObject())).Envelope["result"]!.AsArray());
    }

    [Fact]
    public async Task Unbind_with_auth_type_0_keeps_the_handlers_of_a_user()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = "https://app.example/h/" });
        await AppCall.CallAsync(http, portal, token, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = "https://app.example/h/", ["auth_type"] = 3 });

        var unbound = (await AppCall.CallAsync(http, portal, token, "event.unbind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = "https://app.example/h/", ["auth_type"] = 0 })).Envelope;

        Assert.Equal(1, (int)unbound["result"]!["count"]!);
        Assert.Equal("3", (string?)Assert.Single((await AppCall.CallAsync(http, portal, token, "event.get", new JsonObject())).Envelope["result"]!.AsArray())!["auth_type"]);
    }

    [Theory]
    [InlineData("event.bind")]
    [InlineData("event.get")]
    [InlineData("event.unbind")]
    public async Task A_webhook_is_refused_as_outside_an_application(string method)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, portal, method, "{\"event\":\"ONCRMDEALADD\",\"handler\":\"https://app.example/h/\"}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("WRONG_AUTH_TYPE", (string?)envelope["error"]);
    }

    [Theory]
    [InlineData("ONNOSUCHEVENT", "https://app.example/h/", "ERROR_EVENT_NOT_FOUND")]
    [InlineData("ONCRMDEALADD", "ftp://app.example/h/", "ERROR_UNSUPPORTED_PROTOCOL")]
    [InlineData("ONCRMDEALADD", "not a url", "ERROR_WRONG_HANDLER_URL")]
    public async Task Bind_refuses_an_unknown_event_and_a_handler_that_is_not_http(string eventName, string handler, string error)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var (status, envelope) = await AppCall.CallAsync(http, portal, portal.IssueTokens().AccessToken, "event.bind", new JsonObject { ["event"] = eventName, ["handler"] = handler });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, (string?)envelope["error"]);
    }

    [Fact]
    public async Task Binding_the_same_handler_twice_is_refused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var token = portal.IssueTokens().AccessToken;
        using var http = new HttpClient();
        var bind = new JsonObject { ["event"] = "ONCALENDARENTRYADD", ["handler"] = "https://app.example/h/" };

        await AppCall.CallAsync(http, portal, token, "event.bind", bind);
        var (status, envelope) = await AppCall.CallAsync(http, portal, token, "event.bind", bind);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ERROR_CORE", (string?)envelope["error"]);
        Assert.Equal("Unable to set event handler: Handler already binded", (string?)envelope["error_description"]);
    }

    [Fact]
    public async Task Events_lists_the_events_of_the_specs_and_filters_by_scope()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var all = (await Webhook.CallAsync(http, portal, "events", "{}")).Envelope["result"]!.AsArray().Select(e => (string)e!).ToList();
        var calendar = (await Webhook.CallAsync(http, portal, "events", "{\"SCOPE\":\"calendar\"}")).Envelope["result"]!.AsArray().Select(e => (string)e!).ToList();

        Assert.Contains("ONCRMDEALADD", all);
        Assert.Contains("ONAPPINSTALL", all);
        Assert.Contains("ONOFFLINEEVENT", all);
        Assert.Contains("ONCALENDARENTRYADD", calendar);
        Assert.DoesNotContain("ONCRMDEALADD", calendar);
    }

    [Fact]
    public async Task The_token_answer_carries_the_portals_member_id()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { MemberId = "a223c6b3710f85df22e9377d6c4f7553" });
        var tokens = portal.IssueTokens();
        using var http = new HttpClient();

        var answer = JsonNode.Parse(await http.GetStringAsync(new Uri(portal.OAuthTokenUrl, "?grant_type=refresh_token&client_id=" + portal.OAuthClientId + "&client_secret=" + portal.OAuthClientSecret + "&refresh_token=" + tokens.RefreshToken)))!;

        Assert.Equal("a223c6b3710f85df22e9377d6c4f7553", portal.MemberId);
        Assert.Equal(portal.MemberId, (string?)answer["member_id"]);
    }

    [Fact]
    public async Task Member_id_and_application_token_are_random_per_portal_by_default()
    {
        await using var first = await Bitrix24Emulator.StartAsync();
        await using var second = await Bitrix24Emulator.StartAsync();

        Assert.Matches("^[0-9a-f]{32}$", first.MemberId);
        Assert.Matches("^[0-9a-f]{32}$", first.ApplicationToken);
        Assert.NotEqual(first.MemberId, second.MemberId);
        Assert.NotEqual(first.ApplicationToken, second.ApplicationToken);
    }
}
