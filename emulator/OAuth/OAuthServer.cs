using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;

namespace Bitrix24.Emulator.OAuth;

/// <summary>A pair of tokens the emulator issued.</summary>
/// <param name="AccessToken">Sent as <c>auth</c> with each call.</param>
/// <param name="RefreshToken">Exchanged for new tokens at the token endpoint; works once.</param>
/// <param name="ExpiresAt">When the access token stops working.</param>
public sealed record Bitrix24Tokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// The OAuth side of the portal: access tokens that expire, refresh tokens that can be used once, and the
/// token endpoint's <c>refresh_token</c> grant.
/// </summary>
internal sealed class OAuthServer
{
    private readonly Dictionary<string, (int UserId, DateTimeOffset ExpiresAt)> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refresh = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private int _refreshCount;

    public OAuthServer(string clientId, string clientSecret, string memberId, TimeSpan lifetime, TimeProvider time)
    {
        ClientId = clientId;
        MemberId = memberId;
        ClientSecret = clientSecret;
        _lifetime = lifetime;
        _time = time;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>The portal's <c>member_id</c>, which the token answers carry.</summary>
    public string MemberId { get; }

    public int RefreshCount => Volatile.Read(ref _refreshCount);

    public Bitrix24Tokens Issue(int userId)
    {
        lock (_access)
        {
            var tokens = new Bitrix24Tokens(NewToken(), NewToken(), _time.GetUtcNow() + _lifetime);
            _access[tokens.AccessToken] = (userId, tokens.ExpiresAt);
            _refresh[tokens.RefreshToken] = userId;
            return tokens;
        }
    }

    /// <summary>Ends every access token now, as an hour passing would.</summary>
    public void ExpireAll()
    {
        lock (_access)
        {
            var now = _time.GetUtcNow();
            foreach (var token in new List<string>(_access.Keys))
            {
                _access[token] = (_access[token].UserId, now);
            }
        }
    }

    /// <summary>Ends every token, access and refresh, as removing the application does.</summary>
    public void RevokeAll()
    {
        lock (_access)
        {
            _access.Clear();
            _refresh.Clear();
        }
    }

    /// <summary>Checks an access token: the user it belongs to, or the error code to answer with.</summary>
    public (int UserId, string? Error) Authenticate(string token)
    {
        lock (_access)
        {
            if (!_access.TryGetValue(token, out var entry))
            {
                return (0, "NO_AUTH_FOUND");
            }

            return entry.ExpiresAt <= _time.GetUtcNow() ? (0, "expired_token") : (entry.UserId, null);
        }
    }

    /// <summary>The token endpoint: returns the status and JSON body to answer with.</summary>
    public (int Status, JsonObject Body) Grant(IReadOnlyDictionary<string, string> parameters, Uri portal)
    {
        string Get(string name) => parameters.TryGetValue(name, out var value) ? value : string.Empty;

        if (Get("grant_type") != "refresh_token")
        {
            return (400, Error("unsupported_grant_type", "Only the refresh_token grant is emulated"));
        }

        if (Get("client_id") != ClientId || !FixedTimeEquals(Get("client_secret"), ClientSecret))
        {
            return (401, Error("invalid_client", "Invalid client credentials"));
        }

        int userId;
        lock (_access)
        {
            // A refresh token works once: the answer carries its replacement.
            if (!_refresh.Remove(Get("refresh_token"), out userId))
            {
                return (400, Error("invalid_grant", "Invalid or used refresh token"));
            }
        }

        Interlocked.Increment(ref _refreshCount);
        var tokens = Issue(userId);
        return (200, new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["expires"] = tokens.ExpiresAt.ToUnixTimeSeconds(),
            ["expires_in"] = (int)_lifetime.TotalSeconds,
            ["scope"] = "calendar",
            ["domain"] = portal.Authority,
            ["server_endpoint"] = new Uri(portal, "rest/").ToString(),
            ["status"] = "L",
            ["client_endpoint"] = new Uri(portal, "rest/").ToString(),
            ["member_id"] = MemberId,
            ["user_id"] = userId.ToString(CultureInfo.InvariantCulture),
            ["refresh_token"] = tokens.RefreshToken,
        });
    }

    private static JsonObject Error(string code, string description) => new() { ["error"] = code, ["error_description"] = description };

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(left), System.Text.Encoding.UTF8.GetBytes(right));
}
