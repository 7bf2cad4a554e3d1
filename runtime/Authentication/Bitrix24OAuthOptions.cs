using System;

namespace Bitrix24.Generated;

/// <summary>The OAuth application: its credentials and the server that renews its tokens.</summary>
public sealed class Bitrix24OAuthOptions
{
    /// <summary>The application's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The application's client secret; sent only to <see cref="TokenEndpoint"/>.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The token endpoint; Bitrix24's OAuth server by default.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://oauth.bitrix.info/oauth/token/");

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OAuthOptions { ClientId = " + ClientId + ", TokenEndpoint = " + TokenEndpoint + ", ClientSecret = *** }";
}
