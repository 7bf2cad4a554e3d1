using System;

namespace Bitrix24.Emulator.Limits;

/// <summary>
/// The portal's request-rate limit: each request adds one to a counter that drains at a fixed rate;
/// a request that would take the counter past the burst size is refused.
/// </summary>
internal sealed class LeakyBucket
{
    private readonly Bitrix24RateLimit _limit;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _level;
    private long _lastTimestamp;

    public LeakyBucket(Bitrix24RateLimit limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Counts a request; false when it is over the limit (and then it is not counted).</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _level = Math.Max(0, _level - (_time.GetElapsedTime(_lastTimestamp, now).TotalSeconds * _limit.DrainPerSecond));
            _lastTimestamp = now;
            if (_level + 1 > _limit.Burst)
            {
                return false;
            }

            _level += 1;
            return true;
        }
    }
}
