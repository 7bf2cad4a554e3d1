using System;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>Which of the posts to the install URL this is, with what it carries.</summary>
internal enum InstallKind
{
    /// <summary>An application with a UI opened for its install: <c>AUTH_ID</c>, <c>REFRESH_ID</c>, <c>member_id</c>, <c>DOMAIN</c>.</summary>
    Interactive,

    /// <summary>The <c>ONAPPINSTALL</c> event: the tokens and the application token in <c>auth</c>.</summary>
    AppInstall,

    /// <summary>The <c>ONAPPUNINSTALL</c> event: <c>auth</c> with the application token only.</summary>
    AppUninstall,
}

/// <summary>A post to the install URL, read.</summary>
/// <param name="Kind">Which post it is.</param>
/// <param name="MemberId">The portal's <c>member_id</c>.</param>
/// <param name="Domain">The portal's domain, e.g. <c>example.bitrix24.com</c>; may be missing in <c>ONAPPUNINSTALL</c>.</param>
/// <param name="ApplicationToken">The application token (<c>auth[application_token]</c>) of the two events, else null.</param>
/// <param name="Tokens">The OAuth tokens, for the two installs.</param>
internal sealed record InstallRequest(InstallKind Kind, string MemberId, string Domain, string? ApplicationToken, Bitrix24OAuthTokens? Tokens)
{
    /// <summary>No secret: the kind and the portal.</summary>
    public override string ToString() => "InstallRequest { Kind = " + Kind + ", MemberId = " + MemberId + ", Domain = " + Domain + " }";
}

/// <summary>Tells the three posts to the install URL apart and reads each; a post that is none of them gets a reason.</summary>
internal static class InstallRequestReader
{
    public static (InstallRequest? Request, string? Problem) Read(JsonObject payload, IQueryCollection query, DateTimeOffset now)
    {
        if (PayloadReader.Text(payload, "event") is { } name)
        {
            return name.ToUpperInvariant() switch
            {
                InstallEndpoint.InstallEvent => ReadAppInstall(payload, now),
                InstallEndpoint.UninstallEvent => ReadAppUninstall(payload),
                _ => (null, "The install URL takes ONAPPINSTALL and ONAPPUNINSTALL, not '" + Untrusted.Printable(name) + "'; bind other events to the events URL."),
            };
        }

        if (PayloadReader.Text(payload, "AUTH_ID") is not null)
        {
            return ReadInteractive(payload, query, now);
        }

        return (null, "The post is neither an install (AUTH_ID, REFRESH_ID, member_id) nor an ONAPPINSTALL or ONAPPUNINSTALL event.");
    }

    // The install of an application with a UI: DOMAIN and PROTOCOL come in the query, the rest in the form.
    private static (InstallRequest?, string?) ReadInteractive(JsonObject payload, IQueryCollection query, DateTimeOffset now)
    {
        string? Field(string name) => PayloadReader.Text(payload, name) ?? (query.TryGetValue(name, out var value) ? value.ToString() : null);

        var accessToken = Field("AUTH_ID");
        var refreshToken = Field("REFRESH_ID");
        var memberId = Field("member_id");
        var domain = Field("DOMAIN");
        if (string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(refreshToken) || string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(domain))
        {
            return (null, "The install post lacks one of AUTH_ID, REFRESH_ID, member_id and DOMAIN.");
        }

        // PROTOCOL 0 is plain HTTP (an on-premise portal without TLS); anything else, or none, HTTPS.
        var scheme = Field("PROTOCOL") == "0" ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        if (!Uri.TryCreate(scheme + "://" + domain + "/rest/", UriKind.Absolute, out var endpoint) || endpoint.AbsolutePath != "/rest/" || endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0)
        {
            return (null, "The install post's DOMAIN is not a host name.");
        }

        var tokens = new Bitrix24OAuthTokens(accessToken, refreshToken, endpoint, ExpiresAt(Field("AUTH_EXPIRES"), now));
        return (new InstallRequest(InstallKind.Interactive, memberId, endpoint.Authority, null, tokens), null);
    }

    private static (InstallRequest?, string?) ReadAppInstall(JsonObject payload, DateTimeOffset now)
    {
        string? Auth(string name) => PayloadReader.Text(payload, "auth", name);

        var memberId = Auth("member_id");
        var applicationToken = Auth("application_token");
        var accessToken = Auth("access_token");
        var refreshToken = Auth("refresh_token");
        if (string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(applicationToken) || string.IsNullOrEmpty(accessToken) || string.IsNullOrEmpty(refreshToken))
        {
            return (null, "ONAPPINSTALL lacks one of auth[member_id], auth[application_token], auth[access_token] and auth[refresh_token].");
        }

        var domain = Auth("domain");
        var endpointText = Auth("client_endpoint") ?? (domain is null ? null : "https://" + domain + "/rest/");
        if (endpointText is null || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp) || endpoint.UserInfo.Length > 0)
        {
            return (null, "ONAPPINSTALL has no usable auth[client_endpoint] or auth[domain].");
        }

        var tokens = new Bitrix24OAuthTokens(accessToken, refreshToken, endpoint, ExpiresAt(Auth("expires_in"), now));
        // The domain as sent when it is a host name, else the endpoint's: the store keeps nothing that is not an address.
        var host = domain is not null && Uri.CheckHostName(domain.Split(':')[0]) != UriHostNameType.Unknown ? domain : endpoint.Authority;
        return (new InstallRequest(InstallKind.AppInstall, memberId, host, applicationToken, tokens), null);
    }

    private static (InstallRequest?, string?) ReadAppUninstall(JsonObject payload)
    {
        var memberId = PayloadReader.Text(payload, "auth", "member_id");
        var applicationToken = PayloadReader.Text(payload, "auth", "application_token");
        if (string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(applicationToken))
        {
            return (null, "ONAPPUNINSTALL lacks auth[member_id] or auth[application_token].");
        }

        return (new InstallRequest(InstallKind.AppUninstall, memberId, PayloadReader.Text(payload, "auth", "domain") ?? string.Empty, applicationToken, null), null);
    }

    private static DateTimeOffset? ExpiresAt(string? seconds, DateTimeOffset now) =>
        int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? now.AddSeconds(value) : null;
}
