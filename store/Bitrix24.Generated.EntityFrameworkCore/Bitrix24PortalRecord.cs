using System;

namespace Bitrix24.Generated.EntityFrameworkCore;

/// <summary>A row of the portals table: one installed portal and its tokens.</summary>
public sealed class Bitrix24PortalRecord
{
    /// <summary>The portal's <c>member_id</c>: the key.</summary>
    public string MemberId { get; set; } = string.Empty;

    /// <summary>The portal's domain.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>The <c>application_token</c> the portal signs its events with, once known.</summary>
    public string? ApplicationToken { get; set; }

    /// <summary>The access token.</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>The refresh token.</summary>
    public string RefreshToken { get; set; } = string.Empty;

    /// <summary>The portal's REST address.</summary>
    public string ClientEndpoint { get; set; } = string.Empty;

    /// <summary>When the access token expires, in UTC, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The optimistic-concurrency token: raised by every write, which succeeds only if no other write came between its read and its save.</summary>
    public long Version { get; set; }

    /// <summary>The row with its secrets hidden.</summary>
    public override string ToString() => "Bitrix24PortalRecord { MemberId = " + MemberId + ", Domain = " + Domain + ", Version = " + Version + ", tokens = *** }";

    internal Bitrix24Portal ToPortal() => new(MemberId, Domain, ApplicationToken, ToTokens());

    internal Bitrix24OAuthTokens ToTokens() => new(AccessToken, RefreshToken, new Uri(ClientEndpoint, UriKind.Absolute), ExpiresAt);

    internal void Set(Bitrix24Portal portal)
    {
        MemberId = portal.MemberId;
        Domain = portal.Domain;
        ApplicationToken = portal.ApplicationToken;
        SetTokens(portal.Tokens);
    }

    internal void SetTokens(Bitrix24OAuthTokens tokens)
    {
        AccessToken = tokens.AccessToken;
        RefreshToken = tokens.RefreshToken;
        ClientEndpoint = tokens.ClientEndpoint.AbsoluteUri;

        // PostgreSQL's timestamptz takes UTC only; the instant is what counts.
        ExpiresAt = tokens.ExpiresAt?.ToUniversalTime();
        Version++;
    }
}
