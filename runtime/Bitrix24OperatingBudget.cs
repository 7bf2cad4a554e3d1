using System;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Bitrix24.Generated;

/// <summary>
/// Keeps each method under the portal's operating-time limit (480 seconds of processing per method in a sliding
/// 10 minutes): a call of a method whose last answer reported the budget spent waits until the reset that answer
/// announced, instead of being sent and refused with <c>OPERATION_TIME_LIMIT</c>. A
/// <see cref="PartitionedRateLimiter{TResource}"/> partitioned by method name; the connection reports each answer's
/// time block to it (<see cref="Observe"/>). It keeps what it learns in this process; see
/// <see cref="Bitrix24OperatingBudgetLimiter"/> for one kept where several instances share it.
/// </summary>
public sealed class Bitrix24OperatingBudget : Bitrix24OperatingBudgetLimiter
{
    private readonly ConcurrentDictionary<string, Spent> _methods = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the budget.</summary>
    /// <param name="limit">How much a method may use before its calls wait; <see cref="Bitrix24OperatingBudgetLimiter.PortalLimit"/> when null.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    public Bitrix24OperatingBudget(TimeSpan? limit = null, TimeProvider? timeProvider = null)
        : base(limit, timeProvider)
    {
    }

    /// <inheritdoc/>
    public override void Observe(string method, Bitrix24Time time)
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
        return WaitOf(SpentUntil(method));
    }

    /// <inheritdoc/>
    protected override DateTimeOffset? SpentUntil(string method) =>
        _methods.TryGetValue(method, out var spent) && spent.Used >= Limit ? spent.ResetAt : null;

    /// <inheritdoc/>
    protected override TimeSpan? LastUsed(string method) => _methods.TryGetValue(method, out var spent) ? spent.Used : null;

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OperatingBudget { Limit = " + Limit.TotalSeconds + " s, Methods = " + _methods.Count + " }";

    private sealed record Spent(TimeSpan Used, DateTimeOffset? ResetAt);
}
