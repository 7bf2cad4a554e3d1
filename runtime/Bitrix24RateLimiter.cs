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
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _tolerance;
    private readonly object _gate = new();
    private DateTimeOffset _theoreticalArrival;

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
        _theoreticalArrival = _time.GetUtcNow();
    }

    /// <summary>The limit of most plans: 50 at once, 2 a second.</summary>
    public static Bitrix24RateLimiter Standard() => new(50, 2);

    /// <summary>The Enterprise plan's limit: 250 at once, 5 a second.</summary>
    public static Bitrix24RateLimiter Enterprise() => new(250, 5);

    /// <summary>How many calls may go at once.</summary>
    public int Burst { get; }

    /// <summary>How many calls a second may follow.</summary>
    public double DrainPerSecond { get; }

    /// <summary>Waits until the bucket has room for one more call, and takes it.</summary>
    /// <param name="cancellationToken">Cancels the wait; the place is then not used.</param>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            // Virtual scheduling: each call reserves the earliest moment the bucket admits it.
            var now = _time.GetUtcNow();
            var arrival = _theoreticalArrival > now ? _theoreticalArrival : now;
            var admittedAt = arrival - _tolerance;
            wait = admittedAt > now ? admittedAt - now : TimeSpan.Zero;
            _theoreticalArrival = arrival + _interval;
        }

        return wait == TimeSpan.Zero ? default : new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }

    /// <inheritdoc/>
    public override string ToString() => $"Bitrix24RateLimiter {{ Burst = {Burst}, DrainPerSecond = {DrainPerSecond} }}";
}
