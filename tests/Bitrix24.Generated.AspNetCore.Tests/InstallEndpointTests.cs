using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Emulator.OAuth;
using Bitrix24.Generated.Calendar;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Generated.AspNetCore.Tests;

/// <summary>The install endpoint against the emulator: tokens stored, events bound through the portal, uninstall checked.</summary>
public sealed class InstallEndpointTests : IAsyncLifetime
{
    private const string InstallPath = "/bitrix24/install";
    private const string MemberId = "member-of-the-emulator";
    private const string ApplicationToken = "application-token-given-at-install";

    private readonly ConcurrentQueue<(string Event, string Handler)> _binds = new();
    private readonly List<Bitrix24Portal> _installed = new();
    private readonly List<Bitrix24Portal> _uninstalled = new();
    private Bitrix24Emulator _portal = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        // The emulator answers no event.bind of its own: record what the install asks for.
        _portal.Methods.Add("event.bind", call =>
        {
            _binds.Enqueue((call.Parameters["event"]!.ToString(), call.Parameters["handler"]!.ToString()));
            return JsonValue.Create(true);
        });
        _app = await TestApp.StartAsync(
            services =>
            {
                services.AddBitrix24Applications(o =>
                {
                    o.OAuth = new Bitrix24OAuthOptions { ClientId = _portal.OAuthClientId, ClientSecret = _portal.OAuthClientSecret, TokenEndpoint = _portal.OAuthTokenUrl };
                    o.Connection.Retry = null;
                    o.Connection.RateLimiter = null;
                });
                services.AddBitrix24Install(o =>
                {
                    o.BindEvent<OnCalendarEntryAdd>().BindEvent("onCrmDealAdd");
                    o.OnInstalled = (portal, _, _) =>
                    {
                        lock (_installed)
                        {
                            _installed.Add(portal);
                        }

                        return Task.CompletedTask;
                    };
                    o.OnUninstalled = (portal, _, _) =>
                    {
                        lock (_uninstalled)
                        {
                            _uninstalled.Add(portal);
                        }

                        return Task.CompletedTask;
                    };
                });
            },
            app => app.MapBitrix24Install(InstallPath));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task The_install_of_an_application_with_a_UI_stores_the_tokens_binds_the_events_and_finishes_the_install()
    {
        var tokens = _portal.IssueTokens();

        var response = await PostInstallAsync(tokens);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("//api.bitrix24.com/api/v1/", page, StringComparison.Ordinal);
        Assert.Contains("BX24.installFinish()", page, StringComparison.Ordinal);

        var stored = await _app.Store.GetAsync(MemberId, default);
        Assert.NotNull(stored);
        Assert.Equal(tokens.AccessToken, stored.Tokens.AccessToken);
        Assert.Equal(tokens.RefreshToken, stored.Tokens.RefreshToken);
        Assert.Equal(_portal.RestUrl, stored.ClientEndpoint);
        Assert.Equal(_portal.RestUrl.Authority, stored.Domain);
        Assert.Null(stored.ApplicationToken);
        Assert.NotNull(stored.Tokens.ExpiresAt);

        Assert.Equal(
            new[]
            {
                ("ONCALENDARENTRYADD", "http://localhost/bitrix24/events"),
                ("ONCRMDEALADD", "http://localhost/bitrix24/events"),
                ("ONAPPUNINSTALL", "http://localhost" + InstallPath),
            },
            _binds.ToArray());
        Assert.Equal(MemberId, Assert.Single(_installed).MemberId);
    }

