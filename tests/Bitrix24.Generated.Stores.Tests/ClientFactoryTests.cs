using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Stores.Tests;

/// <summary>One application on many portals: a connection per portal, each renewing and pacing on its own.</summary>
public class ClientFactoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Each_portal_gets_a_connection_of_its_own_that_renews_its_own_tokens()
    {
        await using var one = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        await using var two = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null, OAuthClientId = one.OAuthClientId, OAuthClientSecret = one.OAuthClientSecret });
        var store = new InMemoryBitrix24PortalStore();
        var installedOne = Portals.Installed(one, "member-one");
        var installedTwo = Portals.Installed(two, "member-two");
        await store.AddOrUpdateAsync(installedOne, None);
        await store.AddOrUpdateAsync(installedTwo, None);
        using var factory = new Bitrix24ClientFactory(Application(one), store);

        var connectionOne = await factory.ForPortalAsync("member-one");
        var connectionTwo = await factory.ForPortalAsync("member-two");
        Assert.Same(connectionOne, await factory.ForPortalAsync("member-one"));
        Assert.NotSame(connectionOne, connectionTwo);
        Assert.Null(await Portals.CallAsync(connectionOne));
        Assert.Null(await Portals.CallAsync(connectionTwo));

        one.ExpireAccessTokens();
        two.ExpireAccessTokens();
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Portals.CallAsync(i % 2 == 0 ? connectionOne : connectionTwo)));

        Assert.All(results, Assert.Null);
        Assert.Equal(1, one.TokenRefreshCount);
        Assert.Equal(1, two.TokenRefreshCount);
        Assert.Equal(1, ((Bitrix24OAuth)connectionOne.Authentication).RenewalCount);
        Assert.Equal(1, ((Bitrix24OAuth)connectionTwo.Authentication).RenewalCount);
        Assert.NotEqual(installedOne.Tokens, (await store.GetAsync("member-one", None))!.Tokens);
        Assert.NotEqual(installedTwo.Tokens, (await store.GetAsync("member-two", None))!.Tokens);
    }

    [Fact]
    public async Task An_unknown_member_id_is_a_typed_exception_that_names_it()
    {
        using var factory = new Bitrix24ClientFactory(new Bitrix24ApplicationOptions { OAuth = { ClientId = "app", ClientSecret = "secret" } }, new InMemoryBitrix24PortalStore());

        var exception = await Assert.ThrowsAsync<Bitrix24PortalNotFoundException>(async () => await factory.ForPortalAsync("no-such-portal"));

        Assert.Equal("no-such-portal", exception.MemberId);
        Assert.Contains("no-such-portal", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_portal_is_paced_by_a_rate_limiter_of_its_own()
    {
        await using var one = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        await using var two = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null, OAuthClientId = one.OAuthClientId, OAuthClientSecret = one.OAuthClientSecret });
        var store = new InMemoryBitrix24PortalStore();
        await store.AddOrUpdateAsync(Portals.Installed(one, "member-one"), None);
        await store.AddOrUpdateAsync(Portals.Installed(two, "member-two"), None);

        // One call at once and (on a clock that stands still) none after: a limiter shared by both portals would hold
        // the second portal's first call.
        var options = Application(one);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        options.Connection.TimeProvider = clock;
        options.Connection.RateLimiter = new Bitrix24RateLimiter(1, 0.01) { SafetyMargin = TimeSpan.Zero };
        using var factory = new Bitrix24ClientFactory(options, store);
        var connectionOne = await factory.ForPortalAsync("member-one");
        var connectionTwo = await factory.ForPortalAsync("member-two");

        Assert.Null(await Portals.CallAsync(connectionOne).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(await Portals.CallAsync(connectionTwo).WaitAsync(TimeSpan.FromSeconds(10)));
        var held = Portals.CallAsync(connectionOne);
        await Task.Delay(300);
        Assert.False(held.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Null(await held.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_limiter_of_any_kind_can_be_made_for_each_portal()
    {
        await using var one = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        await using var two = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null, OAuthClientId = one.OAuthClientId, OAuthClientSecret = one.OAuthClientSecret });
        var store = new InMemoryBitrix24PortalStore();
        await store.AddOrUpdateAsync(Portals.Installed(one, "member-one"), None);
        await store.AddOrUpdateAsync(Portals.Installed(two, "member-two"), None);
        var limiters = new System.Collections.Generic.Dictionary<string, System.Threading.RateLimiting.ConcurrencyLimiter>();
        var options = Application(one);
        options.PortalRateLimiter = portal => limiters[portal.MemberId] = new System.Threading.RateLimiting.ConcurrencyLimiter(
            new System.Threading.RateLimiting.ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using var factory = new Bitrix24ClientFactory(options, store);

        Assert.Null(await Portals.CallAsync(await factory.ForPortalAsync("member-one")));
        Assert.Null(await Portals.CallAsync(await factory.ForPortalAsync("member-two")));
        Assert.Null(await Portals.CallAsync(await factory.ForPortalAsync("member-one")));

        Assert.Equal(2, limiters["member-one"].GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(1, limiters["member-two"].GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task A_forgotten_portal_gets_a_new_connection()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var store = new InMemoryBitrix24PortalStore();
        await store.AddOrUpdateAsync(Portals.Installed(portal, "member"), None);
        using var factory = new Bitrix24ClientFactory(Application(portal), store);
        var first = await factory.ForPortalAsync("member");

        Assert.True(factory.Forget("member"));
        Assert.False(factory.Forget("member"));
        await store.RemoveAsync("member", None);

        await Assert.ThrowsAsync<Bitrix24PortalNotFoundException>(async () => await factory.ForPortalAsync("member"));
        await store.AddOrUpdateAsync(Portals.Installed(portal, "member"), None);
        Assert.NotSame(first, await factory.ForPortalAsync("member"));
    }

    [Fact]
    public async Task Registered_with_a_database_store_a_client_type_is_given_per_portal()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var file = Path.Combine(Path.GetTempPath(), "bitrix24-portals-" + Guid.NewGuid().ToString("N") + ".db");
        var services = new ServiceCollection();
        services.AddBitrix24Applications(o =>
            {
                o.OAuth = Portals.OAuth(portal);
                o.Connection.RateLimiter = null;
            })
            .UseEntityFrameworkStore(o => o.UseSqlite("Data Source=" + file))
            .AddClient(connection => new PortalClient(connection));
        try
        {
            await using (var provider = services.BuildServiceProvider())
            {
                await provider.EnsureBitrix24PortalStoreCreatedAsync();
                var store = provider.GetRequiredService<IBitrix24PortalStore>();
                Assert.IsType<EntityFrameworkPortalStore<Bitrix24PortalDbContext>>(store);
                await store.AddOrUpdateAsync(Portals.Installed(portal, "member"), None);

                var clients = provider.GetRequiredService<IBitrix24ClientFactory<PortalClient>>();
                var client = await clients.ForPortalAsync("member");
                Assert.Same(client, await clients.ForPortalAsync("member"));
                portal.ExpireAccessTokens();
                Assert.Null(await Portals.CallAsync(client.Connection));
                Assert.Equal(1, portal.TokenRefreshCount);
                await Assert.ThrowsAsync<Bitrix24PortalNotFoundException>(async () => await clients.ForPortalAsync("other"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void Registered_without_a_store_the_portals_are_kept_in_memory()
    {
        var services = new ServiceCollection();
        services.AddBitrix24Applications(o => o.OAuth = new Bitrix24OAuthOptions { ClientId = "app", ClientSecret = "secret" });
        using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemoryBitrix24PortalStore>(provider.GetRequiredService<IBitrix24PortalStore>());
        Assert.Same(provider.GetRequiredService<IBitrix24ClientFactory>(), provider.GetRequiredService<IBitrix24ClientFactory>());
    }

    private static Bitrix24ApplicationOptions Application(Bitrix24Emulator portal)
    {
        // Each emulator is a portal with a token endpoint of its own, as an on-premise portal is.
        var options = new Bitrix24ApplicationOptions { OAuth = Portals.OAuth(portal), TokenEndpoint = p => new Uri(p.ClientEndpoint, "/oauth/token/") };
        options.Connection.RateLimiter = null;
        options.Connection.Retry = null;
        return options;
    }

    /// <summary>A client type of the application's own over a portal's connection, as the generated one is.</summary>
    public sealed class PortalClient(Bitrix24Connection connection)
    {
        public Bitrix24Connection Connection { get; } = connection;
    }
}
