using System;
using System.Collections.Generic;

namespace Bitrix24.Generated.Transport;

/// <summary>
/// The hosts a portal may name as its new address, in a redirect or as an OAuth <c>client_endpoint</c>: the host
/// the connection was configured with, the Bitrix24 cloud's portals, and the hosts the user allows. Anything else
/// would receive the webhook code or access token, so it is refused.
/// </summary>
internal sealed class PortalHosts
{
    // The regional zones cloud portals live in (b24-xxx.bitrix24.yy); a portal is always a subdomain of one.
    private static readonly string[] CloudZones =
    [
        "bitrix24.com", "bitrix24.eu", "bitrix24.de", "bitrix24.es", "bitrix24.fr", "bitrix24.it", "bitrix24.pl",
        "bitrix24.uk", "bitrix24.in", "bitrix24.cn", "bitrix24.jp", "bitrix24.id", "bitrix24.vn", "bitrix24.com.br",
        "bitrix24.com.tr", "bitrix24.ru", "bitrix24.by", "bitrix24.kz", "bitrix24.ua",
    ];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _domains = [];

    /// <summary>Takes the user's hosts: a host name allows itself, <c>*.example.com</c> the subdomains of example.com.</summary>
    public PortalHosts(IEnumerable<string> allowed)
    {
        foreach (var zone in CloudZones)
        {
            _domains.Add("." + zone);
        }

        foreach (var entry in allowed)
        {
            var host = entry?.Trim().TrimEnd('.') ?? string.Empty;
            if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2)
            {
                _domains.Add(Normalize(host[1..]));
            }
            else if (host.Length > 0)
            {
                _hosts.Add(Normalize(host));
            }
        }
    }

    /// <summary>
    /// Whether calls first addressed to <paramref name="configured"/> may go to <paramref name="target"/>: over
    /// HTTPS to an allowed host, or over the configured scheme to the configured host itself (a local emulator
    /// over plain HTTP moving to another port).
    /// </summary>
    public bool Allows(Uri target, Uri configured)
    {
        if (!target.IsAbsoluteUri || target.UserInfo.Length > 0 || target.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            return false;
        }

        var host = target.IdnHost;
        var sameHost = string.Equals(host, configured.IdnHost, StringComparison.OrdinalIgnoreCase);
        if (target.Scheme != Uri.UriSchemeHttps)
        {
            return sameHost && target.Scheme == Uri.UriSchemeHttp && configured.Scheme == Uri.UriSchemeHttp;
        }

        return sameHost || _hosts.Contains(host) || IsInAllowedDomain(host);
    }

    private bool IsInAllowedDomain(string host)
    {
        foreach (var domain in _domains)
        {
            // ".bitrix24.com" matches "portal.bitrix24.com", never "bitrix24.com" or "evilbitrix24.com".
            if (host.Length > domain.Length && host.EndsWith(domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Compared as the wire sees them: punycode, no trailing dot.
    private static string Normalize(string host) =>
        Uri.TryCreate("https://" + host.TrimStart('.') + "/", UriKind.Absolute, out var uri) ? (host.StartsWith('.') ? "." : string.Empty) + uri.IdnHost : host;
}
