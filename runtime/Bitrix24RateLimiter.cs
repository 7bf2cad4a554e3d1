using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// Keeps calls under a portal's request-rate limit on the client side: <c>burst</c> calls at once, then
/// <c>drainPerSecond</c> a second, the leaky bucket the portal itself counts with. Share one instance among
/// all connections to the same portal, since the portal counts them together.
/// </summary>
public sealed class Bitrix24RateLimiter
{
    private static readonly TimeSpan DefaultSafetyMargin = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _tolerance;
    private readonly object _gate = new();
    private readonly TimeSpan _safetyMargin = DefaultSafetyMargin;

    // Until the first call the bucket counts as long idle.
    private DateTimeOffset _theoreticalArrival = DateTimeOffset.MinValue;
    private DateTimeOffset _burstStarted;

    /// <summary>Creates a limiter.</summary>
    /// <param name="burst">How many calls may go at once: 50 on most plans, 250 on Enterprise.</param>
    /// <param name="drainPerSecond">How many calls a second may follow: 2 on most plans, 5 on Enterprise.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    public Bitrix24RateLimiter(int burst, double drainPerSecond, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(drainPerSecond);
        Burst = burst;
        DrainPerSecond = drainPerSecond;
        _time = timeProvider ?? TimeProvider.System;
        _interval = TimeSpan.FromSeconds(1 / drainPerSecond);
        _tolerance = _interval * (burst - 1);
    }

    /// <summary>The limit of most plans: 50 at once, 2 a second.</summary>
    public static Bitrix24RateLimiter Standard() => new(50, 2);

    /// <summary>The Enterprise plan's limit: 250 at once, 5 a second.</summary>
    public static Bitrix24RateLimiter Enterprise() => new(250, 5);

    /// <summary>How many calls may go at once.</summary>
    public int Burst { get; }

    /// <summary>How many calls a second may follow.</summary>
    public double DrainPerSecond { get; }

    /// <summary>
    /// How long a call waits beyond the moment the bucket's arithmetic would let it go, when it fits only because
    /// earlier calls have drained away; 100 ms unless set.
    /// </summary>
    /// <remarks>
    /// The portal drains its bucket from the moments calls reach it, not from the moments they left here. A call
    /// timed to the exact moment a place drains is refused whenever it travels faster than the calls before it
    /// did (those opened connections, waited for a thread, took a slower route), and its retry costs a place.
    /// The margin absorbs that much difference in travel time. It is paid once, not per call: the schedule
    /// itself is not moved, so after the burst every wait is this much longer and no more. The burst of an idle
    /// bucket (one empty for at least the margin) still goes at once, since it relies on no draining. Zero sends
    /// calls on the exact edge, as the portal's arithmetic allows.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The margin is negative or longer than a minute.</exception>
    public TimeSpan SafetyMargin
    {
        get => _safetyMargin;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(1));
            _safetyMargin = value;
        }
    }

    /// <summary>Waits until the bucket has room for one more call, and takes it.</summary>
    /// <param name="cancellationToken">Cancels the wait; the place is then not used.</param>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();

            // Empty for at least the margin: calls that reached the portal late have drained there as well,
            // so a whole burst may go again.
            if (_theoreticalArrival <= now - _safetyMargin)
            {
                _burstStarted = now;
            }

            // Virtual scheduling: each call reserves the earliest moment the bucket admits it.
            var arrival = _theoreticalArrival > now ? _theoreticalArrival : now;
            var fitsAt = arrival - _tolerance;
            var admittedAt = fitsAt > _burstStarted ? fitsAt + _safetyMargin : fitsAt;
            wait = admittedAt > now ? admittedAt - now : TimeSpan.Zero;
            _theoreticalArrival = arrival + _interval;
        }

        return wait == TimeSpan.Zero ? default : new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Bitrix24RateLimiter {{ Burst = {Burst}, DrainPerSecond = {DrainPerSecond}, SafetyMargin = {SafetyMargin.TotalMilliseconds} ms }}";
}
