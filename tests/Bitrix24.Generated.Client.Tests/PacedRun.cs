using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Plays calls through a limiter into the emulator's bucket on one fake clock, step by step, so that nothing
/// depends on how fast the machine is. Every call asks the limiter for a place at the start, as a burst of
/// concurrent calls does; once let through, it reaches the portal after its own transit time (during which the
/// clock runs on), and is counted there over real HTTP while the clock stands still. A refused call asks the
/// limiter again at once, as a retry does, so each refusal costs a place.
/// </summary>
internal sealed class PacedRun
{
    // Every time in these runs is a whole number of milliseconds, so a millisecond step misses nothing.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    private PacedRun(int refusals, TimeSpan lastAdmitted, TimeSpan? firstRefusedAt)
    {
        Refusals = refusals;
        LastAdmitted = lastAdmitted;
        FirstRefusedAt = firstRefusedAt;
    }

    /// <summary>How many times the portal answered QUERY_LIMIT_EXCEEDED.</summary>
    public int Refusals { get; }

    /// <summary>When the limiter let the last call (or retry) go, from the start of the run.</summary>
    public TimeSpan LastAdmitted { get; }

    /// <summary>When the first refused call had been let go by the limiter, if any was refused.</summary>
    public TimeSpan? FirstRefusedAt { get; }

    /// <summary>Starts a portal with <paramref name="limit"/> on <paramref name="clock"/> and plays the calls into it.</summary>
    public static async Task<PacedRun> PlayAsync(
        Bitrix24RateLimit limit,
        Bitrix24RateLimiter limiter,
        FakeTimeProvider clock,
        int calls,
        Func<int, TimeSpan>? transit = null)
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { TimeProvider = clock, RateLimit = limit, OperatingLimit = null });
        using var http = new HttpClient();
        transit ??= _ => TimeSpan.Zero;

        var start = clock.GetUtcNow();
        var waiting = new List<(int Call, Task Place)>();
        for (var call = 0; call < calls; call++)
        {
            waiting.Add((call, limiter.WaitAsync(CancellationToken.None).AsTask()));
        }

        var travelling = new PriorityQueue<(int Call, TimeSpan Admitted), (DateTimeOffset Arrives, long Order)>();
        long order = 0;
        var answered = 0;
        var refusals = 0;
        var lastAdmitted = TimeSpan.Zero;
        TimeSpan? firstRefusedAt = null;
        while (true)
        {
            var now = clock.GetUtcNow();
            var admitted = waiting.FindAll(w => w.Place.IsCompleted);
            waiting.RemoveAll(admitted.Contains);
            foreach (var (call, place) in admitted)
            {
                await place;
                lastAdmitted = now - start;
                travelling.Enqueue((call, lastAdmitted), (now + transit(call), order++));
            }

            while (travelling.TryPeek(out var arriving, out var due) && due.Arrives <= now)
            {
                travelling.Dequeue();
                using var response = await http.PostAsync(new Uri(portal.WebhookUrl, "calendar.settings.get"), new StringContent("{}", Encoding.UTF8, "application/json"));
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refusals++;
                    firstRefusedAt ??= arriving.Admitted;
                    waiting.Add((arriving.Call, limiter.WaitAsync(CancellationToken.None).AsTask()));
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    answered++;
                }
            }

            if (answered == calls)
            {
                return new PacedRun(refusals, lastAdmitted, firstRefusedAt);
            }

            clock.Advance(Step);
        }
    }
}
