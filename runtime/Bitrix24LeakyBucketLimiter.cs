using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// The portal's leaky bucket as a <see cref="ReplenishingRateLimiter"/>, whatever keeps its schedule: its numbers
/// (<see cref="Burst"/>, <see cref="DrainPerSecond"/>, <see cref="SafetyMargin"/>), its leases and statistics.
/// <see cref="Bitrix24RateLimiter"/> keeps the schedule in this process; a limiter shared by several instances of
/// an application keeps it in a store they share.
/// </summary>
public abstract class Bitrix24LeakyBucketLimiter : ReplenishingRateLimiter
{
    private static readonly TimeSpan DefaultSafetyMargin = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan _safetyMargin = DefaultSafetyMargin;
    private long _successful;
    private long _failed;
    private int _waiting;
    private bool _disposed;

    /// <summary>Sets the bucket's numbers.</summary>
    /// <param name="burst">How many calls may go at once: 50 on most plans, 250 on Enterprise.</param>
    /// <param name="drainPerSecond">How many calls a second may follow: 2 on most plans, 5 on Enterprise.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    protected Bitrix24LeakyBucketLimiter(int burst, double drainPerSecond, TimeProvider? timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(drainPerSecond);
        Burst = burst;
        DrainPerSecond = drainPerSecond;
        Time = timeProvider ?? TimeProvider.System;
        Interval = TimeSpan.FromSeconds(1 / drainPerSecond);
    }

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
    /// calls on the exact edge, as the portal's arithmetic allows. Limiters sharing one schedule should set the same.
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
    public override TimeSpan ReplenishmentPeriod => Interval;

    /// <summary>How long the bucket has been empty, as far as this limiter knows; null while calls wait or it is not empty.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (Gate)
            {
                var now = Time.GetUtcNow();
                var emptyAt = EmptyAt;
                return _waiting == 0 && emptyAt <= now ? now - emptyAt : null;
            }
        }
    }

    /// <summary>The bucket drains by the clock; there is nothing to replenish by hand.</summary>
    public override bool TryReplenish() => false;

    /// <summary>This limiter's leases and waiting calls, and the places free as of what it knows of the schedule.</summary>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (Gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available(Time.GetUtcNow()),
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

    /// <summary>The clock waits are measured on.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The time one call takes to drain.</summary>
    protected TimeSpan Interval { get; }

    /// <summary>The lock the schedule and the counts are kept under; the helpers below take it themselves.</summary>
    protected object Gate { get; } = new();

    /// <summary>A lease for a place taken, counting nothing (e.g. a probe that found room).</summary>
    protected static RateLimitLease Acquired => Bitrix24Lease.Acquired;

    /// <summary>When the bucket empties (or emptied), as far as this limiter knows; read under <see cref="Gate"/>.</summary>
    protected abstract DateTimeOffset EmptyAt { get; }

    /// <summary>How many calls would go at once at <paramref name="now"/>.</summary>
    protected long Available(DateTimeOffset now)
    {
        var emptyAt = EmptyAt;
        if (emptyAt <= now)
        {
            return Burst;
        }

        var queued = (long)Math.Ceiling((emptyAt - now).Ticks / (double)Interval.Ticks);
        return Math.Max(0, Burst - queued);
    }

    /// <summary>Counts a place taken now and gives its lease.</summary>
    protected RateLimitLease Grant()
    {
        lock (Gate)
        {
            _successful++;
        }

        return Bitrix24Lease.Acquired;
    }

    /// <summary>Counts a place taken that is free after <paramref name="wait"/>, and gives its lease then.</summary>
    protected ValueTask<RateLimitLease> GrantAfter(TimeSpan wait, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            _successful++;
            if (wait <= TimeSpan.Zero)
            {
                return new(Bitrix24Lease.Acquired);
            }

            _waiting++;
        }

        // A continuation that runs where the delay completes, so that a call waiting on a test's clock goes the
        // moment the clock is moved.
        return new(Task.Delay(wait, Time, cancellationToken).ContinueWith(
            static (delay, state) =>
            {
                var limiter = (Bitrix24LeakyBucketLimiter)state!;
                lock (limiter.Gate)
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
    }

    /// <summary>Counts a refusal and gives a lease that says when to try again.</summary>
    protected RateLimitLease Refuse(TimeSpan retryAfter)
    {
        lock (Gate)
        {
            _failed++;
        }

        return new Bitrix24Lease(retryAfter);
    }

    /// <summary>Refuses a disposed limiter, and more permits than the bucket holds.</summary>
    protected void CheckPermits(int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (permitCount > Burst)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "At most " + Burst + " calls fit in the bucket at once.");
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
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
