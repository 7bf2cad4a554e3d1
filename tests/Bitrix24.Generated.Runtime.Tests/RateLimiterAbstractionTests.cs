using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The portal's bucket and operating-time budget as the standard limiter abstractions.</summary>
public class RateLimiterAbstractionTests
{
    [Fact]
    public void Attempting_takes_the_burst_then_refuses_with_the_time_to_the_next_place()
    {
        var clock = new FakeTimeProvider();
        RateLimiter limiter = new Bitrix24RateLimiter(2, 2, clock) { SafetyMargin = TimeSpan.Zero };

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(500), retryAfter);
        clock.Advance(retryAfter);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_refused_attempt_reserves_nothing()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(1, 1, clock) { SafetyMargin = TimeSpan.Zero };

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(limiter.AttemptAcquire().IsAcquired);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Statistics_count_the_places_left_the_waiting_calls_and_the_leases()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(3, 1, clock) { SafetyMargin = TimeSpan.Zero };

        Assert.Equal(3, limiter.GetStatistics()!.CurrentAvailablePermits);
        limiter.AttemptAcquire().Dispose();
        limiter.AttemptAcquire().Dispose();
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
        limiter.AttemptAcquire().Dispose();
        limiter.AttemptAcquire().Dispose();
        var waiting = limiter.AcquireAsync().AsTask();

        var statistics = limiter.GetStatistics()!;
        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Equal(1, statistics.CurrentQueuedCount);
        Assert.Equal(4, statistics.TotalSuccessfulLeases);
        Assert.Equal(1, statistics.TotalFailedLeases);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.True((await waiting).IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void Several_permits_at_once_wait_for_the_last_of_them()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(4, 2, clock) { SafetyMargin = TimeSpan.Zero };

        var burst = limiter.AcquireAsync(4).AsTask();
        var two = limiter.AcquireAsync(2).AsTask();

        Assert.True(burst.IsCompletedSuccessfully);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(two.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(two.IsCompletedSuccessfully);
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(5));
    }

    [Fact]
    public void It_is_idle_only_while_the_bucket_is_empty()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(2, 2, clock) { SafetyMargin = TimeSpan.Zero };
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.IdleDuration);

        limiter.AttemptAcquire().Dispose();
        Assert.Null(limiter.IdleDuration);
        clock.Advance(TimeSpan.FromMilliseconds(700));
        Assert.Equal(TimeSpan.FromMilliseconds(200), limiter.IdleDuration);
        Assert.True(limiter.IsAutoReplenishing);
        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.ReplenishmentPeriod);
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_a_disposed_limiter_refuses_to_work()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(1, 1, clock) { SafetyMargin = TimeSpan.Zero };
        limiter.AttemptAcquire().Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        limiter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
    }

    [Fact]
    public async Task A_partitioned_limiter_of_the_standard_library_can_hold_a_bucket_per_portal()
    {
        var clock = new FakeTimeProvider();
        using var perPortal = PartitionedRateLimiter.Create<string, string>(memberId =>
            RateLimitPartition.Get(memberId, _ => new Bitrix24RateLimiter(1, 1, clock) { SafetyMargin = TimeSpan.Zero }));

        Assert.True((await perPortal.AcquireAsync("portal-a")).IsAcquired);
        Assert.True((await perPortal.AcquireAsync("portal-b")).IsAcquired);
        Assert.False(perPortal.AttemptAcquire("portal-a").IsAcquired);
    }

    [Fact]
    public async Task A_spent_operating_budget_holds_the_methods_calls_until_the_announced_reset()
    {
        var clock = new FakeTimeProvider();
        var budget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(10), clock);
        budget.Observe("crm.deal.list", new Bitrix24Time { Operating = 10.5, OperatingResetAt = clock.GetUtcNow().AddSeconds(30) });
        budget.Observe("crm.deal.get", new Bitrix24Time { Operating = 2, OperatingResetAt = clock.GetUtcNow().AddSeconds(30) });

        using var refused = budget.AttemptAcquire("CRM.DEAL.LIST");
        var waiting = budget.AcquireAsync("crm.deal.list").AsTask();

        Assert.True(budget.AttemptAcquire("crm.deal.get").IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(30), retryAfter);
        Assert.Equal(0, budget.GetStatistics("crm.deal.list")!.CurrentAvailablePermits);
        Assert.Equal(8, budget.GetStatistics("crm.deal.get")!.CurrentAvailablePermits);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await waiting).IsAcquired);
    }
}
