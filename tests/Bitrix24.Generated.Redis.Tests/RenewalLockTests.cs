using System;
using System.Net.Http;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis.Tests;

/// <summary>The renewal lock in Redis, and two instances renewing the same expired token through it.</summary>
[Collection(RedisCollection.Name)]
public class RenewalLockTests(RedisServer redis)
{
    private static readonly System.Threading.CancellationToken None = System.Threading.CancellationToken.None;

    private static string NewPrefix() => "test:renewal:" + Guid.NewGuid().ToString("N") + ":";

    [RedisFact]
    public async Task The_lock_is_held_by_one_at_a_time_and_released_when_disposed()
    {
        using var first = redis.Connect();
        using var second = redis.Connect();
        var prefix = NewPrefix();
        var one = new RedisBitrix24RenewalLock(first, prefix);
        var two = new RedisBitrix24RenewalLock(second, prefix);

        var held = await one.TryAcquireAsync("app@portal", TimeSpan.FromSeconds(30), None);
        Assert.NotNull(held);
        Assert.Null(await two.TryAcquireAsync("app@portal", TimeSpan.FromSeconds(30), None));
        var other = await two.TryAcquireAsync("app@other-portal", TimeSpan.FromSeconds(30), None);
        Assert.NotNull(other);

        await held!.DisposeAsync();
        var next = await two.TryAcquireAsync("app@portal", TimeSpan.FromSeconds(30), None);
        Assert.NotNull(next);
        await next!.DisposeAsync();
        await other!.DisposeAsync();
    }

    [RedisFact]
    public async Task A_lock_whose_lease_ran_out_is_taken_by_another_and_its_late_release_frees_nothing()
    {
        using var connection = redis.Connect();
        var renewalLock = new RedisBitrix24RenewalLock(connection, NewPrefix());

        var stale = await renewalLock.TryAcquireAsync("key", TimeSpan.FromMilliseconds(200), None);
        Assert.NotNull(stale);
        await Task.Delay(400);
        var current = await renewalLock.TryAcquireAsync("key", TimeSpan.FromSeconds(30), None);
        Assert.NotNull(current);

        await stale!.DisposeAsync();

        Assert.Null(await renewalLock.TryAcquireAsync("key", TimeSpan.FromSeconds(30), None));
        await current!.DisposeAsync();
    }

    [RedisFact]
    public async Task Two_instances_renewing_the_same_expired_token_ask_the_token_endpoint_once_and_both_go_on()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var first = redis.Connect();
        using var second = redis.Connect();
        var prefix = NewPrefix();
        var requests = new TokenRequests();
        var (one, two) = Instances(portal, requests, new RedisBitrix24RenewalLock(first, prefix), new RedisBitrix24RenewalLock(second, prefix));
        Assert.Null(await Portals.CallAsync(one));
        Assert.Null(await Portals.CallAsync(two));

        portal.ExpireAccessTokens();
        var results = await Task.WhenAll(Portals.CallAsync(one), Portals.CallAsync(two), Portals.CallAsync(one), Portals.CallAsync(two));

        Assert.All(results, Assert.Null);
        Assert.Equal(1, requests.Count);
        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Equal(1, ((Bitrix24OAuth)one.Authentication).RenewalCount + ((Bitrix24OAuth)two.Authentication).RenewalCount);

