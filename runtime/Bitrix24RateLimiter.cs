using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// Keeps calls under a portal's request-rate limit on the client side: <c>burst</c> calls at once, then
/// <c>drainPerSecond</c> a second, the leaky bucket the portal itself counts with. Share one instance among
/// all connections to the same portal, since the portal counts them together. A
/// <see cref="System.Threading.RateLimiting.RateLimiter"/>: it works wherever one does, and the connection takes any
/// other in its place.
/// </summary>
public sealed class Bitrix24RateLimiter : Bitrix24LeakyBucketLimiter
{
    private readonly TimeSpan _tolerance;
    private readonly DateTimeOffset _created;

    // Until the first call the bucket counts as long idle.
    private DateTimeOffset _theoreticalArrival = DateTimeOffset.MinValue;
    private DateTimeOffset _burstStarted;

    /// <summary>Creates a limiter.</summary>
    /// <param name="burst">How many calls may go at once: 50 on most plans, 250 on Enterprise.</param>
    /// <param name="drainPerSecond">How many calls a second may follow: 2 on most plans, 5 on Enterprise.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    public Bitrix24RateLimiter(int burst, double drainPerSecond, TimeProvider? timeProvider = null)
        : base(burst, drainPerSecond, timeProvider)
    {
        _tolerance = Interval * (burst - 1);
        _created = Time.GetUtcNow();
    }

    /// <summary>The limit of most plans: 50 at once, 2 a second.</summary>
    public static Bitrix24RateLimiter Standard() => new(50, 2);

    /// <summary>The Enterprise plan's limit: 250 at once, 5 a second.</summary>
    public static Bitrix24RateLimiter Enterprise() => new(250, 5);

    /// <inheritdoc/>
    protected override DateTimeOffset EmptyAt => _theoreticalArrival == DateTimeOffset.MinValue ? _created : _theoreticalArrival;

    /// <summary>Takes <paramref name="permitCount"/> places if they are free now; otherwise a lease that says when they will be.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        lock (Gate)
        {
            var now = Time.GetUtcNow();
            if (permitCount == 0)
            {
                return Available(now) > 0 ? Acquired : Refuse(Schedule(now, 1).Wait);
            }

            var (wait, arrival) = Schedule(now, permitCount);
            if (wait > TimeSpan.Zero)
            {
                return Refuse(wait);
            }

            Commit(now, arrival, permitCount);
            return Grant();
        }
    }

    /// <summary>Reserves <paramref name="permitCount"/> places at the earliest moment the bucket admits them, and waits for it.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        lock (Gate)
        {
            var now = Time.GetUtcNow();
            TimeSpan wait;
            if (permitCount == 0)
            {
                // A probe reserves nothing; it waits for the moment one call would fit.
                wait = Available(now) > 0 ? TimeSpan.Zero : Schedule(now, 1).Wait;
            }
            else
            {
                (wait, var arrival) = Schedule(now, permitCount);
                Commit(now, arrival, permitCount);
            }

            return GrantAfter(wait, cancellationToken);
        }
    }

    // Virtual scheduling: the calls reserve the earliest moments the bucket admits them, one interval apart; the
    // last of them decides the wait. Returns the wait and the arrival the first of them is scheduled at.
    private (TimeSpan Wait, DateTimeOffset Arrival) Schedule(DateTimeOffset now, int permitCount)
    {
        // Empty for at least the margin: calls that reached the portal late have drained there as well, so a
        // whole burst may go again.
        var burstStarted = _theoreticalArrival <= now - SafetyMargin ? now : _burstStarted;
        var arrival = _theoreticalArrival > now ? _theoreticalArrival : now;
        var fitsAt = arrival + (Interval * (permitCount - 1)) - _tolerance;
        var admittedAt = fitsAt > burstStarted ? fitsAt + SafetyMargin : fitsAt;
        return (admittedAt > now ? admittedAt - now : TimeSpan.Zero, arrival);
    }

    private void Commit(DateTimeOffset now, DateTimeOffset arrival, int permitCount)
    {
        if (_theoreticalArrival <= now - SafetyMargin)
        {
            _burstStarted = now;
        }

        _theoreticalArrival = arrival + (Interval * permitCount);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Bitrix24RateLimiter {{ Burst = {Burst}, DrainPerSecond = {DrainPerSecond}, SafetyMargin = {SafetyMargin.TotalMilliseconds} ms }}";
}
