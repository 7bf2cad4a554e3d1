using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.OAuth;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Requests;

/// <summary>Who sent a request, or why it is refused.</summary>
/// <param name="UserId">The user calling; 0 when no user could be told.</param>
/// <param name="Error">The error code to refuse the call with, or null when it is authorized.</param>
/// <param name="Token">The OAuth token the request carried, which must not be recorded.</param>
internal sealed record Caller(int UserId, string? Error, string? Token)
{
    /// <summary>The description a portal sends with <see cref="Error"/>.</summary>
    public string ErrorDescription => Error == "expired_token" ? "The access token provided has expired." : "Wrong authorization data";
}

/// <summary>Authenticates a REST request by its webhook path (<c>/rest/{user}/{code}/…</c>) or by an OAuth token in <c>auth</c>.</summary>
internal sealed class Authenticator
{
    private readonly int _userId;
    private readonly byte[] _secret;
    private readonly OAuthServer _oauth;

    public Authenticator(int userId, string secret, OAuthServer oauth)
    {
        _userId = userId;
        _secret = Encoding.UTF8.GetBytes(secret);
        _oauth = oauth;
    }

    public Caller Authenticate(HttpRequest request, JsonObject? parameters)
    {
        var route = request.RouteValues;
        if (route.TryGetValue("code", out var codeValue))
        {
            var userId = int.TryParse((string?)route["userId"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var authorized = userId == _userId &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes((string)codeValue!), _secret);
            return new Caller(userId, authorized ? null : "NO_AUTH_FOUND", null);
        }

        var token = parameters?["auth"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrEmpty(token))
        {
            return new Caller(0, "NO_AUTH_FOUND", null);
        }

        var (user, error) = _oauth.Authenticate(token);
        return new Caller(user, error, token);
    }
}
