using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Bitrix24.Generated.Transport;

namespace Bitrix24.Generated;

/// <summary>
/// The portal's operating-time limit (480 seconds of processing per method in a sliding 10 minutes) as a
/// <see cref="PartitionedRateLimiter{TResource}"/> partitioned by method name, whatever keeps what the answers
/// reported: a call of a method whose budget is spent waits until the reset the portal announced, instead of being
/// sent and refused with <c>OPERATION_TIME_LIMIT</c>. This base holds the numbers (<see cref="Limit"/>), the leases,
/// the statistics and the wait; <see cref="Bitrix24OperatingBudget"/> keeps the answers in this process, a budget
/// shared by several instances of an application keeps them in a store they share.
/// </summary>
/// <remarks>
/// The budget counts no permits: any number of calls of a method go while its budget is not spent, and all of them
/// wait while it is. A lease holds nothing and need not be disposed.
/// </remarks>
public abstract class Bitrix24OperatingBudgetLimiter : PartitionedRateLimiter<string>
{
    /// <summary>What the portal allows a method in its window.</summary>
    public static readonly TimeSpan PortalLimit = TimeSpan.FromSeconds(480);

    private readonly ConcurrentDictionary<string, Counts> _counts = new(StringComparer.OrdinalIgnoreCase);
    private bool _disposed;

    /// <summary>Sets the budget's numbers.</summary>
    /// <param name="limit">How much a method may use before its calls wait; <see cref="PortalLimit"/> when null.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    protected Bitrix24OperatingBudgetLimiter(TimeSpan? limit, TimeProvider? timeProvider)
    {
        Limit = limit ?? PortalLimit;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Limit, TimeSpan.Zero, nameof(limit));
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How much processing time a method may use before its calls wait for the reset.</summary>
    public TimeSpan Limit { get; }

    /// <summary>The clock waits are measured on.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Takes what an answer reported of its method's budget: the time used and when part of it is released.</summary>
    /// <param name="method">The method that answered.</param>
    /// <param name="time">The answer's time block.</param>
    public abstract void Observe(string method, Bitrix24Time time);

    /// <summary>
    /// The seconds the method has left (<c>CurrentAvailablePermits</c>) as far as this limiter knows, the calls of it
    /// waiting now (<c>CurrentQueuedCount</c>), and the leases given for it.
    /// </summary>
    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var counts = _counts.TryGetValue(resource, out var known) ? known : null;
        var left = WaitOf(SpentUntil(resource)) > TimeSpan.Zero ? 0 : (long)(Limit - (LastUsed(resource) ?? TimeSpan.Zero)).TotalSeconds;
        return new RateLimiterStatistics
        {
            CurrentAvailablePermits = Math.Max(0, left),
            CurrentQueuedCount = counts is null ? 0 : Volatile.Read(ref counts.Waiting),
            TotalSuccessfulLeases = counts is null ? 0 : Interlocked.Read(ref counts.Successful),
            TotalFailedLeases = counts is null ? 0 : Interlocked.Read(ref counts.Failed),
        };
    }

    /// <summary>
    /// When the spent budget of <paramref name="method"/> is released, as far as this limiter can tell without
    /// waiting for a store; null when it is not known to be spent. A reset in the past counts as released.
    /// </summary>
    /// <param name="method">The method, in any case.</param>
    protected abstract DateTimeOffset? SpentUntil(string method);

    /// <summary>
    /// When the spent budget of <paramref name="method"/> is released, reading a shared store where the limiter keeps
    /// one; what <see cref="SpentUntil"/> says unless overridden. Complete it synchronously when nothing has to be
    /// read, so that the calls of a method whose budget is not spent are not slowed.
    /// </summary>
    /// <param name="method">The method, in any case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    protected virtual ValueTask<DateTimeOffset?> SpentUntilAsync(string method, CancellationToken cancellationToken) => new(SpentUntil(method));

    /// <summary>The time <paramref name="method"/> had used by its last answer here, for the statistics; null when unknown.</summary>
    /// <param name="method">The method, in any case.</param>
    protected virtual TimeSpan? LastUsed(string method) => null;

    /// <summary>A lease now if the method's budget is not spent; otherwise a refusal whose <c>RetryAfter</c> is the time to the reset.</summary>
    protected sealed override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var wait = WaitOf(SpentUntil(resource));
        var counts = CountsOf(resource);
        if (wait == TimeSpan.Zero)
        {
            Interlocked.Increment(ref counts.Successful);
            return Bitrix24Lease.Acquired;
        }

        Interlocked.Increment(ref counts.Failed);
        return new Bitrix24Lease(wait);
    }

    /// <summary>A lease once the method's budget is not spent: at once, or after the reset.</summary>
    protected sealed override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        var reading = SpentUntilAsync(resource, cancellationToken);
        if (reading.IsCompletedSuccessfully && WaitOf(reading.Result) == TimeSpan.Zero)
        {
            Interlocked.Increment(ref CountsOf(resource).Successful);
            return new(Bitrix24Lease.Acquired);
        }

        return WaitForResetAsync(resource, reading, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private async ValueTask<RateLimitLease> WaitForResetAsync(string method, ValueTask<DateTimeOffset?> reading, CancellationToken cancellationToken)
    {
        var counts = CountsOf(method);
        Interlocked.Increment(ref counts.Waiting);
        try
        {
            // Read again after each wait: the reset may have moved, e.g. another instance's later answer.
            for (var wait = WaitOf(await reading.ConfigureAwait(false)); wait > TimeSpan.Zero; wait = WaitOf(await SpentUntilAsync(method, cancellationToken).ConfigureAwait(false)))
            {
                await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref counts.Waiting);
        }

        Interlocked.Increment(ref counts.Successful);
        return Bitrix24Lease.Acquired;
    }

    /// <summary>How long a call waits for a budget spent until <paramref name="spentUntil"/>: zero when it is not spent.</summary>
    private protected TimeSpan WaitOf(DateTimeOffset? spentUntil) => Pacing.Until(spentUntil, Time);

    private Counts CountsOf(string method) => _counts.GetOrAdd(method, static _ => new Counts());

    private sealed class Counts
    {
        public long Successful;
        public long Failed;
        public int Waiting;
    }
}
