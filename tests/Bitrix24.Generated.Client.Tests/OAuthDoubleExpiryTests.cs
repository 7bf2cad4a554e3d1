using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>A token that expires a second time while the calls renewed for its first expiry are replayed.</summary>
public class OAuthDoubleExpiryTests
{
    private const int Calls = 200;

    [Fact]
    public async Task Two_hundred_calls_through_two_expiries_in_a_row_all_succeed_with_one_renewal_per_expiry()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var issued = portal.IssueTokens();
        var store = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl, issued.ExpiresAt));
        using var expiries = new SecondExpiry(portal);
        using var http = new HttpClient(expiries) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null };
        using var connection = new Bitrix24Connection(http, new Bitrix24OAuth(Options(portal), store, http), options);
        var client = new Bitrix24Client(connection);

        portal.ExpireAccessTokens();
        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async _ =>
        {
            try
            {
                return (await client.Calendar.Settings.GetAsync()).Value.WeekStart == CalendarWeekday.Monday ? null : "wrong result";
            }
            catch (Bitrix24Exception exception)
            {
                return exception.Message;
            }
        }));

        Assert.All(results, Assert.Null);
        Assert.True(expiries.ExpiredAgain);
        Assert.Equal(2, portal.TokenRefreshCount);
    }

    private static Bitrix24OAuthOptions Options(Bitrix24Emulator portal) => new()
    {
        ClientId = portal.OAuthClientId,
        ClientSecret = portal.OAuthClientSecret,
        TokenEndpoint = portal.OAuthTokenUrl,
    };

    /// <summary>
    /// Holds the portal's refusals of the first expiry until every call met it; then lets 50 replays through,
    /// expires the renewed token, and only then lets the other replays go on.
    /// </summary>
    private sealed class SecondExpiry : DelegatingHandler
    {
        private const int Replays = 50;

        private readonly Bitrix24Emulator _portal;
        private readonly TaskCompletionSource _allRefused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _expiredAgain = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _refused;
        private int _replays;
        private int _answered;

        public SecondExpiry(Bitrix24Emulator portal)
            : base(new SocketsHttpHandler { AllowAutoRedirect = false }) => _portal = portal;

        public bool ExpiredAgain => _expiredAgain.Task.IsCompleted;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var replay = _portal.TokenRefreshCount == 1 ? Interlocked.Increment(ref _replays) : 0;
            if (replay > Replays)
            {
                await _expiredAgain.Task.WaitAsync(cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && _portal.TokenRefreshCount == 0)
            {
                if (Interlocked.Increment(ref _refused) == Calls)
                {
                    _allRefused.TrySetResult();
                }

                await _allRefused.Task.WaitAsync(cancellationToken);
            }
            else if (replay is > 0 and <= Replays && Interlocked.Increment(ref _answered) == Replays)
            {
                _portal.ExpireAccessTokens();
                _expiredAgain.TrySetResult();
            }

            return response;
        }
    }
}
