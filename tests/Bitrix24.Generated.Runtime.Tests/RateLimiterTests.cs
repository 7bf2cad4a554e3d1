using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Runtime.Tests;

public class RateLimiterTests
{
    [Fact]
    public void A_burst_goes_at_once_and_the_rest_waits_for_the_drain()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(3, 2, clock);

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
        Assert.NotNull(new Bitrix24ConnectionOptions().RateLimiter);
    }
}
