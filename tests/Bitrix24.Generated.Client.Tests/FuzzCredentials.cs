using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// A connection whose secrets the fuzzing knows, so that it can look for them in every exception and log line: a
/// webhook, or an OAuth application whose token endpoint always renews to the same tokens.
/// </summary>
internal sealed class FuzzCredentials
{
    public const string WebhookSecret = "s3cr3tFuzzCode42";
    public const string WebhookUrl = "https://fuzz.example/rest/7/" + WebhookSecret + "/";
    public const string AccessToken = "tok3nFuzzAccess99";
    public const string RefreshToken = "r3freshFuzzToken77";
    public const string ClientSecret = "cl1entFuzzSecret55";
    public const string OAuthCallUrl = "https://fuzz.example/rest/calendar.settings.get?auth=" + AccessToken;

    /// <summary>The token endpoint's answer: the same tokens again, so the secrets looked for stay the same.</summary>
    public const string TokenAnswer = "{\"access_token\":\"" + AccessToken + "\",\"refresh_token\":\"" + RefreshToken + "\",\"client_endpoint\":\"https://fuzz.example/rest/\",\"expires_in\":3600}";

    public static readonly FuzzCredentials Webhook = new(isOAuth: false, [WebhookSecret]);
    public static readonly FuzzCredentials OAuth = new(isOAuth: true, [AccessToken, RefreshToken, ClientSecret]);

    private FuzzCredentials(bool isOAuth, string[] secrets)
    {
        IsOAuth = isOAuth;
        Secrets = secrets;
    }

    public bool IsOAuth { get; }

    /// <summary>What must never show in an exception or a log line of a call over this connection.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public Bitrix24Connection Connect(HttpClient http, ILogger logger)
    {
        var options = new Bitrix24ConnectionOptions { Retry = null, RateLimiter = null, Timeout = TimeSpan.FromSeconds(5) };
        Bitrix24Authentication authentication = IsOAuth
            ? new Bitrix24OAuth(
                new Bitrix24OAuthOptions { ClientId = "app.fuzz", ClientSecret = ClientSecret, TokenEndpoint = new Uri("https://oauth.fuzz.example/oauth/token/") },
                new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(AccessToken, RefreshToken, new Uri("https://fuzz.example/rest/"))),
                http)
            : Bitrix24Webhook.Parse(WebhookUrl);
        return new Bitrix24Connection(http, authentication, options, logger);
    }

    public override string ToString() => IsOAuth ? "OAuth" : "webhook";
}
