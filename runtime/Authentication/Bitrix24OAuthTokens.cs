using System;

namespace Bitrix24.Generated;

/// <summary>The tokens of an OAuth application installed on a portal.</summary>
/// <param name="AccessToken">Sent with every call; lives an hour.</param>
/// <param name="RefreshToken">Exchanged for new tokens once the access token expires; each works once.</param>
/// <param name="ClientEndpoint">The portal's REST address, e.g. <c>https://portal.bitrix24.com/rest/</c>.</param>
/// <param name="ExpiresAt">When the access token expires, if known.</param>
public sealed record Bitrix24OAuthTokens(string AccessToken, string RefreshToken, Uri ClientEndpoint, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>The tokens with both secrets hidden.</summary>
    public override string ToString() => "Bitrix24OAuthTokens { ClientEndpoint = " + ClientEndpoint + ", ExpiresAt = " + ExpiresAt + ", AccessToken = ***, RefreshToken = *** }";
}
