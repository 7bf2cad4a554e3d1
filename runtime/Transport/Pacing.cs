using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Transport;

/// <summary>Takes a call's permit from the connection's limiter, whatever limiter it is.</summary>
internal static class Pacing
{
    /// <summary>
    /// Waits for the method's operating-time budget, then acquires a permit from the limiter; null when there is no
    /// limiter. Completes synchronously when neither has to wait or read a store.
    /// </summary>
    public static ValueTask<RateLimitLease?> AcquireAsync(RateLimiter? limiter, Bitrix24OperatingBudgetLimiter? budget, string method, TimeProvider time, CancellationToken cancellationToken)
    {
        if (budget is not null)
        {
            var allowed = budget.AcquireAsync(method, 1, cancellationToken);
            if (!allowed.IsCompletedSuccessfully)
            {
                return AfterBudgetAsync(allowed, limiter, method, time, cancellationToken);
            }

            // The budget's lease holds nothing.
            allowed.Result.Dispose();
        }

        if (limiter is null)
        {
            return default;
        }

        var permit = AcquireAsync(limiter, method, time, cancellationToken);
        return permit.IsCompletedSuccessfully ? new(permit.Result) : AwaitPermitAsync(permit);

        static async ValueTask<RateLimitLease?> AwaitPermitAsync(ValueTask<RateLimitLease> pending) => await pending.ConfigureAwait(false);
    }

    /// <summary>
    /// Acquires one permit, asking again after a refused lease's <c>RetryAfter</c>. The lease is held until the call
    /// answers, so a concurrency limiter counts calls in flight; a rate limiter's lease holds nothing.
    /// </summary>
    /// <exception cref="Bitrix24RateLimitRejectedException">The limiter refused and gave no time to try again.</exception>
    public static ValueTask<RateLimitLease> AcquireAsync(RateLimiter limiter, string method, TimeProvider time, CancellationToken cancellationToken)
    {
        var pending = limiter.AcquireAsync(1, cancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return AcquireSlowlyAsync(pending.AsTask(), limiter, method, time, cancellationToken);
        }

        var lease = pending.Result;
        return lease.IsAcquired ? new(lease) : AcquireSlowlyAsync(Task.FromResult(lease), limiter, method, time, cancellationToken);
    }

    private static async ValueTask<RateLimitLease> AcquireSlowlyAsync(
        Task<RateLimitLease> pending, RateLimiter limiter, string method, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = await pending.ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return lease;
            }

            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
            lease.Dispose();
            if (retryAfter is null)
            {
                throw new Bitrix24RateLimitRejectedException(method, limiter.GetType().Name);
            }

            await Task.Delay(retryAfter.Value > TimeSpan.Zero ? retryAfter.Value : TimeSpan.FromMilliseconds(1), time, cancellationToken).ConfigureAwait(false);
            pending = limiter.AcquireAsync(1, cancellationToken).AsTask();
        }
    }

    private static async ValueTask<RateLimitLease?> AfterBudgetAsync(
        ValueTask<RateLimitLease> allowed, RateLimiter? limiter, string method, TimeProvider time, CancellationToken cancellationToken)
    {
        (await allowed.ConfigureAwait(false)).Dispose();
        return limiter is null ? null : await AcquireAsync(limiter, method, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long until <paramref name="moment"/> on <paramref name="time"/>: zero when it is unknown or past.</summary>
    public static TimeSpan Until(DateTimeOffset? moment, TimeProvider time)
    {
        if (moment is not { } at)
        {
            return TimeSpan.Zero;
        }

        var wait = at - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
