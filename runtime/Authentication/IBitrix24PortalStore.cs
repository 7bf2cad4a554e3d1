using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// Where an application keeps the portals it is installed on, by <c>member_id</c>. Several instances of the
/// application may share one store: <see cref="SwapTokensAsync"/> lets exactly one of them save a renewal.
/// </summary>
public interface IBitrix24PortalStore
{
    /// <summary>Reads a portal; null when it is not installed.</summary>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<Bitrix24Portal?> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Adds a portal (an install) or replaces everything stored of it (a reinstall), whatever is stored now.</summary>
    /// <param name="portal">The portal.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask AddOrUpdateAsync(Bitrix24Portal portal, CancellationToken cancellationToken);

    /// <summary>Removes a portal (an uninstall); returns whether it was there.</summary>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves renewed tokens only if the stored refresh token is still <paramref name="usedRefreshToken"/>, the one the
    /// renewal used, as one atomic step; otherwise leaves the store as it is and returns the stored (newer) tokens.
    /// </summary>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    /// <param name="usedRefreshToken">The refresh token the renewal exchanged.</param>
    /// <param name="renewed">The tokens the renewal got.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="Bitrix24PortalNotFoundException">The portal is not in the store.</exception>
    ValueTask<Bitrix24TokenSwap> SwapTokensAsync(string memberId, string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken);
}

/// <summary>Keeps the portals in memory: for tests, and for one process that learns its portals anew at start.</summary>
public sealed class InMemoryBitrix24PortalStore : IBitrix24PortalStore
{
    private readonly ConcurrentDictionary<string, Bitrix24Portal> _portals = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<Bitrix24Portal?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        return new(_portals.TryGetValue(memberId, out var portal) ? portal : null);
    }

    /// <inheritdoc/>
    public ValueTask AddOrUpdateAsync(Bitrix24Portal portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        _portals[portal.MemberId] = portal;
        return default;
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        return new(_portals.TryRemove(memberId, out _));
    }

    /// <inheritdoc/>
    public ValueTask<Bitrix24TokenSwap> SwapTokensAsync(string memberId, string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentNullException.ThrowIfNull(usedRefreshToken);
        ArgumentNullException.ThrowIfNull(renewed);
        while (true)
        {
            if (!_portals.TryGetValue(memberId, out var current))
            {
                throw new Bitrix24PortalNotFoundException(memberId);
            }

            if (!string.Equals(current.Tokens.RefreshToken, usedRefreshToken, StringComparison.Ordinal))
            {
                return new(new Bitrix24TokenSwap(false, current.Tokens));
            }

            if (_portals.TryUpdate(memberId, current with { Tokens = renewed }, current))
            {
                return new(new Bitrix24TokenSwap(true, renewed));
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "InMemoryBitrix24PortalStore { Count = " + _portals.Count + " }";
}

/// <summary>
/// One portal's tokens in an <see cref="IBitrix24PortalStore"/>, as the <see cref="IBitrix24TokenStore"/> a
/// <see cref="Bitrix24OAuth"/> renews through. Renewals are saved with the store's compare-and-swap.
/// </summary>
public sealed class Bitrix24PortalTokenStore : IBitrix24TokenStore
{
    private readonly IBitrix24PortalStore _portals;

    /// <summary>Creates the view of one portal.</summary>
    /// <param name="portals">The store of portals.</param>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    public Bitrix24PortalTokenStore(IBitrix24PortalStore portals, string memberId)
    {
        _portals = portals ?? throw new ArgumentNullException(nameof(portals));
        MemberId = memberId ?? throw new ArgumentNullException(nameof(memberId));
    }

    /// <summary>The portal's <c>member_id</c>.</summary>
    public string MemberId { get; }

    /// <inheritdoc/>
    /// <exception cref="Bitrix24PortalNotFoundException">The portal is not in the store (any more).</exception>
    public async ValueTask<Bitrix24OAuthTokens> GetAsync(CancellationToken cancellationToken) =>
        (await _portals.GetAsync(MemberId, cancellationToken).ConfigureAwait(false) ?? throw new Bitrix24PortalNotFoundException(MemberId)).Tokens;

    /// <summary>Replaces the portal's tokens whatever is stored now; renewals use <see cref="SwapAsync"/> instead.</summary>
    /// <param name="tokens">The new tokens.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="Bitrix24PortalNotFoundException">The portal is not in the store (any more).</exception>
    public async ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var portal = await _portals.GetAsync(MemberId, cancellationToken).ConfigureAwait(false) ?? throw new Bitrix24PortalNotFoundException(MemberId);
        await _portals.AddOrUpdateAsync(portal with { Tokens = tokens }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<Bitrix24TokenSwap> SwapAsync(string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken) =>
        _portals.SwapTokensAsync(MemberId, usedRefreshToken, renewed, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24PortalTokenStore { MemberId = " + MemberId + " }";
}
