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
}