        // And the lock was released: the next expiry is renewed at once.
        portal.ExpireAccessTokens();
        Assert.Null(await Portals.CallAsync(two).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, requests.Count);
    }

    [RedisFact]
    public async Task Without_the_lock_both_instances_ask_the_token_endpoint()
    {
        // The same race as above with nothing but the store's compare-and-swap: shows the test above can tell.
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var requests = new TokenRequests();
        var (one, two) = Instances(portal, requests, null, null);
        Assert.Null(await Portals.CallAsync(one));
        Assert.Null(await Portals.CallAsync(two));

        portal.ExpireAccessTokens();
        var results = await Task.WhenAll(Portals.CallAsync(one), Portals.CallAsync(two));

        Assert.All(results, Assert.Null);
        Assert.Equal(2, requests.Count);
    }

    [RedisFact]
    public async Task A_holder_that_never_saves_tokens_makes_the_others_wait_out_the_lease_and_renew_themselves()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var connection = redis.Connect();
        var prefix = NewPrefix();
        var renewalLock = new RedisBitrix24RenewalLock(connection, prefix);
        var requests = new TokenRequests();
        var (one, _) = Instances(portal, requests, renewalLock, renewalLock, lease: TimeSpan.FromMilliseconds(600));
        Assert.Null(await Portals.CallAsync(one));

        // A crashed instance's lock: held, never released, its lease running out.
        var crashed = await renewalLock.TryAcquireAsync(portal.OAuthClientId + "@" + portal.RestUrl.Authority, TimeSpan.FromMilliseconds(600), None);
        Assert.NotNull(crashed);
        portal.ExpireAccessTokens();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(await Portals.CallAsync(one));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), clock.Elapsed.ToString());
        Assert.Equal(1, requests.Count);
    }

    [Fact]
    public async Task Unreachable_Redis_gives_a_lock_that_holds_nothing_and_warns_once_without_the_password()
    {
        using var connection = await ClosedRedis.ConnectAsync();
        var logger = new CapturingLogger();
        var renewalLock = new RedisBitrix24RenewalLock(connection, logger: logger);

        var held = await renewalLock.TryAcquireAsync("app@portal", TimeSpan.FromSeconds(5), None);
        var again = await renewalLock.TryAcquireAsync("app@portal", TimeSpan.FromSeconds(5), None);

        Assert.NotNull(held);
        Assert.NotNull(again);
        await held!.DisposeAsync();
        await again!.DisposeAsync();
        var warning = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("bitrix24:renewal:app@portal", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClosedRedis.Password, warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Redis_unreachable_the_instance_renews_its_tokens_itself()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var connection = await ClosedRedis.ConnectAsync();
        var logger = new CapturingLogger();
        var requests = new TokenRequests();
        var renewalLock = new RedisBitrix24RenewalLock(connection, logger: logger);
        var (one, two) = Instances(portal, requests, renewalLock, renewalLock);
        Assert.Null(await Portals.CallAsync(one));

        portal.ExpireAccessTokens();
        Assert.Null(await Portals.CallAsync(one));
        portal.ExpireAccessTokens();
        var results = await Task.WhenAll(Portals.CallAsync(one), Portals.CallAsync(two));

        // The store's compare-and-swap alone: each instance may ask the token endpoint, and all go on.
        Assert.All(results, Assert.Null);
        Assert.InRange(portal.TokenRefreshCount, 2, 3);
        var warning = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(portal.OAuthClientSecret, warning.Text, StringComparison.Ordinal);
    }

    // Two instances of an application: connections, HttpClients, store objects and locks of their own over one
    // store of tokens.
    private static (Bitrix24Connection One, Bitrix24Connection Two) Instances(
        Bitrix24Emulator portal, TokenRequests requests, IBitrix24RenewalLock? lockOne, IBitrix24RenewalLock? lockTwo, TimeSpan? lease = null)
    {
        var shared = new InMemoryBitrix24TokenStore(Portals.Tokens(portal));
        Bitrix24Connection Instance(IBitrix24RenewalLock? renewalLock)
        {
            var httpClient = new HttpClient(new SlowTokenEndpoint(requests));
            var oauth = Portals.OAuth(portal, renewalLock);
            if (lease is { } time)
            {
                oauth.RenewalLockLease = time;
            }

            return new Bitrix24Connection(httpClient, new Bitrix24OAuth(oauth, new SharedTokenStore(shared), httpClient), new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null });
        }

        return (Instance(lockOne), Instance(lockTwo));
    }
}
