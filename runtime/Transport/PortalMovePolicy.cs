using System;
using System.Net;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// Decides whether a redirect is a portal's move, which Bitrix24 asks integrations to follow with the same POST: a
/// 301, 302, 307 or 308 to the same REST path on the portal's new address. Only a move to a host
/// <see cref="PortalHosts"/> allows is followed; anything else would hand the webhook code in the path or the
/// token in the query to whoever answered, so it ends the call.
/// </summary>
internal sealed class PortalMovePolicy
{
    private readonly PortalHosts _hosts;
    private readonly int _maxMoves;
    private readonly Func<string, string> _redact;

    public PortalMovePolicy(PortalHosts hosts, int maxMoves, Func<string, string> redact)
    {
        _hosts = hosts;
        _maxMoves = maxMoves;
        _redact = redact;
    }

    /// <summary>Whether an answer with this status is a redirect the policy has to judge.</summary>
    public static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 307 or 308;

    /// <summary>
    /// The portal's new base address (scheme and authority) that <paramref name="sent"/> was redirected to.
    /// </summary>
    /// <param name="method">The REST method, for the exception.</param>
    /// <param name="sent">The address the redirected request went to.</param>
    /// <param name="configured">The address the call was made for, before any move: its host is trusted.</param>
    /// <param name="status">The redirect's status.</param>
    /// <param name="location">Its Location header; null when it had none or an unreadable one.</param>
    /// <param name="moves">How many moves this call followed already.</param>
    /// <exception cref="Bitrix24RedirectException">The redirect is not a move that may be followed.</exception>
    public Uri Follow(string method, Uri sent, Uri configured, HttpStatusCode status, Uri? location, int moves)
    {
        if (location is null || !Uri.TryCreate(sent, location, out var target))
        {
            throw new Bitrix24RedirectException(method, status, null, "it named no address.");
        }

        var host = target.IsAbsoluteUri && target.HostNameType is not (UriHostNameType.Unknown or UriHostNameType.Basic) ? _redact(target.IdnHost) : null;
        if (moves >= _maxMoves)
        {
            throw new Bitrix24RedirectException(method, status, host, $"the call was redirected more than {_maxMoves} times ({nameof(Bitrix24ConnectionOptions)}.{nameof(Bitrix24ConnectionOptions.MaxRedirects)}).");
        }

        if (!_hosts.Allows(target, configured))
        {
            throw new Bitrix24RedirectException(
                method,
                status,
                host,
                $"a portal moves over HTTPS to a Bitrix24 cloud host or to its own host; allow an on-premise portal's new host in {nameof(Bitrix24ConnectionOptions)}.{nameof(Bitrix24ConnectionOptions.AllowedPortalHosts)}.");
        }

        // A move keeps the REST path: the webhook's user and code, the method. Another path is not the same call.
        if (!string.Equals(target.AbsolutePath, sent.AbsolutePath, StringComparison.Ordinal))
        {
            throw new Bitrix24RedirectException(method, status, host, "it points to another path than the REST method's, which is not how a portal moves.");
        }

        return new Uri(target.GetLeftPart(UriPartial.Authority) + "/");
    }
}
