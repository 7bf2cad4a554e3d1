using System;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// The client's limiter against the portal's bucket in the emulator, both on one fake clock: how many calls the
/// portal refuses, and how long the calls take against the ideal (burst at once, then the drain rate).
/// </summary>
public class LimiterPacingTests
{
    [Fact]
    public async Task Paced_calls_that_all_travel_alike_reach_the_ideal_but_with_the_bucket_exactly_full()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock);

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Standard, limiter, clock, 150);

        Assert.Equal(0, run.Refusals);
        Assert.Equal(TimeSpan.FromSeconds(50), run.LastAdmitted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task The_51st_call_is_refused_when_it_reaches_the_portal_sooner_after_leaving_than_the_burst_did(int burstSlowerByMs)
    {
        // The burst's calls open their connections; the later ones find them open and arrive sooner.
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock);

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Standard, limiter, clock, 150, call => TimeSpan.FromMilliseconds(call < 50 ? burstSlowerByMs : 0));

        // The limiter let it go at 0.5 s, the moment one call had drained since the burst was sent; but the
        // portal counts from when the burst arrived, so it had drained less than one call. The retry takes a place.
        Assert.Equal(1, run.Refusals);
        Assert.Equal(TimeSpan.FromSeconds(0.5), run.FirstRefusedAt);
        Assert.Equal(TimeSpan.FromSeconds(50.5), run.LastAdmitted);
    }
}
