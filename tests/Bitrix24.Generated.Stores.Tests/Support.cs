using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Emulator.OAuth;

namespace Bitrix24.Generated.Stores.Tests;

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class TestJson : JsonSerializerContext
{
}

/// <summary>What the store tests share: a call through a connection, the emulator's application, tokens.</summary>
internal static class Portals
{
    public static Bitrix24OAuthOptions OAuth(Bitrix24Emulator portal) => new()
    {
        ClientId = portal.OAuthClientId,
        ClientSecret = portal.OAuthClientSecret,
        TokenEndpoint = portal.OAuthTokenUrl,
    };

    public static Bitrix24Portal Installed(Bitrix24Emulator portal, string memberId)
    {
        var issued = portal.IssueTokens();
        return new Bitrix24Portal(memberId, portal.RestUrl.Authority, "app-" + memberId, new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl, issued.ExpiresAt));
    }

    public static Bitrix24OAuthTokens Tokens(string name, Uri? endpoint = null, DateTimeOffset? expiresAt = null) =>
        new("access-" + name, "refresh-" + name, endpoint ?? new Uri("https://example.bitrix24.com/rest/"), expiresAt);

    /// <summary>A call any portal answers, with the calendar's settings.</summary>
    public static async Task<string?> CallAsync(Bitrix24Connection connection)
    {
        try
        {
            var response = await connection.CallAsync("calendar.settings.get", TestJson.Default.JsonElement, CancellationToken.None);
            return response.Value.ValueKind == JsonValueKind.Object ? null : "unexpected result " + response.Value;
        }
        catch (Bitrix24Exception exception)
        {
            return exception.Message;
        }
    }

    public static Bitrix24ConnectionOptions Unpaced() => new() { RateLimiter = null, Retry = null };
}

/// <summary>
/// Holds the requests to the token endpoint until <paramref name="expected"/> have arrived (or 10 seconds passed), then
/// lets them all go at once: renewals by several instances that all read the same refresh token.
/// </summary>
internal sealed class TokenRequestGate(int expected, Func<int, HttpResponseMessage?>? answer = null) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var arrived = Interlocked.Increment(ref _arrived);
        if (arrived >= expected)
        {
            _all.TrySetResult();
        }

        try
        {
            await _all.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
        }

        return answer?.Invoke(arrived) ?? await base.SendAsync(request, cancellationToken);
    }

    /// <summary>A token endpoint's answer with these tokens.</summary>
    public static HttpResponseMessage TokenAnswer(Bitrix24Tokens tokens) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(
            $$"""{"access_token":"{{tokens.AccessToken}}","refresh_token":"{{tokens.RefreshToken}}","expires":{{tokens.ExpiresAt.ToUnixTimeSeconds()}}}""",
            Encoding.UTF8,
            "application/json"),
    };
}
