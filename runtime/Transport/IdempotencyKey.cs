using System;
using System.Net.Http.Headers;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// REST 3.0's protection of writes against running twice: a call sends an <c>Idempotency-Key</c>, the portal runs
/// it once and answers a repeat with the same key and body from its store (24 hours), marked
/// <c>Idempotent-Replayed: true</c>. One key per logical call, kept across its retries and replays, is what lets the
/// connection retry a write whose answer was lost.
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// A key for one logical call, or null when the call needs none: classic calls (the header is ignored there)
    /// and methods that are idempotent by themselves.
    /// </summary>
    public static string? For(Bitrix24Method method) =>
        method.Api == Bitrix24ApiVersion.Rest3 && !method.IsIdempotent ? Guid.NewGuid().ToString("D") : null;

    /// <summary>Whether the answer is one the portal stored earlier for the same key and body.</summary>
    public static bool IsReplayed(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues(ReplayedHeader, out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            if (string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
