using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>
/// <see cref="Bitrix24OAuthOptions.RenewalLock"/>: instances sharing a token store renew one at a time; the others
/// wait for the renewed tokens in the store.
/// </summary>
public class RenewalLockTests
{
    private static readonly JsonTypeInfo<JsonElement> Element =
        (JsonTypeInfo<JsonElement>)new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }.GetTypeInfo(typeof(JsonElement));

    [Fact]
    public async Task Instances_taking_the_lock_ask_the_token_endpoint_once_for_one_expiry()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var renewalLock = new MemoryLock();
        var requests = new Counter();
        var (one, two) = Instances(portal, requests, renewalLock, TimeSpan.FromSeconds(30));
        await CallAsync(one);
        await CallAsync(two);

        portal.ExpireAccessTokens();
        await Task.WhenAll(CallAsync(one), CallAsync(two), CallAsync(one), CallAsync(two));

        Assert.Equal(1, requests.Value);
        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Equal([portal.OAuthClientId + "@" + portal.RestUrl.Authority], renewalLock.Taken);
        Assert.Empty(renewalLock.Held);
    }

    [Fact]
    public async Task A_lock_held_by_an_instance_that_never_renews_is_waited_out_for_its_lease_then_renewed_here()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        var renewalLock = new MemoryLock();
        var requests = new Counter();
        var (one, _) = Instances(portal, requests, renewalLock, TimeSpan.FromMilliseconds(500));
        await CallAsync(one);
        var key = portal.OAuthClientId + "@" + portal.RestUrl.Authority;
        var crashed = await renewalLock.TryAcquireAsync(key, TimeSpan.FromMilliseconds(500), CancellationToken.None);
        Assert.NotNull(crashed);
        portal.ExpireAccessTokens();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The crashed holder's lock never expires here: the renewal goes ahead without it once the lease is over.
        await CallAsync(one);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), clock.Elapsed.ToString());
        Assert.Equal(1, requests.Value);
    }

    private static async Task CallAsync(Bitrix24Connection connection) =>
        Assert.Equal(JsonValueKind.Object, (await connection.CallAsync("calendar.settings.get", Element, CancellationToken.None)).Value.ValueKind);

    private static (Bitrix24Connection One, Bitrix24Connection Two) Instances(Bitrix24Emulator portal, Counter requests, IBitrix24RenewalLock renewalLock, TimeSpan lease)
    {
        var issued = portal.IssueTokens();
        var shared = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl, issued.ExpiresAt));
        Bitrix24Connection Instance()
        {
            var httpClient = new HttpClient(new SlowTokenEndpoint(requests));
            var oauth = new Bitrix24OAuthOptions { ClientId = portal.OAuthClientId, ClientSecret = portal.OAuthClientSecret, TokenEndpoint = portal.OAuthTokenUrl, RenewalLock = renewalLock, RenewalLockLease = lease };
            return new Bitrix24Connection(httpClient, new Bitrix24OAuth(oauth, new InstanceStore(shared), httpClient), new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null });
        }

        return (Instance(), Instance());
    }

    /// <summary>One instance's view of a store all share: a store object of its own, as in another process.</summary>
    private sealed class InstanceStore(IBitrix24TokenStore shared) : IBitrix24TokenStore
    {
        public ValueTask<Bitrix24OAuthTokens> GetAsync(CancellationToken cancellationToken) => shared.GetAsync(cancellationToken);

        public ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken) => shared.SaveAsync(tokens, cancellationToken);

        public ValueTask<Bitrix24TokenSwap> SwapAsync(string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken) =>
            shared.SwapAsync(usedRefreshToken, renewed, cancellationToken);
    }

    /// <summary>A lock without expiry: what it lends is held until disposed.</summary>
    private sealed class MemoryLock : IBitrix24RenewalLock
    {
        public ConcurrentDictionary<string, bool> Held { get; } = new();

        public ConcurrentQueue<string> Taken { get; } = new();

        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
        {
            if (!Held.TryAdd(key, true))
            {
                return new((IAsyncDisposable?)null);
            }

            Taken.Enqueue(key);
            return new(new Release(() => Held.TryRemove(key, out _)));
        }

        private sealed class Release(Action release) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                release();
                return default;
            }
        }
    }

    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add() => Interlocked.Increment(ref _value);
    }

    /// <summary>Counts the token requests and answers them late, so that renewals overlap.</summary>
    private sealed class SlowTokenEndpoint(Counter requests) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal))
            {
                requests.Add();
                await Task.Delay(300, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
