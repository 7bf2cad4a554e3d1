using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>An OAuth application against the emulator: token renewal happens once and is invisible to callers.</summary>
public class OAuthTests
{
    [Fact]
    public async Task Twenty_calls_on_an_expired_token_cause_exactly_one_renewal()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var issued = portal.IssueTokens();
        var store = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl, issued.ExpiresAt));
        using var connection = Bitrix24Connection.FromOAuth(Options(portal), store);
        var client = new Bitrix24Client(connection);
        await client.Calendar.Settings.GetAsync();

        portal.ExpireAccessTokens();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Calendar.Settings.GetAsync()));

        Assert.All(results, r => Assert.Equal(CalendarWeekday.Monday, r.Value.WeekStart));
        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Equal(1, ((Bitrix24OAuth)connection.Authentication).RenewalCount);
        var saved = await store.GetAsync(default);
        Assert.NotEqual(issued.RefreshToken, saved.RefreshToken);
        Assert.NotEqual(issued.AccessToken, saved.AccessToken);
    }

    [Fact]
    public async Task A_failed_renewal_is_a_distinct_exception_without_secrets()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var issued = portal.IssueTokens();
        var options = Options(portal);
        options.ClientSecret = "not-the-secret";
        using var connection = Bitrix24Connection.FromOAuth(options, new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl)));
        var client = new Bitrix24Client(connection);

        portal.ExpireAccessTokens();
        var exception = await Assert.ThrowsAsync<Bitrix24AuthenticationException>(() => client.Calendar.Settings.GetAsync());

        Assert.Equal("invalid_client", exception.Error);
        Assert.Equal("calendar.settings.get", exception.Method);
        foreach (var secret in new[] { issued.AccessToken, issued.RefreshToken, "not-the-secret" })
        {
            Assert.DoesNotContain(secret, exception.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_that_expires_again_at_once_is_not_renewed_in_a_loop()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { AccessTokenLifetime = TimeSpan.Zero });
        var issued = portal.IssueTokens();
        using var connection = Bitrix24Connection.FromOAuth(Options(portal), new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl)));
        var client = new Bitrix24Client(connection);

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.Calendar.Settings.GetAsync());

        // One renewal for each expiry the call meets, the token it was sent with and the renewed one; then it gives up.
        Assert.Equal(Bitrix24ErrorCode.ExpiredToken, exception.Code);
        Assert.Equal(2, portal.TokenRefreshCount);
    }

    [Fact]
    public async Task Tokens_never_show_in_recorded_requests_or_descriptions()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var issued = portal.IssueTokens();
        var tokens = new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl);
        using var connection = Bitrix24Connection.FromOAuth(Options(portal), new InMemoryBitrix24TokenStore(tokens));
        var client = new Bitrix24Client(connection);

        await client.Calendar.User.Settings.SetAsync(new CalendarUserSettings { View = CalendarView.Day });

        Assert.All(portal.Requests, r => Assert.DoesNotContain(issued.AccessToken, r.Body, StringComparison.Ordinal));
        Assert.DoesNotContain(issued.AccessToken, tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(issued.RefreshToken, tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(portal.OAuthClientSecret, Options(portal).ToString(), StringComparison.Ordinal);
    }

    private static Bitrix24OAuthOptions Options(Bitrix24Emulator portal) => new()
    {
        ClientId = portal.OAuthClientId,
        ClientSecret = portal.OAuthClientSecret,
        TokenEndpoint = portal.OAuthTokenUrl,
    };
}
