using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// A clock that runs <c>scale</c> times faster than real time, for everything that shares it: the limiter, the
/// emulator's bucket and the retries' waits. Timers fire on its time, never before it.
/// </summary>
internal sealed class ScaledClock : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private long _skipped;

    public ScaledClock(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Scale = scale;
    }

    public int Scale { get; }

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => ((Stopwatch.GetTimestamp() - _origin) * Scale) + Volatile.Read(ref _skipped);

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks((long)(GetTimestamp() * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new ScaledTimer(this, callback, state, dueTime, period);

    /// <summary>Moves the clock on at once, as if the time had passed idle; only while no timer is pending.</summary>
    public void Skip(TimeSpan idle) => Interlocked.Add(ref _skipped, ToTimestamp(idle));

    private static long ToTimestamp(TimeSpan time) => (long)(time.Ticks * ((double)Stopwatch.Frequency / TimeSpan.TicksPerSecond));

    /// <summary>
    /// A system timer set to the real time left, checked on firing: system timers count whole milliseconds on a
    /// coarse clock and may fire a little early, which this clock would multiply by its scale.
    /// </summary>
    private sealed class ScaledTimer : ITimer
    {
        private readonly ScaledClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _timer;
        private readonly object _gate = new();
        private long _due = long.MaxValue;
        private long _period;

        public ScaledTimer(ScaledClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _timer = System.CreateTimer(static self => ((ScaledTimer)self!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _due = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : _clock.GetTimestamp() + ToTimestamp(dueTime);
                _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? 0 : ToTimestamp(period);
                Arm();
            }

            return true;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _due = long.MaxValue;
            }

            _timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        private void Fire()
        {
            lock (_gate)
            {
                if (_due == long.MaxValue)
                {
                    return;
                }

                if (_clock.GetTimestamp() < _due)
                {
                    Arm();
                    return;
                }

                _due = _period > 0 ? _due + _period : long.MaxValue;
                Arm();
            }

            _callback(_state);
        }

        // Called under the gate.
        private void Arm()
        {
            if (_due == long.MaxValue)
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            var left = _due - _clock.GetTimestamp();
            var realMs = left <= 0 ? 0 : Math.Ceiling(left * 1000.0 / Stopwatch.Frequency / _clock.Scale);
            _timer.Change(TimeSpan.FromMilliseconds(realMs), Timeout.InfiniteTimeSpan);
        }
    }
}
