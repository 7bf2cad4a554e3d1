using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests;

/// <summary>A fake clock that counts the timers made on it, so a test moves it only once a wait has begun.</summary>
internal sealed class TimerCountingClock(FakeTimeProvider fake) : TimeProvider
{
    private int _timers;

    public int Timers => Volatile.Read(ref _timers);

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }
}
