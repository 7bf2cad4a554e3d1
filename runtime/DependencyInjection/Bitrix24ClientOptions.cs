namespace Bitrix24.Generated;

/// <summary>
/// How a client registered with <c>AddBitrix24Client</c> reaches its portal: set <see cref="WebhookUrl"/> for an
/// incoming webhook, or <see cref="OAuth"/> for an application (its tokens come from the registered
/// <see cref="IBitrix24TokenStore"/>).
/// </summary>
public sealed class Bitrix24ClientOptions
{
    /// <summary>An incoming webhook, e.g. <c>https://portal.bitrix24.com/rest/1/abc123/</c>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>An OAuth application's credentials; the tokens come from the registered <see cref="IBitrix24TokenStore"/>.</summary>
    public Bitrix24OAuthOptions? OAuth { get; set; }

    /// <summary>Timeouts, retries, the rate limit (one limiter shared by every connection of this registration).</summary>
    public Bitrix24ConnectionOptions Connection { get; } = new();

    /// <summary>The webhook with its secret hidden.</summary>
    public override string ToString() =>
        "Bitrix24ClientOptions { " + (WebhookUrl is null ? "OAuth = " + OAuth : "Webhook = " + (Bitrix24Webhook.TryParse(WebhookUrl, out var webhook) ? webhook!.ToString() : "(invalid)")) + " }";
}
