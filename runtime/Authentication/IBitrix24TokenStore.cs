using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// Where an OAuth application keeps its tokens. Implement it over your database or secret store: every
/// refresh returns a new refresh token that must replace the old one, or the next refresh fails.
/// </summary>
public interface IBitrix24TokenStore
{
    /// <summary>Reads the current tokens.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<Bitrix24OAuthTokens> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the tokens after a refresh.</summary>
    /// <param name="tokens">The new tokens.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken);

    /// <summary>
    /// Saves renewed tokens only if the stored refresh token is still <paramref name="usedRefreshToken"/>, the one the
    /// renewal exchanged; otherwise keeps the stored (newer) tokens and returns them. A renewal saves through this, so
    /// that of two instances renewing at once one wins and the other goes on with the winner's tokens.
    /// </summary>
    /// <remarks>
    /// The default reads, compares and saves in three steps, which is atomic only within one process (renewals through
    /// one store take turns). A store shared by several processes overrides it with one atomic step: a conditional
    /// update, an optimistic-concurrency token.
    /// </remarks>
    /// <param name="usedRefreshToken">The refresh token the renewal exchanged.</param>
    /// <param name="renewed">The tokens the renewal got.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    async ValueTask<Bitrix24TokenSwap> SwapAsync(string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(current.RefreshToken, usedRefreshToken, System.StringComparison.Ordinal))
        {
            return new Bitrix24TokenSwap(false, current);
        }

        await SaveAsync(renewed, cancellationToken).ConfigureAwait(false);
        return new Bitrix24TokenSwap(true, renewed);
    }
}

/// <summary>Keeps the tokens in memory: for tests and for processes that get their tokens anew at start.</summary>
public sealed class InMemoryBitrix24TokenStore : IBitrix24TokenStore
{
    private volatile Bitrix24OAuthTokens _tokens;

    /// <summary>Creates the store with the first tokens.</summary>
    /// <param name="tokens">The tokens issued at installation.</param>
    public InMemoryBitrix24TokenStore(Bitrix24OAuthTokens tokens) => _tokens = tokens ?? throw new System.ArgumentNullException(nameof(tokens));

    /// <inheritdoc/>
    public ValueTask<Bitrix24OAuthTokens> GetAsync(CancellationToken cancellationToken) => new(_tokens);

    /// <inheritdoc/>
    public ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        _tokens = tokens ?? throw new System.ArgumentNullException(nameof(tokens));
        return default;
    }

    /// <inheritdoc/>
    public ValueTask<Bitrix24TokenSwap> SwapAsync(string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(renewed);
        while (true)
        {
            var current = _tokens;
            if (!string.Equals(current.RefreshToken, usedRefreshToken, System.StringComparison.Ordinal))
            {
                return new(new Bitrix24TokenSwap(false, current));
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _tokens, renewed, current), current))
            {
                return new(new Bitrix24TokenSwap(true, renewed));
            }
        }
    }
}