    [Fact]
    public async Task A_reinstall_takes_the_new_tokens_and_keeps_the_application_token()
    {
        await PostInstallAsync(_portal.IssueTokens());
        await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));
        var factory = _app.Services.GetRequiredService<IBitrix24ClientFactory>();
        var before = await factory.ForPortalAsync(MemberId);
        var renewed = _portal.IssueTokens();

        var response = await PostInstallAsync(renewed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The connection kept from the first install, with its tokens, was dropped for one over the new tokens.
        Assert.NotSame(before, await factory.ForPortalAsync(MemberId));
        var stored = await _app.Store.GetAsync(MemberId, default);
        Assert.Equal(renewed.AccessToken, stored!.Tokens.AccessToken);
        Assert.Equal(ApplicationToken, stored.ApplicationToken);
    }

    [Fact]
    public async Task An_install_post_for_a_known_portal_with_tokens_the_portal_did_not_issue_is_refused_with_401()
    {
        var genuine = _portal.IssueTokens();
        await PostInstallAsync(genuine);
        await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));
        var binds = _binds.Count;

        var forged = await PostInstallAsync(new Bitrix24Tokens("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", DateTimeOffset.UtcNow.AddHours(1)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var stored = await _app.Store.GetAsync(MemberId, default);
        Assert.Equal(genuine.AccessToken, stored!.Tokens.AccessToken);
        Assert.Equal(binds, _binds.Count);
        Assert.DoesNotContain("0123456789abcdef", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_application_token_of_a_portal_installed_through_its_page_comes_only_with_tokens_the_portal_issued()
    {
        await PostInstallAsync(_portal.IssueTokens());

        var forged = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(new Bitrix24Tokens("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", DateTimeOffset.UtcNow.AddHours(1)), applicationToken: "the-attacker's-token")));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Null((await _app.Store.GetAsync(MemberId, default))!.ApplicationToken);
        var genuine = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(ApplicationToken, (await _app.Store.GetAsync(MemberId, default))!.ApplicationToken);
    }

    [Fact]
    public async Task A_bind_the_portal_refuses_answers_502_naming_the_event_and_the_code()
    {
        _portal.Methods.Add("event.bind", call => call.Parameters["event"]!.ToString() == "ONCRMDEALADD"
            ? throw new Bitrix24EmulatorError(400, "ERROR_EVENT_NOT_FOUND", "Event not found")
            : JsonValue.Create(true));
        var tokens = _portal.IssueTokens();

        var response = await PostInstallAsync(tokens);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("ONCRMDEALADD", body, StringComparison.Ordinal);
        Assert.Contains("ERROR_EVENT_NOT_FOUND", body, StringComparison.Ordinal);
        Assert.DoesNotContain("installFinish", body, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, _app.Logs.All, StringComparison.Ordinal);
        Assert.Empty(_installed);
    }

    [Fact]
    public async Task A_handler_still_bound_from_an_earlier_install_does_not_fail_the_install()
    {
        _portal.Methods.Add("event.bind", _ => throw new Bitrix24EmulatorError(400, "ERROR_CORE", "Handler already binded"));

        var response = await PostInstallAsync(_portal.IssueTokens());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("installFinish", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ONAPPINSTALL_of_an_application_without_a_UI_stores_the_portal_with_its_application_token_and_binds_the_events()
    {
        var tokens = _portal.IssueTokens();

        var response = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(tokens)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("installFinish", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await _app.Store.GetAsync(MemberId, default);
        Assert.Equal(ApplicationToken, stored!.ApplicationToken);
        Assert.Equal(tokens.RefreshToken, stored.Tokens.RefreshToken);
        Assert.Equal(_portal.RestUrl, stored.ClientEndpoint);
        Assert.Equal(new[] { "ONCALENDARENTRYADD", "ONCRMDEALADD", "ONAPPUNINSTALL" }, _binds.Select(b => b.Event).ToArray());
        Assert.Single(_installed);
    }

    [Fact]
    public async Task ONAPPINSTALL_after_the_install_page_sets_the_application_token_without_binding_again()
    {
        var tokens = _portal.IssueTokens();
        await PostInstallAsync(tokens);
        var bindsBefore = _binds.Count;

        var response = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await _app.Store.GetAsync(MemberId, default);
        Assert.Equal(ApplicationToken, stored!.ApplicationToken);
        Assert.Equal(tokens.AccessToken, stored.Tokens.AccessToken);
        Assert.Equal(bindsBefore, _binds.Count);
    }

    [Fact]
    public async Task ONAPPINSTALL_never_replaces_an_application_token_the_portal_already_gave()
    {
        await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));

        var response = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens(), applicationToken: "the-attacker's-token")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ApplicationToken, (await _app.Store.GetAsync(MemberId, default))!.ApplicationToken);
    }

    [Fact]
    public async Task ONAPPUNINSTALL_with_the_application_token_removes_the_portal()
    {
        await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));

        var response = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppUninstallForm(ApplicationToken)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _app.Store.GetAsync(MemberId, default));
        Assert.Equal(MemberId, Assert.Single(_uninstalled).MemberId);
    }

    [Fact]
    public async Task ONAPPUNINSTALL_with_another_token_is_refused_with_401_and_keeps_the_portal()
    {
        await _app.Client.PostAsync(InstallPath, TestApp.Form(AppInstallForm(_portal.IssueTokens())));

        var response = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppUninstallForm("forged-application-token")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(await _app.Store.GetAsync(MemberId, default));
        Assert.Empty(_uninstalled);
        Assert.DoesNotContain("forged-application-token", _app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ONAPPUNINSTALL_of_a_portal_without_an_application_token_is_refused_with_401()
    {
        await PostInstallAsync(_portal.IssueTokens());

        var response = await _app.Client.PostAsync(InstallPath, TestApp.Form(AppUninstallForm(ApplicationToken)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(await _app.Store.GetAsync(MemberId, default));
    }

    [Theory]
    [InlineData("event=ONCRMDEALADD&auth%5Bmember_id%5D=x")]
    [InlineData("PLACEMENT=DEFAULT")]
    [InlineData("AUTH_ID=a&REFRESH_ID=b")]
    [InlineData("event=ONAPPINSTALL&auth%5Bmember_id%5D=x")]
    [InlineData("event=ONAPPUNINSTALL")]
    [InlineData("AUTH_ID=a&REFRESH_ID=b&member_id=m&DOMAIN=bad%2Fhost%3Fq")]
    [InlineData("AUTH_ID=a&REFRESH_ID=b&member_id=m&DOMAIN=user%40elsewhere.example")]
    public async Task Anything_else_is_refused_with_400(string form)
    {
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _app.Client.PostAsync(InstallPath, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
        Assert.Empty(_binds);
    }

    [Fact]
    public async Task Mapping_the_install_without_AddBitrix24Applications_says_so()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(
            services => services.AddBitrix24Install(o => o.BindEvent<OnCalendarEntryAdd>()),
            app => app.MapBitrix24Install(InstallPath)));

        Assert.Contains("AddBitrix24Applications", exception.Message, StringComparison.Ordinal);
    }

    // As the portal opens the install page: DOMAIN, PROTOCOL, LANG and APP_SID in the query, the tokens in the form.
    private Task<HttpResponseMessage> PostInstallAsync(Bitrix24Tokens tokens) =>
        _app.Client.PostAsync(
            InstallPath + "?DOMAIN=" + Uri.EscapeDataString(_portal.RestUrl.Authority) + "&PROTOCOL=0&LANG=en&APP_SID=0123456789abcdef",
            TestApp.Form(
                ("AUTH_ID", tokens.AccessToken),
                ("AUTH_EXPIRES", "3600"),
                ("REFRESH_ID", tokens.RefreshToken),
                ("SERVER_ENDPOINT", "https://oauth.bitrix.info/rest/"),
                ("member_id", MemberId),
                ("status", "L"),
                ("PLACEMENT", "DEFAULT"),
                ("PLACEMENT_OPTIONS", "{}")));

    private (string, string)[] AppInstallForm(Bitrix24Tokens tokens, string applicationToken = ApplicationToken) =>
    [
        ("event", "ONAPPINSTALL"),
        ("data[VERSION]", "1"),
        ("data[ACTIVE]", "Y"),
        ("data[INSTALLED]", "Y"),
        ("data[LANGUAGE_ID]", "en"),
        ("ts", "1696527000"),
        ("auth[access_token]", tokens.AccessToken),
        ("auth[expires_in]", "3600"),
        ("auth[scope]", "calendar,crm"),
        ("auth[domain]", _portal.RestUrl.Authority),
        ("auth[server_endpoint]", "https://oauth.bitrix.info/rest/"),
        ("auth[status]", "L"),
        ("auth[client_endpoint]", _portal.RestUrl.AbsoluteUri),
        ("auth[member_id]", MemberId),
        ("auth[refresh_token]", tokens.RefreshToken),
        ("auth[application_token]", applicationToken),
    ];

    private (string, string)[] AppUninstallForm(string applicationToken) =>
    [
        ("event", "ONAPPUNINSTALL"),
        ("data[LANGUAGE_ID]", "en"),
        ("data[CLEAN]", "0"),
        ("ts", "1466439714"),
        ("auth[domain]", _portal.RestUrl.Authority),
        ("auth[client_endpoint]", _portal.RestUrl.AbsoluteUri),
        ("auth[member_id]", MemberId),
        ("auth[application_token]", applicationToken),
    ];
}
