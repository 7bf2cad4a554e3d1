using System;
using System.Collections.Generic;
using System.Linq;

namespace Bitrix24.Emulator.Limits;

/// <summary>
/// The operating-time limit: the time a method spends working is summed per method over ten one-minute
/// baskets; once the sum passes the limit, the method is refused until the oldest basket drops out.
/// </summary>
internal sealed class OperatingBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly TimeSpan _limit;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, List<(DateTimeOffset Opened, double Seconds)>> _baskets = new(StringComparer.OrdinalIgnoreCase);

    public OperatingBudget(TimeSpan limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
    }

    /// <summary>Whether the method may run now.</summary>
    public bool IsExhausted(string method)
    {
        lock (_baskets)
        {
            return Used(method) >= _limit.TotalSeconds;
        }
    }

    /// <summary>Adds a call's working time; returns the method's total in the window and when its oldest basket expires.</summary>
    public (double Operating, DateTimeOffset ResetAt) Record(string method, TimeSpan spent)
    {
        lock (_baskets)
        {
            var now = _time.GetUtcNow();
            if (!_baskets.TryGetValue(method, out var baskets))
            {
                baskets = new List<(DateTimeOffset, double)>();
                _baskets[method] = baskets;
            }

            Expire(baskets, now);
            if (baskets.Count > 0 && now - baskets[^1].Opened < TimeSpan.FromMinutes(1))
            {
                baskets[^1] = (baskets[^1].Opened, baskets[^1].Seconds + spent.TotalSeconds);
            }
            else
            {
                baskets.Add((now, spent.TotalSeconds));
            }

            return (baskets.Sum(b => b.Seconds), baskets[0].Opened + Window);
        }
    }

    /// <summary>When the method's oldest basket expires, freeing part of its budget.</summary>
    public DateTimeOffset ResetAt(string method)
    {
        lock (_baskets)
        {
            return _baskets.TryGetValue(method, out var baskets) && baskets.Count > 0 ? baskets[0].Opened + Window : _time.GetUtcNow();
        }
    }

    private double Used(string method)
    {
        if (!_baskets.TryGetValue(method, out var baskets))
        {
            return 0;
        }

        Expire(baskets, _time.GetUtcNow());
        return baskets.Sum(b => b.Seconds);
    }

    private static void Expire(List<(DateTimeOffset Opened, double Seconds)> baskets, DateTimeOffset now) =>
        baskets.RemoveAll(b => now - b.Opened >= Window);
}
