using System;
using System.Linq;
using System.Net.Http;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis.Tests;

/// <summary>The operating-time budget in Redis: what one instance learns holds back the others' calls of that method.</summary>
[Collection(RedisCollection.Name)]
public class OperatingBudgetTests(RedisServer redis)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static string NewPrefix() => "test:operating:" + Guid.NewGuid().ToString("N") + ":";

    private static Bitrix24Time Spent(TimeProvider clock, double seconds) =>
        new() { Operating = 10.5, OperatingResetAt = clock.GetUtcNow().AddSeconds(seconds) };

    [RedisFact]
    public async Task A_method_spent_on_one_instance_waits_on_the_other_until_the_reset_while_other_methods_go()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var clock = new TimerCountingClock(fake);
        using var first = redis.Connect();
        using var second = redis.Connect();
        var prefix = NewPrefix();
        using var one = new RedisBitrix24OperatingBudget(first, prefix, Limit, fake);
        using var two = new RedisBitrix24OperatingBudget(second, prefix, Limit, clock);
        var resetAt = fake.GetUtcNow().AddSeconds(30);

        one.Observe("crm.deal.list", new Bitrix24Time { Operating = 10.5, OperatingResetAt = resetAt });
        await Eventually.HoldsAsync(() => second.GetDatabase().KeyExistsAsync(prefix + "crm.deal.list"), "The write of the spent budget");

        using var refused = two.AttemptAcquire("CRM.DEAL.LIST");
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        Assert.Equal(0, two.GetStatistics("crm.deal.list")!.CurrentAvailablePermits);
        var waiting = two.AcquireAsync("crm.deal.list").AsTask();
        Assert.True((await two.AcquireAsync("crm.deal.get").AsTask().WaitAsync(TimeSpan.FromSeconds(10))).IsAcquired);
        Assert.Equal(1, clock.Timers);

        fake.Advance(TimeSpan.FromSeconds(29));
        Assert.False(waiting.IsCompleted);
        fake.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(10))).IsAcquired);
    }

    [RedisFact]
    public async Task The_key_holds_the_latest_reset_and_expires_at_it_and_ordinary_answers_write_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var connection = redis.Connect();
        var database = connection.GetDatabase();
        var prefix = NewPrefix();
        using var one = new RedisBitrix24OperatingBudget(connection, prefix, Limit, clock);
        using var other = redis.Connect();
        using var two = new RedisBitrix24OperatingBudget(other, prefix, Limit, clock);
        var later = clock.GetUtcNow().AddSeconds(60);

        one.Observe("crm.deal.get", new Bitrix24Time { Operating = 2, OperatingResetAt = later });
        one.Observe("crm.deal.list", new Bitrix24Time { Operating = 10.5, OperatingResetAt = later });
        await Eventually.HoldsAsync(() => database.KeyExistsAsync(prefix + "crm.deal.list"), "The write of the spent budget");
        two.Observe("crm.deal.list", Spent(clock, 20));
        two.Observe("crm.deal.update", Spent(clock, 20));
        await Eventually.HoldsAsync(() => database.KeyExistsAsync(prefix + "crm.deal.update"), "The second write");

        Assert.Equal(later.ToUnixTimeMilliseconds(), (long)await database.StringGetAsync(prefix + "crm.deal.list"));
        Assert.Equal(later.ToUnixTimeMilliseconds(), (long)await database.ExecuteAsync("PEXPIRETIME", prefix + "crm.deal.list"));
        Assert.False(await database.KeyExistsAsync(prefix + "crm.deal.get"));
        Assert.Equal(prefix + "crm.deal.list", one.KeyOf("CRM.Deal.List"));
    }

    [RedisFact]
    public async Task The_key_is_gone_once_the_reset_has_passed()
    {
        using var connection = redis.Connect();
        var prefix = NewPrefix();
        using var budget = new RedisBitrix24OperatingBudget(connection, prefix, Limit);

        budget.Observe("crm.deal.list", Spent(TimeProvider.System, 0.3));

        await Eventually.HoldsAsync(async () => !await connection.GetDatabase().KeyExistsAsync(prefix + "crm.deal.list"), "The key's expiry");
    }

    [RedisFact]
    public async Task What_was_read_is_trusted_for_the_cache_duration_and_read_again_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = redis.Connect();
        using var second = redis.Connect();
        var prefix = NewPrefix();
        using var one = new RedisBitrix24OperatingBudget(first, prefix, Limit, clock);
        using var two = new RedisBitrix24OperatingBudget(second, prefix, Limit, clock) { CacheDuration = TimeSpan.FromSeconds(2) };

        Assert.True(two.AttemptAcquire("crm.deal.list").IsAcquired);
        one.Observe("crm.deal.list", Spent(clock, 30));
        await Eventually.HoldsAsync(() => first.GetDatabase().KeyExistsAsync(prefix + "crm.deal.list"), "The write of the spent budget");

        Assert.True(two.AttemptAcquire("crm.deal.list").IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(two.AttemptAcquire("crm.deal.list").IsAcquired);
    }

    [Fact]
    public async Task Unreachable_Redis_lets_the_calls_go_keeps_what_this_instance_observed_and_warns_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var connection = await ClosedRedis.ConnectAsync();
        var logger = new CapturingLogger();
        using var budget = new RedisBitrix24OperatingBudget(connection, "bitrix24:operating:app:member:", Limit, clock, logger);

        var first = budget.AcquireAsync("crm.deal.list");
        Assert.True(first.IsCompletedSuccessfully);
        Assert.True((await first).IsAcquired);
        budget.Observe("crm.deal.list", Spent(clock, 30));
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(budget.AttemptAcquire("crm.deal.list").IsAcquired);
        Assert.False(budget.AcquireAsync("crm.deal.list").AsTask().IsCompleted);
        Assert.True(budget.AttemptAcquire("crm.deal.get").IsAcquired);
        var warning = Assert.Single(logger.Lines, line => line.Level == LogLevel.Warning);
        Assert.Contains("bitrix24:operating:app:member:", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClosedRedis.Password, string.Join("\n", logger.Lines.Select(line => line.Text)), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Through_two_connections_a_method_the_portal_reported_spent_waits_on_the_other_until_the_reset()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var clock = new TimerCountingClock(fake);
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null, OperatingLimit = Limit, TimeProvider = fake });
        portal.SetOperatingCost("calendar.settings.get", TimeSpan.FromSeconds(11));
        using var first = redis.Connect();
        using var second = redis.Connect();
        var prefix = NewPrefix();
        using var httpClient = new HttpClient();
        Bitrix24Connection Instance(IConnectionMultiplexer connection, TimeProvider budgetClock) => new(
            httpClient,
            Bitrix24Webhook.Parse(portal.WebhookUrl.ToString()),
            new Bitrix24ConnectionOptions { RateLimiter = null, TimeProvider = fake, OperatingBudget = new RedisBitrix24OperatingBudget(connection, prefix, Limit, budgetClock) });
        var one = Instance(first, fake);
        var two = Instance(second, clock);

        Assert.Null(await Portals.CallAsync(one));
        await Eventually.HoldsAsync(() => second.GetDatabase().KeyExistsAsync(prefix + "calendar.settings.get"), "The write of the spent budget");
        var waiting = Portals.CallAsync(two);
        await Eventually.HoldsAsync(() => Task.FromResult(clock.Timers == 1), "The wait for the reset");

        Assert.False(waiting.IsCompleted);
        Assert.Single(portal.Requests);
        var resetAt = DateTimeOffset.FromUnixTimeMilliseconds((long)await first.GetDatabase().StringGetAsync(prefix + "calendar.settings.get"));
        fake.Advance(resetAt - fake.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.Null(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, portal.Requests.Count);
    }
}
