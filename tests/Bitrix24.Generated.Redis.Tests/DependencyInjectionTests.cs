using System;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis.Tests;

/// <summary>UseRedis: one line shares the rate limits and the renewals of what the runtime registered.</summary>
[Collection(RedisCollection.Name)]
public class DependencyInjectionTests(RedisServer redis)
{
    private static readonly System.Threading.CancellationToken None = System.Threading.CancellationToken.None;

    private static string NewPrefix() => "test:di:" + Guid.NewGuid().ToString("N") + ":";

    [RedisFact]
    public async Task An_application_shares_each_portals_bucket_and_its_renewals_through_Redis()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var prefix = NewPrefix();
        var services = new ServiceCollection();
        services.AddBitrix24Applications(o =>
            {
                o.OAuth = Portals.OAuth(portal);
                o.Connection.Retry = null;
            })
            .UseRedis(redis.ConnectionString, o => o.KeyPrefix = prefix);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IBitrix24PortalStore>();
        await store.AddOrUpdateAsync(Portals.Installed(portal, "member"), None);

        var options = provider.GetRequiredService<IOptions<Bitrix24ApplicationOptions>>().Value;
        Assert.IsType<RedisBitrix24RenewalLock>(options.OAuth.RenewalLock);
        var limiter = Assert.IsType<RedisBitrix24RateLimiter>(options.PortalRateLimiter!(Portals.Installed(portal, "other")));
        Assert.Equal(prefix + "rate:" + portal.OAuthClientId + ":other", limiter.Key);
        Assert.Equal((50, 2.0), (limiter.Burst, limiter.DrainPerSecond));

        var connection = await provider.GetRequiredService<IBitrix24ClientFactory>().ForPortalAsync("member");
        Assert.Null(await Portals.CallAsync(connection));
        portal.ExpireAccessTokens();
        Assert.Null(await Portals.CallAsync(connection));

        Assert.Equal(1, portal.TokenRefreshCount);
        var database = provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.True(await database.KeyExistsAsync(prefix + "rate:" + portal.OAuthClientId + ":member"));
        Assert.False(await database.KeyExistsAsync(prefix + "renewal:" + portal.OAuthClientId + "@" + portal.RestUrl.Authority));
    }

    [RedisFact]
    public async Task A_webhook_connection_shares_its_bucket_under_the_portals_host()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var prefix = NewPrefix();
        var services = new ServiceCollection();
        services.AddBitrix24Connection(o =>
            {
                o.WebhookUrl = portal.WebhookUrl.ToString();
                o.Connection.RateLimiter = new Bitrix24RateLimiter(10, 5) { SafetyMargin = TimeSpan.FromMilliseconds(50) };
            })
            .UseRedis(redis.ConnectionString, o => o.KeyPrefix = prefix);
        await using var provider = services.BuildServiceProvider();

        var limiter = Assert.IsType<RedisBitrix24RateLimiter>(provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value.Connection.RateLimiter);
        Assert.Equal(prefix + "rate:" + portal.WebhookUrl.Authority, limiter.Key);
        Assert.Equal((10, 5.0, TimeSpan.FromMilliseconds(50)), (limiter.Burst, limiter.DrainPerSecond, limiter.SafetyMargin));
        Assert.Null(await Portals.CallAsync(provider.GetRequiredService<Bitrix24Connection>()));
        Assert.Equal(1, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.True(await provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyExistsAsync(limiter.Key));
    }

    [RedisFact]
    public async Task An_OAuth_client_gets_the_renewal_lock_and_a_registered_multiplexer_is_reused()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var mine = redis.Connect();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(mine);
        services.AddSingleton<IBitrix24TokenStore>(new InMemoryBitrix24TokenStore(Portals.Tokens(portal)));
        services.AddBitrix24Connection(o => o.OAuth = Portals.OAuth(portal))
            .UseRedis("127.0.0.1:1", o => o.ShareRateLimit = false);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IConnectionMultiplexer>());
        var options = provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value;
        Assert.IsType<RedisBitrix24RenewalLock>(options.OAuth!.RenewalLock);
        Assert.IsType<Bitrix24RateLimiter>(options.Connection.RateLimiter);

        var connection = provider.GetRequiredService<Bitrix24Connection>();
        portal.ExpireAccessTokens();
        Assert.Null(await Portals.CallAsync(connection));
        Assert.Equal(1, portal.TokenRefreshCount);
    }

    [RedisFact]
    public void A_limiter_of_another_kind_is_left_alone()
    {
        using var mine = redis.Connect();
        var services = new ServiceCollection();
        using var own = new System.Threading.RateLimiting.ConcurrencyLimiter(new System.Threading.RateLimiting.ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        services.AddSingleton<IConnectionMultiplexer>(mine);
        services.AddBitrix24Connection(o =>
            {
                o.WebhookUrl = "https://example.bitrix24.com/rest/1/code/";
                o.Connection.RateLimiter = own;
            })
            .UseRedis(redis.ConnectionString);
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value.Connection.RateLimiter);
    }

    [RedisFact]
    public async Task An_applications_in_process_budget_becomes_one_in_Redis_per_portal()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var prefix = NewPrefix();
        var services = new ServiceCollection();
        services.AddBitrix24Applications(o =>
            {
                o.OAuth = Portals.OAuth(portal);
                o.Connection.OperatingBudget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(100));
            })
            .UseRedis(redis.ConnectionString, o => o.KeyPrefix = prefix);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IBitrix24PortalStore>().AddOrUpdateAsync(Portals.Installed(portal, "member"), None);

        var options = provider.GetRequiredService<IOptions<Bitrix24ApplicationOptions>>().Value;
        var budget = Assert.IsType<RedisBitrix24OperatingBudget>(options.PortalOperatingBudget!(Portals.Installed(portal, "other")));
        Assert.Equal(prefix + "operating:" + portal.OAuthClientId + ":other:", budget.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(100), budget.Limit);
        Assert.Null(await Portals.CallAsync(await provider.GetRequiredService<IBitrix24ClientFactory>().ForPortalAsync("member")));
    }

    [RedisFact]
    public void A_webhook_connections_budget_is_shared_under_the_portals_host_unless_turned_off()
    {
        using var mine = redis.Connect();
        static Bitrix24ClientOptions Registered(IConnectionMultiplexer redis, Action<Bitrix24RedisOptions> configure)
        {
            var services = new ServiceCollection();
            services.AddSingleton(redis);
            services.AddBitrix24Connection(o =>
                {
                    o.WebhookUrl = "https://example.bitrix24.com/rest/1/code/";
                    o.Connection.OperatingBudget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(100));
                })
                .UseRedis("127.0.0.1:1", configure);
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value;
        }

        var shared = Assert.IsType<RedisBitrix24OperatingBudget>(Registered(mine, o => o.KeyPrefix = "app:").Connection.OperatingBudget);
        Assert.Equal("app:operating:example.bitrix24.com:", shared.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(100), shared.Limit);
        Assert.IsType<Bitrix24OperatingBudget>(Registered(mine, o => o.ShareOperatingBudget = false).Connection.OperatingBudget);
    }
}
