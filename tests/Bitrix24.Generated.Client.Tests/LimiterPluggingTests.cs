using System;
using System.Linq;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>The connection takes any <see cref="RateLimiter"/>, and the operating-time budget, against the emulator.</summary>
public class LimiterPluggingTests
{
    [Fact]
    public async Task A_limiter_of_the_standard_library_paces_the_calls_asking_again_after_its_retry_after()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var window = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromMilliseconds(200), QueueLimit = 0 });
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = window, Retry = null });

        var settings = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => test.Client.Calendar.Settings.GetAsync()));

        Assert.All(settings, s => Assert.Equal(CalendarWeekday.Monday, s.Value.WeekStart));
        Assert.Equal(3, window.GetStatistics()!.TotalSuccessfulLeases);
        Assert.True(window.GetStatistics()!.TotalFailedLeases >= 2);
    }

    [Fact]
    public async Task A_limiter_that_refuses_without_a_time_to_retry_fails_the_call_unsent_naming_the_method()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = limiter, Retry = null });
        using var held = limiter.AttemptAcquire();

        var exception = await Assert.ThrowsAsync<Bitrix24RateLimitRejectedException>(() => test.Client.Calendar.Settings.GetAsync());

        Assert.Equal("calendar.settings.get", exception.Method);
        Assert.Contains("ConcurrencyLimiter", exception.Message, StringComparison.Ordinal);
        Assert.Empty(portal.Requests);
    }

    [Fact]
    public async Task A_concurrency_limiter_holds_its_permit_until_the_answer()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 2, QueueLimit = 100 });
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = limiter, Retry = null });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => test.Client.Calendar.Settings.GetAsync()));

        Assert.Equal(20, portal.Requests.Count);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Waiting_behind_the_bucket_does_not_count_against_the_calls_timeout()
    {
        // The third call waits a second for its place; the call itself then has its whole timeout.
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var options = new Bitrix24ConnectionOptions
        {
            RateLimiter = new Bitrix24RateLimiter(1, 2) { SafetyMargin = TimeSpan.Zero },
            Timeout = TimeSpan.FromMilliseconds(400),
            Retry = null,
        };
        using var test = new TestClient(portal, options);

        var settings = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => test.Client.Calendar.Settings.GetAsync()));

        Assert.Equal(3, settings.Length);
        Assert.Equal(3, portal.Requests.Count);
    }

    [Fact]
    public async Task With_the_operating_budget_a_spent_method_waits_for_the_reset_instead_of_being_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null, OperatingLimit = TimeSpan.FromSeconds(10), TimeProvider = clock });
        portal.SetOperatingCost("calendar.settings.get", TimeSpan.FromSeconds(11));
        var options = new Bitrix24ConnectionOptions
        {
            RateLimiter = null,
            OperatingBudget = new Bitrix24OperatingBudget(TimeSpan.FromSeconds(10), clock),
            TimeProvider = clock,
        };
        using var test = new TestClient(portal, options);

        var first = await test.Client.Calendar.Settings.GetAsync();
        var second = test.Client.Calendar.Settings.GetAsync();
        await Task.Delay(200);

        Assert.False(second.IsCompleted);
        Assert.Single(portal.Requests);
        clock.Advance(first.Time!.OperatingResetAt!.Value - clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.Equal(CalendarWeekday.Monday, (await second.WaitAsync(TimeSpan.FromSeconds(10))).Value.WeekStart);
        Assert.Equal(2, portal.Requests.Count);
    }
}
