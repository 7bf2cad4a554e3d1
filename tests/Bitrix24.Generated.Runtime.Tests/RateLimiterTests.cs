using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Runtime.Tests;

public class RateLimiterTests
{
    [Fact]
    public void A_burst_goes_at_once_and_the_rest_waits_for_the_drain()
    {
        // Without a margin: the bucket's own arithmetic, to the tick.
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(3, 2, clock) { SafetyMargin = TimeSpan.Zero };

        var first = limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None);
        var third = limiter.WaitAsync(CancellationToken.None);
        var fourth = limiter.WaitAsync(CancellationToken.None).AsTask();
        var fifth = limiter.WaitAsync(CancellationToken.None).AsTask();

        Assert.True(first.IsCompleted && second.IsCompleted && third.IsCompleted);
        Assert.False(fourth.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(fourth.IsCompleted);
        Assert.False(fifth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(fifth.IsCompleted);
    }

    [Fact]
    public void After_the_burst_each_wait_is_longer_by_the_margin_once_not_call_after_call()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(3, 2, clock);

        var burst = Enumerable.Range(0, 3).Select(_ => limiter.WaitAsync(CancellationToken.None).AsTask()).ToArray();
        var fourth = limiter.WaitAsync(CancellationToken.None).AsTask();
        var fifth = limiter.WaitAsync(CancellationToken.None).AsTask();

        Assert.All(burst, place => Assert.True(place.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(599));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(fourth.IsCompleted);

        // Half a second later again, not half a second plus another margin.
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(fifth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(fifth.IsCompleted);
    }

    [Theory]
    [InlineData(50, 2, 150, 50_100)]
    [InlineData(250, 5, 400, 30_100)]
    public void A_plan_burst_goes_at_once_and_the_last_call_comes_one_margin_after_the_ideal(int burst, double drain, int calls, int lastAtMs)
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(burst, drain, clock);

        var places = Enumerable.Range(0, calls).Select(_ => limiter.WaitAsync(CancellationToken.None).AsTask()).ToArray();

        Assert.All(places.Take(burst), place => Assert.True(place.IsCompleted));
        Assert.False(places[burst].IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(lastAtMs - 1));
        Assert.False(places[^1].IsCompleted);
        Assert.True(places[^2].IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(places[^1].IsCompleted);
    }

    [Fact]
    public void A_burst_into_a_partly_drained_bucket_keeps_the_margin_for_the_call_that_fits_only_by_the_drain()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock);
        for (var i = 0; i < 40; i++)
        {
            limiter.WaitAsync(CancellationToken.None);
        }

        // Ten seconds later 20 of the 40 have drained: 30 places, the last of them only thanks to that drain.
        clock.Advance(TimeSpan.FromSeconds(10));
        var places = Enumerable.Range(0, 30).Select(_ => limiter.WaitAsync(CancellationToken.None).AsTask()).ToArray();

        Assert.All(places.Take(29), place => Assert.True(place.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(places[29].IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(places[29].IsCompleted);
    }

    [Fact]
    public void A_whole_burst_goes_again_only_once_the_bucket_has_been_empty_for_the_margin()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(2, 1, clock);
        limiter.WaitAsync(CancellationToken.None);
        limiter.WaitAsync(CancellationToken.None);

        // Empty since 50 ms: calls that reached the portal late may not have drained there yet.
        clock.Advance(TimeSpan.FromMilliseconds(2050));
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        var second = limiter.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(second.IsCompleted);

        // Empty since a whole margin: the burst is whole again.
        clock.Advance(TimeSpan.FromMilliseconds(2100));
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.False(limiter.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void The_margin_is_100_ms_unless_set_and_is_neither_negative_nor_over_a_minute()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), new Bitrix24RateLimiter(50, 2).SafetyMargin);
        Assert.Equal(TimeSpan.Zero, new Bitrix24RateLimiter(50, 2) { SafetyMargin = TimeSpan.Zero }.SafetyMargin);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bitrix24RateLimiter(50, 2) { SafetyMargin = TimeSpan.FromTicks(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bitrix24RateLimiter(50, 2) { SafetyMargin = TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1) });
    }

    [Fact]
    public void An_idle_bucket_fills_up_again_but_never_beyond_the_burst()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(2, 1, clock);
        limiter.WaitAsync(CancellationToken.None);
        limiter.WaitAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.False(limiter.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task A_waiting_call_can_be_cancelled()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(1, 1, clock);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(cancellation.Token).AsTask();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void The_plans_limits()
    {
        Assert.Equal((50, 2.0), (Bitrix24RateLimiter.Standard().Burst, Bitrix24RateLimiter.Standard().DrainPerSecond));
        Assert.Equal((250, 5.0), (Bitrix24RateLimiter.Enterprise().Burst, Bitrix24RateLimiter.Enterprise().DrainPerSecond));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Bitrix24RateLimiter.Standard().SafetyMargin);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Bitrix24RateLimiter.Enterprise().SafetyMargin);
        Assert.NotNull(new Bitrix24ConnectionOptions().RateLimiter);
    }
}
