using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class InstallTests
{
    [Fact]
    public async Task Install_posts_the_install_form_then_ONAPPINSTALL_with_the_same_tokens()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();

        var result = await portal.InstallApplicationAsync(receiver.Url);

        Assert.Equal(200, result.InstallStatus);
        Assert.Equal(200, result.EventStatus);
        Assert.Equal("{\"status\":\"success\"}", result.InstallBody);
        Assert.Equal(2, receiver.Posts.Count);
        var form = receiver.Posts[0];
        Assert.Equal(portal.BaseAddress.Authority, form.Query["DOMAIN"]);
        Assert.Equal("0", form.Query["PROTOCOL"]);
        Assert.Equal("en", form.Query["LANG"]);
        Assert.Matches("^[0-9a-f]{32}$", form.Query["APP_SID"]);
        Assert.Equal(result.Tokens.AccessToken, form.Form["AUTH_ID"]);
        Assert.Equal("3600", form.Form["AUTH_EXPIRES"]);
        Assert.Equal(result.Tokens.RefreshToken, form.Form["REFRESH_ID"]);
        Assert.Equal(portal.MemberId, form.Form["member_id"]);
        Assert.Equal(portal.ApplicationToken, form.Form["APPLICATION_TOKEN"]);
        Assert.Equal("L", form.Form["status"]);
        Assert.Equal("DEFAULT", form.Form["PLACEMENT"]);

        var installed = receiver.Posts[1];
        Assert.Equal("ONAPPINSTALL", installed.Form["event"]);
        Assert.Equal("Y", installed.Form["data[INSTALLED]"]);
        Assert.Equal("en", installed.Form["data[LANGUAGE_ID]"]);
        Assert.Equal(result.Tokens.AccessToken, installed.Form["auth[access_token]"]);
        Assert.Equal(result.Tokens.RefreshToken, installed.Form["auth[refresh_token]"]);
        Assert.Equal(portal.ApplicationToken, installed.Form["auth[application_token]"]);
        Assert.Equal(portal.MemberId, installed.Form["auth[member_id]"]);
        Assert.Equal(portal.RestUrl.ToString(), installed.Form["auth[client_endpoint]"]);

        using var http = new HttpClient();
        var (status, _) = await AppCall.CallAsync(http, portal, result.Tokens.AccessToken, "event.get", new JsonObject());
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Uninstall_posts_ONAPPUNINSTALL_without_tokens_then_drops_the_bindings_and_the_tokens()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var portal = await Bitrix24Emulator.StartAsync();
        var installed = await portal.InstallApplicationAsync(receiver.Url);
        using var http = new HttpClient();
        await AppCall.CallAsync(http, portal, installed.Tokens.AccessToken, "event.bind", new JsonObject { ["event"] = "ONAPPUNINSTALL", ["handler"] = receiver.Url.ToString() });
        await AppCall.CallAsync(http, portal, installed.Tokens.AccessToken, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = receiver.Url.ToString() });

        await portal.UninstallApplicationAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        var removed = receiver.Posts[^1];
        Assert.Equal(3, receiver.Posts.Count);
        Assert.Equal("ONAPPUNINSTALL", removed.Form["event"]);
        Assert.Equal("en", removed.Form["data[LANGUAGE_ID]"]);
        Assert.Equal("0", removed.Form["data[CLEAN]"]);
        Assert.Equal(portal.ApplicationToken, removed.Form["auth[application_token]"]);
        Assert.False(removed.Form.ContainsKey("auth[access_token]"));

        var (status, envelope) = await AppCall.CallAsync(http, portal, installed.Tokens.AccessToken, "event.get", new JsonObject());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("NO_AUTH_FOUND", (string?)envelope["error"]);
        var fresh = portal.IssueTokens().AccessToken;
        Assert.Empty((await AppCall.CallAsync(http, portal, fresh, "event.get", new JsonObject())).Envelope["result"]!.AsArray());
    }

    [Fact]
    public async Task An_install_url_that_is_down_gives_no_statuses()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        Uri closed;
        await using (var receiver = await EventReceiver.StartAsync())
        {
            closed = receiver.Url;
        }

        var result = await portal.InstallApplicationAsync(closed);

        Assert.Null(result.InstallStatus);
        Assert.Null(result.InstallBody);
        Assert.Null(result.EventStatus);
        Assert.Equal(2, portal.EventDeliveries.Count);
    }
}
