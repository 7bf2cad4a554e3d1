using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis.Tests;

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class TestJson : JsonSerializerContext
{
}

/// <summary>What the tests share: the emulator's application, a call through a connection.</summary>
internal static class Portals
{
    public static Bitrix24OAuthOptions OAuth(Bitrix24Emulator portal, IBitrix24RenewalLock? renewalLock = null) => new()
    {
        ClientId = portal.OAuthClientId,
        ClientSecret = portal.OAuthClientSecret,
        TokenEndpoint = portal.OAuthTokenUrl,
        RenewalLock = renewalLock,
    };

    public static Bitrix24OAuthTokens Tokens(Bitrix24Emulator portal)
    {
        var issued = portal.IssueTokens();
        return new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl, issued.ExpiresAt);
    }

    public static Bitrix24Portal Installed(Bitrix24Emulator portal, string memberId) =>
        new(memberId, portal.RestUrl.Authority, "app-" + memberId, Tokens(portal));

    /// <summary>A call any portal answers; null when it succeeded, else what went wrong.</summary>
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
}

/// <summary>
/// Another instance's view of a token store shared by all (as a database is): a store object of its own, so the
/// in-process single flight, which is per store object, does not join the instances' renewals.
/// </summary>
internal sealed class SharedTokenStore(IBitrix24TokenStore shared) : IBitrix24TokenStore
{
    public ValueTask<Bitrix24OAuthTokens> GetAsync(CancellationToken cancellationToken) => shared.GetAsync(cancellationToken);

    public ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken) => shared.SaveAsync(tokens, cancellationToken);

    public ValueTask<Bitrix24TokenSwap> SwapAsync(string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken) =>
        shared.SwapAsync(usedRefreshToken, renewed, cancellationToken);
}

/// <summary>Counts the requests to the token endpoint and answers them late, so that renewals overlap.</summary>
internal sealed class SlowTokenEndpoint(TokenRequests counter) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal))
        {
            counter.Add();
            await Task.Delay(300, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>How many requests reached the token endpoint.</summary>
internal sealed class TokenRequests
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>What an unreachable Redis looks like: a multiplexer for a port nothing listens on, which never connects.</summary>
internal static class ClosedRedis
{
    public const string Password = "hunter2-secret";

    public static async Task<ConnectionMultiplexer> ConnectAsync()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        return await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},password={Password},abortConnect=false,connectTimeout=200,asyncTimeout=500,connectRetry=0");
    }
}

/// <summary>Waits for what another connection or thread does.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; !await condition(); attempt++)
        {
            Assert.True(attempt < 1000, what + " did not happen within ten seconds.");
            await Task.Delay(10);
        }
    }
}
