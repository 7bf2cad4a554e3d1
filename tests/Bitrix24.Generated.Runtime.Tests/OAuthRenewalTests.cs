using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>Renewing an OAuth application's token once per expiry, however many calls meet it.</summary>
public class OAuthRenewalTests
{
    [Fact]
    public async Task A_token_expiring_again_while_the_replays_are_in_flight_is_renewed_once_more_and_every_call_succeeds()
    {
        var portal = new FakeOAuthPortal();
        var store = FakeOAuthPortal.Store();
        using var connection = Connect(portal, store);
        portal.Expire();

        // All 200 calls meet the first expiry; the renewed token expires again after 50 replays, while the others are on their way.
        portal.HoldExpiredUntil = 200;
        portal.Accepted = accepted =>
        {
            if (portal.Renewals == 1 && accepted == 50)
            {
                portal.Expire();
            }
        };
        var calls = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Outcome(connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None))));

        Assert.All(calls, outcome => Assert.Null(outcome));
        Assert.Equal(2, portal.Renewals);
        Assert.Equal(2, portal.Requests.Count(r => r.RequestUri!.Host == FakeOAuthPortal.TokenEndpoint.Host));
        Assert.Equal("access-token-2-7d1e", (await store.GetAsync(default)).AccessToken);
    }

    private static Bitrix24Connection Connect(FakeOAuthPortal portal, IBitrix24TokenStore store)
    {
        var client = new HttpClient(portal);
        return new Bitrix24Connection(client, new Bitrix24OAuth(FakeOAuthPortal.Options(), store, client), new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null });
    }

    private static async Task<Exception?> Outcome(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
