using System;

namespace EventsApp;

/// <summary>The application's OAuth credentials, where the portal renews its tokens, and where the app listens.</summary>
public sealed class EventsAppOptions
{
    /// <summary>The application's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The application's client secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The token endpoint; Bitrix24's OAuth server unless the portal renews tokens itself.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://oauth.bitrix.info/oauth/token/");

    /// <summary>The addresses Kestrel listens on; port 0 picks a free one.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Whether portals may be called over plain HTTP, as a local emulator is.</summary>
    public bool AllowInsecureHttp { get; set; }
}
