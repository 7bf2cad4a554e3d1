using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// A cloud portal and Bitrix24's token endpoint in one handler: the portal accepts only the current access token,
/// the endpoint renews with the current refresh token once (a used one gets <c>invalid_grant</c>).
/// </summary>
internal sealed class FakeOAuthPortal : HttpMessageHandler
{
    public const string ClientId = "app.12345";
    public const string ClientSecret = "client-secret-5f2a9c";
    public const string FirstAccessToken = "access-token-0-7d1e";
    public const string FirstRefreshToken = "refresh-token-0-b3c8";
    public static readonly Uri TokenEndpoint = new("https://oauth.bitrix.info/oauth/token/");
    public static readonly Uri RestUrl = new("https://portal.bitrix24.com/rest/");

    private readonly object _gate = new();
    private readonly HashSet<string> _issued = [FirstAccessToken];
    private string _access = FirstAccessToken;
    private string _refresh = FirstRefreshToken;
    private bool _expired;
    private int _accepted;

    /// <summary>Every request, in the order they came.</summary>
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    /// <summary>How many renewals the token endpoint granted.</summary>
    public int Renewals { get; private set; }

    /// <summary>Replaces the token endpoint's answer, e.g. with a broken one.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? TokenAnswer { get; set; }

    /// <summary>
    /// Holds the first refusals of an expired token until this many were made, so that that many calls are in
    /// flight on the same expiry.
    /// </summary>
    public int HoldExpiredUntil { get; set; }

    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _refused;

    /// <summary>Called with the number of calls the current token was accepted for, after each.</summary>
    public Action<int>? Accepted { get; set; }

    /// <summary>Ends the current access token, as its hour passing would.</summary>
    public void Expire()
    {
        lock (_gate)
        {
            _expired = true;
        }
    }

    public static Bitrix24OAuthOptions Options() => new() { ClientId = ClientId, ClientSecret = ClientSecret, TokenEndpoint = TokenEndpoint };

    public static InMemoryBitrix24TokenStore Store() => new(new Bitrix24OAuthTokens(FirstAccessToken, FirstRefreshToken, RestUrl));

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        await Task.Yield();
        var uri = request.RequestUri!;
        if (uri.Host == TokenEndpoint.Host)
        {
            return TokenAnswer is { } answer ? await answer(request, cancellationToken) : Renew(uri);
        }

        var token = Uri.UnescapeDataString(uri.Query.Replace("?auth=", string.Empty, StringComparison.Ordinal));
        int accepted;
        lock (_gate)
        {
            // A token renewed since was expired when it was renewed.
            if (token != _access || _expired)
            {
                if (!_issued.Contains(token))
                {
                    return Json(HttpStatusCode.Unauthorized, """{"error":"invalid_token","error_description":"The access token provided is invalid."}""");
                }

                accepted = -1;
            }
            else
            {
                accepted = ++_accepted;
            }
        }

        if (accepted < 0)
        {
            if (Interlocked.Increment(ref _refused) <= HoldExpiredUntil)
            {
                if (_refused >= HoldExpiredUntil)
                {
                    _held.TrySetResult();
                }

                await _held.Task.WaitAsync(cancellationToken);
            }

            return Json(HttpStatusCode.Unauthorized, """{"error":"expired_token","error_description":"The access token provided has expired."}""");
        }

        Accepted?.Invoke(accepted);
        return Json(HttpStatusCode.OK, """{"result":true}""");
    }

    private HttpResponseMessage Renew(Uri uri)
    {
        lock (_gate)
        {
            if (!uri.Query.Contains("client_secret=" + ClientSecret, StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"Invalid client credentials"}""");
            }

            if (!uri.Query.Contains("refresh_token=" + _refresh, StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Invalid or used refresh token"}""");
            }

            Renewals++;
            _access = "access-token-" + Renewals + "-7d1e";
            _refresh = "refresh-token-" + Renewals + "-b3c8";
            _issued.Add(_access);
            _expired = false;
            _accepted = 0;
            return Json(HttpStatusCode.OK, $$"""{"access_token":"{{_access}}","expires":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}},"expires_in":3600,"client_endpoint":"{{RestUrl}}","server_endpoint":"https://oauth.bitrix.info/rest/","refresh_token":"{{_refresh}}","status":"L"}""");
        }
    }
}
