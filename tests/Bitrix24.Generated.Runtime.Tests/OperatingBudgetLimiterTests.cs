using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Bitrix24.Generated.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The base of operating-time budgets: the wait for the reset, whatever keeps the answers and however it reads them.</summary>
public class OperatingBudgetLimiterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_budget_that_reads_its_store_asynchronously_holds_the_call_until_the_read_says_and_the_reset_comes()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var clock = new TimerCountingClock(fake);
        using var budget = new StoredBudget(clock);
        budget.Stored["crm.deal.list"] = clock.GetUtcNow().AddSeconds(30);
        budget.Slow = true;

        var pacing = Pacing.AcquireAsync(null, budget, "crm.deal.list", clock, None).AsTask();
        Assert.False(pacing.IsCompleted);
        Assert.Equal(1, budget.GetStatistics("crm.deal.list")!.CurrentQueuedCount);
        budget.Answer();
        await WaitUntilAsync(() => clock.Timers == 1);

        // After the wait the store is read again: a later reset holds the call longer.
        budget.Stored["crm.deal.list"] = clock.GetUtcNow().AddSeconds(40);
        fake.Advance(TimeSpan.FromSeconds(30));
        budget.Answer();
        await WaitUntilAsync(() => clock.Timers == 2);
        Assert.False(pacing.IsCompleted);
        fake.Advance(TimeSpan.FromSeconds(10));
        budget.Answer();

        Assert.Null(await pacing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, budget.Reads);
        var statistics = budget.GetStatistics("CRM.DEAL.LIST")!;
        Assert.Equal((0L, 1L), (statistics.CurrentQueuedCount, statistics.TotalSuccessfulLeases));
    }

    [Fact]
    public async Task A_method_whose_budget_is_not_spent_goes_at_once_while_a_spent_one_waits()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var budget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(10), clock);
        using var limiter = new Bitrix24RateLimiter(5, 1, clock);
        budget.Observe("crm.deal.list", new Bitrix24Time { Operating = 12, OperatingResetAt = clock.GetUtcNow().AddSeconds(30) });
        budget.Observe("crm.deal.get", new Bitrix24Time { Operating = 9, OperatingResetAt = clock.GetUtcNow().AddSeconds(30) });

        var other = Pacing.AcquireAsync(limiter, budget, "crm.deal.get", clock, None);
        var spent = Pacing.AcquireAsync(limiter, budget, "crm.deal.list", clock, None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.True((await other)!.IsAcquired);
        Assert.False(spent.IsCompleted);
        Assert.Equal(1, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public void Attempts_count_their_leases_and_refusals_per_method_and_a_past_reset_releases_the_method()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var budget = new StoredBudget(clock);
        budget.Stored["crm.deal.list"] = clock.GetUtcNow().AddSeconds(5);

        using var refused = budget.AttemptAcquire("crm.deal.list");
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
        Assert.True(budget.AttemptAcquire("crm.deal.get").IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(budget.AttemptAcquire("crm.deal.list").IsAcquired);

        var statistics = budget.GetStatistics("crm.deal.list")!;
        Assert.Equal((1L, 1L), (statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases));
        Assert.Equal(1, budget.GetStatistics("crm.deal.get")!.TotalSuccessfulLeases);
        Assert.Equal(0, budget.GetStatistics("crm.deal.update")!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task A_disposed_budget_refuses_and_a_cancelled_wait_ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var budget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(10), clock);
        budget.Observe("crm.deal.list", new Bitrix24Time { Operating = 12, OperatingResetAt = clock.GetUtcNow().AddSeconds(30) });
        using var cancellation = new CancellationTokenSource();

        var waiting = budget.AcquireAsync("crm.deal.list", 1, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, budget.GetStatistics("crm.deal.list")!.CurrentQueuedCount);
        budget.Dispose();
        Assert.Throws<ObjectDisposedException>(() => budget.AttemptAcquire("crm.deal.list"));
    }

    [Fact]
    public void Each_portal_gets_a_copy_of_an_in_process_budget_and_shares_one_of_another_kind()
    {
        var clock = new FakeTimeProvider();
        var template = new Bitrix24ConnectionOptions { TimeProvider = clock, OperatingBudget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(100)) };

        var copy = Assert.IsType<Bitrix24OperatingBudget>(Bitrix24ClientFactory.PortalBudget(template));
        Assert.NotSame(template.OperatingBudget, copy);
        Assert.Equal(TimeSpan.FromSeconds(100), copy.Limit);

        using var shared = new StoredBudget(clock);
        template.OperatingBudget = shared;
        Assert.Same(shared, Bitrix24ClientFactory.PortalBudget(template));
        Assert.Same(shared, Bitrix24ClientFactory.PortalOptions(template, null, shared).OperatingBudget);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            Assert.True(attempt < 1000, "The condition did not hold within ten seconds.");
            await Task.Delay(10);
        }
    }

    /// <summary>A budget over a store of resets whose reads, when slow, complete only when the test answers them.</summary>
    private sealed class StoredBudget(TimeProvider time) : Bitrix24OperatingBudgetLimiter(TimeSpan.FromSeconds(10), time)
    {
        private readonly SemaphoreSlim _answers = new(0);
        private int _reads;

        public ConcurrentDictionary<string, DateTimeOffset> Stored { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Slow { get; set; }

        public int Reads => Volatile.Read(ref _reads);

        public void Answer() => _answers.Release();

        public override void Observe(string method, Bitrix24Time time) => throw new NotSupportedException();

        protected override DateTimeOffset? SpentUntil(string method) => Stored.TryGetValue(method, out var reset) ? reset : null;

        protected override ValueTask<DateTimeOffset?> SpentUntilAsync(string method, CancellationToken cancellationToken) =>
            Slow ? new(ReadAsync(method, cancellationToken)) : base.SpentUntilAsync(method, cancellationToken);

        private async Task<DateTimeOffset?> ReadAsync(string method, CancellationToken cancellationToken)
        {
            await _answers.WaitAsync(cancellationToken);
            var read = SpentUntil(method);
            Interlocked.Increment(ref _reads);
            return read;
        }
    }
}
