using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated;

/// <summary>
/// An incoming webhook of a Bitrix24 portal: <c>https://portal/rest/{userId}/{secret}/</c>.
/// The secret is kept private and never shown by <see cref="ToString"/>.
/// </summary>
public sealed class Bitrix24Webhook : Bitrix24Authentication
{
    private readonly string _secret;

    // A method's address never changes for a webhook: made once per method, not once per call.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Bitrix24ApiVersion Api, string Method), Bitrix24Authorization> _authorizations = new();

    private Bitrix24Webhook(Uri baseAddress, int userId, string secret)
    {
        BaseAddress = baseAddress;
        UserId = userId;
        _secret = secret;
    }

    /// <summary>The portal's REST address, e.g. <c>https://portal.bitrix24.com/rest/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The user the webhook acts as.</summary>
    public int UserId { get; }

    /// <summary>Parses a webhook URL such as <c>https://portal.bitrix24.com/rest/1/abc123/</c>.</summary>
    /// <exception cref="ArgumentException">The URL is not a webhook URL (the message never repeats the secret).</exception>
    public static Bitrix24Webhook Parse(string url)
    {
        if (TryParse(url, out var webhook, out var problem))
        {
            return webhook!;
        }

        throw new ArgumentException("Not a Bitrix24 webhook URL: " + problem + " Expected https://<portal>/rest/<user id>/<code>/.", nameof(url));
    }

    /// <summary>Parses a webhook URL; returns false when it is not one.</summary>
    public static bool TryParse(string? url, out Bitrix24Webhook? webhook) => TryParse(url, out webhook, out _);

    private static bool TryParse(string? url, out Bitrix24Webhook? webhook, out string problem)
    {
        webhook = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = "the URL is empty.";
            return false;
        }

        if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = "it is not an absolute http(s) URL.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problem = "it must not carry a query or fragment.";
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length != 3 || !string.Equals(segments[0], "rest", StringComparison.OrdinalIgnoreCase))
        {
            problem = "the path must be /rest/<user id>/<code>/.";
            return false;
        }

        if (!int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
        {
            problem = "the user id must be a positive integer.";
            return false;
        }

        if (segments[2].Length == 0)
        {
            problem = "the webhook code is missing.";
            return false;
        }

        var portal = new UriBuilder(uri.Scheme, uri.Host, uri.Port, "/rest/").Uri;
        webhook = new Bitrix24Webhook(portal, userId, Uri.UnescapeDataString(segments[2]));
        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// The address of a method call, secret included; only for the transport. REST 3.0 puts <c>api/</c> before the
    /// user and code of the same webhook.
    /// </summary>
    internal Uri MethodUri(string method, Bitrix24ApiVersion api = Bitrix24ApiVersion.Classic) => new(
        BaseAddress,
        (api == Bitrix24ApiVersion.Rest3 ? "api/" : string.Empty) + UserId.ToString(CultureInfo.InvariantCulture) + "/" + Uri.EscapeDataString(_secret) + "/" + method);

    /// <summary>Hides the secret from any text that comes from outside (e.g. an exception message).</summary>
    internal override string Redact(string text) =>
        text.Replace(_secret, "***").Replace(Uri.EscapeDataString(_secret), "***");

    internal override ValueTask<Bitrix24Authorization> AuthorizeAsync(string method, Bitrix24ApiVersion api, CancellationToken cancellationToken) =>
        new(_authorizations.TryGetValue((api, method), out var known) ? known : Authorize(method, api));

    private Bitrix24Authorization Authorize(string method, Bitrix24ApiVersion api)
    {
        var authorization = new Bitrix24Authorization(MethodUri(method, api), _secret);

        // Calls by name may name any method; keep the cache from growing without end.
        if (_authorizations.Count < 4096)
        {
            _authorizations.TryAdd((api, method), authorization);
        }

        return authorization;
    }

    // A webhook code does not expire; there is nothing to renew.
    internal override ValueTask<bool> RenewAsync(Bitrix24Authorization expired, string method, Transport.PortalHosts hosts, CancellationToken cancellationToken) => new(false);

    /// <summary>The webhook URL with its secret replaced by <c>***</c>.</summary>
    public override string ToString() => BaseAddress + UserId.ToString(CultureInfo.InvariantCulture) + "/***/";
}
