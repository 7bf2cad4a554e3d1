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
    public async Task Without_a_margin_paced_calls_that_all_travel_alike_reach_the_ideal_but_with_the_bucket_exactly_full()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock) { SafetyMargin = TimeSpan.Zero };

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Standard, limiter, clock, 150);

        Assert.Equal(0, run.Refusals);
        Assert.Equal(TimeSpan.FromSeconds(50), run.LastAdmitted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Without_a_margin_the_51st_call_is_refused_when_it_reaches_the_portal_sooner_after_leaving_than_the_burst_did(int burstSlowerByMs)
    {
        // The burst's calls open their connections; the later ones find them open and arrive sooner.
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock) { SafetyMargin = TimeSpan.Zero };

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Standard, limiter, clock, 150, call => TimeSpan.FromMilliseconds(call < 50 ? burstSlowerByMs : 0));

        // The limiter let it go at 0.5 s, the moment one call had drained since the burst was sent; but the
        // portal counts from when the burst arrived, so it had drained less than one call. The retry takes a place.
        Assert.Equal(1, run.Refusals);
        Assert.Equal(TimeSpan.FromSeconds(0.5), run.FirstRefusedAt);
        Assert.Equal(TimeSpan.FromSeconds(50.5), run.LastAdmitted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(100)]
    public async Task With_the_default_margin_150_calls_meet_no_refusal_and_end_within_half_a_percent_of_the_ideal(int burstSlowerByMs)
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock);

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Standard, limiter, clock, 150, call => TimeSpan.FromMilliseconds(call < 50 ? burstSlowerByMs : 0));

        Assert.Equal(0, run.Refusals);
        Assert.InRange(run.LastAdmitted, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(50 * 1.005));
    }

    [Fact]
    public async Task With_the_default_margin_400_calls_at_the_enterprise_limit_meet_no_refusal_and_end_within_half_a_percent_of_the_ideal()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(250, 5, clock);

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Enterprise, limiter, clock, 400, call => TimeSpan.FromMilliseconds(call < 250 ? 20 : 0));

        Assert.Equal(0, run.Refusals);
        Assert.InRange(run.LastAdmitted, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30 * 1.005));
    }

    [Theory]
    [InlineData(50, 2, 150)]
    [InlineData(250, 5, 400)]
    public async Task With_the_default_margin_calls_whose_travel_times_scatter_within_it_meet_no_refusal(int burst, double drain, int calls)
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(burst, drain, clock);

        // Anywhere from 0 to 100 ms, in no order.
        var run = await PacedRun.PlayAsync(new Bitrix24RateLimit(burst, drain), limiter, clock, calls, call => TimeSpan.FromMilliseconds(call * 37 % 101));

        var ideal = TimeSpan.FromSeconds((calls - burst) / drain);
        Assert.Equal(0, run.Refusals);
        Assert.InRange(run.LastAdmitted, ideal, ideal * 1.005);
    }

    [Fact]
    public async Task A_difference_in_travel_time_beyond_the_margin_is_still_refused_and_retried()
    {
        var clock = new FakeTimeProvider();
        var limiter = new Bitrix24RateLimiter(50, 2, clock);

        var run = await PacedRun.PlayAsync(Bitrix24RateLimit.Standard, limiter, clock, 150, call => TimeSpan.FromMilliseconds(call < 50 ? 150 : 0));

        Assert.Equal(1, run.Refusals);
        Assert.Equal(TimeSpan.FromSeconds(0.6), run.FirstRefusedAt);
    }
}
