using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// Whether a post comes from the portal it names: its <c>auth[application_token]</c> must be the one the portal
/// gave at install, as kept in the portal store.
/// </summary>
internal static class ApplicationTokenCheck
{
    /// <summary>The stored portal when the token matches it; null when the portal is unknown, has no token yet or another one.</summary>
    public static async ValueTask<Bitrix24Portal?> VerifyAsync(IBitrix24PortalStore store, string? memberId, string? applicationToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(applicationToken))
        {
            return null;
        }

        var portal = await store.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        return portal?.ApplicationToken is { } stored && Matches(stored, applicationToken) ? portal : null;
    }

    /// <summary>Compares in constant time, so that the answer's timing tells nothing of the stored token.</summary>
    public static bool Matches(string stored, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(received));
}
