using System;
using System.Collections.Generic;
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
public sealed class Bitrix24RateLimiter : ReplenishingRateLimiter
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
    private readonly DateTimeOffset _created;
    private long _successful;
    private long _failed;
    private int _waiting;
    private bool _disposed;

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
        _created = _time.GetUtcNow();
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

    /// <inheritdoc/>
    public override bool IsAutoReplenishing => true;

    /// <summary>How often the bucket drains by one call: the inverse of <see cref="DrainPerSecond"/>.</summary>
    public override TimeSpan ReplenishmentPeriod => _interval;

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (_waiting > 0)
                {
                    return null;
                }

                var emptySince = _theoreticalArrival == DateTimeOffset.MinValue ? _created : _theoreticalArrival;
                return emptySince <= now ? now - emptySince : null;
            }
        }
    }

    /// <summary>The bucket drains by the clock; there is nothing to replenish by hand.</summary>
    public override bool TryReplenish() => false;

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available(_time.GetUtcNow()),
                CurrentQueuedCount = _waiting,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <summary>Waits until the bucket has room for one more call, and takes it: <c>AcquireAsync(1)</c> without a lease to dispose.</summary>
    /// <param name="cancellationToken">Cancels the wait; the place is then not used.</param>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        // The lease of a bucket holds nothing, so there is nothing to dispose.
        var lease = AcquireAsync(1, cancellationToken);
        return lease.IsCompletedSuccessfully ? default : new ValueTask(lease.AsTask());
    }

    /// <summary>Takes <paramref name="permitCount"/> places if they are free now; otherwise a lease that says when they will be.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (permitCount == 0)
            {
                return Available(now) > 0 ? Bitrix24Lease.Acquired : Refuse(Schedule(now, 1).Wait);
            }

            var (wait, arrival) = Schedule(now, permitCount);
            if (wait > TimeSpan.Zero)
            {
                return Refuse(wait);
            }

            Commit(now, arrival, permitCount);
            _successful++;
            return Bitrix24Lease.Acquired;
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

        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
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

            _successful++;
            if (wait > TimeSpan.Zero)
            {
                _waiting++;
            }
        }

        return wait == TimeSpan.Zero ? new(Bitrix24Lease.Acquired) : WaitForPlaceAsync(wait, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    // A continuation that runs where the delay completes, so that a call waiting on a test's clock goes the moment
    // the clock is moved.
    private ValueTask<RateLimitLease> WaitForPlaceAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        new(Task.Delay(wait, _time, cancellationToken).ContinueWith(
            static (delay, state) =>
            {
                var limiter = (Bitrix24RateLimiter)state!;
                lock (limiter._gate)
                {
                    limiter._waiting--;
                }

                delay.GetAwaiter().GetResult();
                return (RateLimitLease)Bitrix24Lease.Acquired;
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default));

    // Virtual scheduling: the calls reserve the earliest moments the bucket admits them, one interval apart; the
    // last of them decides the wait. Returns the wait and the arrival the first of them is scheduled at.
    private (TimeSpan Wait, DateTimeOffset Arrival) Schedule(DateTimeOffset now, int permitCount)
    {
        // Empty for at least the margin: calls that reached the portal late have drained there as well, so a
        // whole burst may go again.
        var burstStarted = _theoreticalArrival <= now - _safetyMargin ? now : _burstStarted;
        var arrival = _theoreticalArrival > now ? _theoreticalArrival : now;
        var fitsAt = arrival + (_interval * (permitCount - 1)) - _tolerance;
        var admittedAt = fitsAt > burstStarted ? fitsAt + _safetyMargin : fitsAt;
        return (admittedAt > now ? admittedAt - now : TimeSpan.Zero, arrival);
    }

    private void Commit(DateTimeOffset now, DateTimeOffset arrival, int permitCount)
    {
        if (_theoreticalArrival <= now - _safetyMargin)
        {
            _burstStarted = now;
        }

        _theoreticalArrival = arrival + (_interval * permitCount);
    }

    // How many calls would go at once now.
    private long Available(DateTimeOffset now)
    {
        if (_theoreticalArrival <= now)
        {
            return Burst;
        }

        var queued = (long)Math.Ceiling((_theoreticalArrival - now).Ticks / (double)_interval.Ticks);
        return Math.Max(0, Burst - queued);
    }

    private RateLimitLease Refuse(TimeSpan retryAfter)
    {
        _failed++;
        return new Bitrix24Lease(retryAfter);
    }

    private void CheckPermits(int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (permitCount > Burst)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "At most " + Burst + " calls fit in the bucket at once.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Bitrix24RateLimiter {{ Burst = {Burst}, DrainPerSecond = {DrainPerSecond}, SafetyMargin = {SafetyMargin.TotalMilliseconds} ms }}";
}

/// <summary>A place in the bucket, or a refusal that says when there will be one.</summary>
internal sealed class Bitrix24Lease : RateLimitLease
{
    private readonly TimeSpan? _retryAfter;

    public Bitrix24Lease(TimeSpan? retryAfter) => _retryAfter = retryAfter;

    private Bitrix24Lease() => IsAcquiredValue = true;

    /// <summary>An acquired place: it holds nothing, since the bucket drains by the clock, so one instance serves all.</summary>
    public static Bitrix24Lease Acquired { get; } = new();

    public override bool IsAcquired => IsAcquiredValue;

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? Array.Empty<string>() : new[] { MetadataName.RetryAfter.Name };

    private bool IsAcquiredValue { get; }

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
