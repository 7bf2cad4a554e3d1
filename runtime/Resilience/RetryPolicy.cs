using System;
using System.Net;

namespace Bitrix24.Generated;

/// <summary>Which failures are worth another try, and how long to wait before it.</summary>
internal static class RetryPolicy
{
    public static bool MayRetry(Bitrix24Exception exception, bool idempotent) => exception switch
    {
        // Refused before running: the portal's limits.
        Bitrix24ApiException { Code: Bitrix24ErrorCode.QueryLimitExceeded or Bitrix24ErrorCode.OperationTimeLimit } => true,

        // The portal failed, perhaps after the method ran.
        Bitrix24ApiException { Code: Bitrix24ErrorCode.InternalServerError or Bitrix24ErrorCode.UnexpectedAnswer } => idempotent,

        // A proxy's error page or a cut-off answer: the method may have run.
        Bitrix24ResponseFormatException format => idempotent && ((int)format.StatusCode >= 500 || format.StatusCode == HttpStatusCode.OK),

        Bitrix24TransportException transport => !transport.RequestMayHaveRun || idempotent,
        _ => false,
    };

    /// <summary>
    /// Whether the failure may have come after the portal ran the method: exactly the failures retried for idempotent
    /// calls only.
    /// </summary>
    public static bool MayHaveRun(Bitrix24Exception exception) => MayRetry(exception, idempotent: true) && !MayRetry(exception, idempotent: false);

    /// <summary>Exponential backoff with jitter, so that many clients do not retry in step.</summary>
    public static TimeSpan Delay(Bitrix24RetryOptions options, int attempt)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
