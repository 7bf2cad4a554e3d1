using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// A lock several instances of an application take before renewing a portal's tokens, so that one of them asks the
/// token endpoint and the others wait for its tokens in the shared store (see
/// <see cref="Bitrix24OAuthOptions.RenewalLock"/>). A Redis implementation is in the Bitrix24.Generated.Redis package.
/// </summary>
public interface IBitrix24RenewalLock
{
    /// <summary>Takes the lock named <paramref name="key"/> for at most <paramref name="lease"/>, unless someone else holds it.</summary>
    /// <param name="key">Names the portal and application whose tokens are renewed; holds no secret.</param>
    /// <param name="lease">How long the lock lasts if it is never released, e.g. because its holder crashed.</param>
    /// <param name="cancellationToken">Cancels taking it.</param>
    /// <returns>
    /// The held lock, released when disposed; null when someone else holds it. A lock whose own store cannot be
    /// reached may return a lock that holds nothing, and the renewal then goes on as without a lock (the token
    /// store's compare-and-swap keeps one renewal when instances race); an exception fails the renewal.
    /// </returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, CancellationToken cancellationToken);
}
