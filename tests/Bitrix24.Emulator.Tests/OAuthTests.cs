using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

public class OAuthTests
{
    [Fact]
    public async Task An_access_token_works_in_the_query_or_the_body_and_is_never_recorded()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var tokens = portal.IssueTokens();
        using var http = new HttpClient();

        var inQuery = await http.PostAsync(new Uri(portal.RestUrl, "calendar.settings.get?auth=" + tokens.AccessToken), Json("{}"));
        var inBody = await http.PostAsync(new Uri(portal.RestUrl, "calendar.user.settings.set"), Json("{\"settings\":{\"view\":\"day\"},\"auth\":\"" + tokens.AccessToken + "\"}"));

        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inBody.StatusCode);
        Assert.All(portal.Requests, r => Assert.DoesNotContain(tokens.AccessToken, r.Body, StringComparison.Ordinal));
        Assert.All(portal.Requests, r => Assert.True(r.Authorized));
    }

    [Fact]
    public async Task An_expired_token_gets_expired_token_until_it_is_refreshed()
    {
        var clock = new ManualClock();
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock });
        var tokens = portal.IssueTokens();
        using var http = new HttpClient();

        clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await CallAsync(http, portal, tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("expired_token", (string?)JsonNode.Parse(await expired.Content.ReadAsStringAsync())!["error"]);

        var refreshed = await http.GetAsync(new Uri(portal.OAuthTokenUrl, "?grant_type=refresh_token&client_id=" + portal.OAuthClientId + "&client_secret=" + portal.OAuthClientSecret + "&refresh_token=" + tokens.RefreshToken));
        var answer = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(3600, (int)answer["expires_in"]!);
        Assert.NotEqual(tokens.RefreshToken, (string?)answer["refresh_token"]);
        Assert.Equal(portal.RestUrl.ToString(), (string?)answer["client_endpoint"]);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, portal, (string)answer["access_token"]!)).StatusCode);
        Assert.Equal(1, portal.TokenRefreshCount);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_post_form_works_too()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var tokens = portal.IssueTokens();
        using var http = new HttpClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = portal.OAuthClientId,
            ["client_secret"] = portal.OAuthClientSecret,
            ["refresh_token"] = tokens.RefreshToken,
        };

        var first = await http.PostAsync(portal.OAuthTokenUrl, new FormUrlEncodedContent(form));
        var again = await http.PostAsync(portal.OAuthTokenUrl, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["error"]);
        Assert.DoesNotContain(portal.Requests, r => r.Body.Contains(tokens.RefreshToken, StringComparison.Ordinal) || r.Body.Contains(portal.OAuthClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_client_credentials_are_invalid_client()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var tokens = portal.IssueTokens();
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(portal.OAuthTokenUrl, "?grant_type=refresh_token&client_id=" + portal.OAuthClientId + "&client_secret=wrong&refresh_token=" + tokens.RefreshToken));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task An_unknown_or_missing_token_is_no_auth_found(string token)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var response = await CallAsync(http, portal, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("NO_AUTH_FOUND", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task Expiring_all_tokens_on_demand()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var tokens = portal.IssueTokens();
        using var http = new HttpClient();

        portal.ExpireAccessTokens();

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(http, portal, tokens.AccessToken)).StatusCode);
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient http, Bitrix24Emulator portal, string token) =>
        http.PostAsync(new Uri(portal.RestUrl, "calendar.settings.get"), Json("{\"auth\":\"" + token + "\"}"));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
