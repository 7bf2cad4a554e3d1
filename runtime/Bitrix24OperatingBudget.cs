using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// Keeps each method under the portal's operating-time limit (480 seconds of processing per method in a sliding
/// 10 minutes): a call of a method whose last answer reported the budget spent waits until the reset that answer
/// announced, instead of being sent and refused with <c>OPERATION_TIME_LIMIT</c>. A
/// <see cref="PartitionedRateLimiter{TResource}"/> partitioned by method name; the connection reports each answer's
/// time block to it (<see cref="Observe"/>).
/// </summary>
public sealed class Bitrix24OperatingBudget : PartitionedRateLimiter<string>
{
    /// <summary>What the portal allows a method in its window.</summary>
    public static readonly TimeSpan PortalLimit = TimeSpan.FromSeconds(480);

    private readonly ConcurrentDictionary<string, Spent> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <summary>Creates the budget.</summary>
    /// <param name="limit">How much a method may use before its calls wait; <see cref="PortalLimit"/> when null.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    public Bitrix24OperatingBudget(TimeSpan? limit = null, TimeProvider? timeProvider = null)
    {
        Limit = limit ?? PortalLimit;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Limit, TimeSpan.Zero, nameof(limit));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How much processing time a method may use before its calls wait for the reset.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Takes what an answer reported of its method's budget: the time used and when part of it is released.</summary>
    /// <param name="method">The method that answered.</param>
    /// <param name="time">The answer's time block.</param>
    public void Observe(string method, Bitrix24Time time)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(time);
        if (time.Operating is { } operating)
        {
            _methods[method] = new Spent(TimeSpan.FromSeconds(operating), time.OperatingResetAt);
        }
    }

    /// <summary>How long a call of <paramref name="method"/> has to wait now: zero unless its budget is spent.</summary>
    /// <param name="method">The method.</param>
    public TimeSpan WaitFor(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!_methods.TryGetValue(method, out var spent) || spent.Used < Limit || spent.ResetAt is not { } resetAt)
        {
            return TimeSpan.Zero;
        }

        var wait = resetAt - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>The seconds the method has left (<c>CurrentAvailablePermits</c>), from its last answer.</summary>
    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        var left = _methods.TryGetValue(resource, out var spent) && WaitFor(resource) > TimeSpan.Zero ? 0 : (long)(Limit - (spent?.Used ?? TimeSpan.Zero)).TotalSeconds;
        return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, left) };
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var wait = WaitFor(resource);
        return wait == TimeSpan.Zero ? Bitrix24Lease.Acquired : new Bitrix24Lease(wait);
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var wait = WaitFor(resource); wait > TimeSpan.Zero; wait = WaitFor(resource))
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return Bitrix24Lease.Acquired;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OperatingBudget { Limit = " + Limit.TotalSeconds + " s, Methods = " + _methods.Count + " }";

    private sealed record Spent(TimeSpan Used, DateTimeOffset? ResetAt);
}
