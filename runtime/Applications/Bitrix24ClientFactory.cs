using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated;

/// <summary>Gives the connection to each portal an application is installed on, by the portal's <c>member_id</c>.</summary>
public interface IBitrix24ClientFactory
{
    /// <summary>
    /// The connection to a portal: made on first use and kept, with its own token renewal (through the portal store)
    /// and its own rate limiter.
    /// </summary>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    /// <param name="cancellationToken">Cancels the look-up in the store.</param>
    /// <exception cref="Bitrix24PortalNotFoundException">No portal with this member id is in the store.</exception>
    ValueTask<Bitrix24Connection> ForPortalAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Drops the kept connection of a portal, e.g. after it uninstalled the application; returns whether one was kept.</summary>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    bool Forget(string memberId);
}

/// <summary>Gives a client of type <typeparamref name="TClient"/> (e.g. the generated <c>Bitrix24Client</c>) for each installed portal.</summary>
/// <typeparam name="TClient">The client made over a portal's connection.</typeparam>
public interface IBitrix24ClientFactory<TClient>
    where TClient : class
{
    /// <summary>The client of a portal, over the connection <see cref="IBitrix24ClientFactory.ForPortalAsync"/> gives.</summary>
    /// <param name="memberId">The portal's <c>member_id</c>.</param>
    /// <param name="cancellationToken">Cancels the look-up in the store.</param>
    /// <exception cref="Bitrix24PortalNotFoundException">No portal with this member id is in the store.</exception>
    ValueTask<TClient> ForPortalAsync(string memberId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The connections of an application to the portals in an <see cref="IBitrix24PortalStore"/>: one per portal, kept
/// once made, each renewing its own tokens and pacing its own calls.
/// </summary>
public sealed class Bitrix24ClientFactory : IBitrix24ClientFactory, IDisposable
{
    private readonly Bitrix24ApplicationOptions _options;
    private readonly IBitrix24PortalStore _store;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ConcurrentDictionary<string, Bitrix24Connection> _connections = new(StringComparer.Ordinal);

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The application's credentials and the connection settings.</param>
    /// <param name="store">The portals the application is installed on.</param>
    /// <param name="httpClient">The client for calls and renewals, shared by all portals; without one the factory makes its own (see <see cref="Bitrix24Connection.CreateHttpClient"/>) and disposes it.</param>
    /// <param name="loggerFactory">Where the connections log; secrets never are.</param>
    public Bitrix24ClientFactory(Bitrix24ApplicationOptions options, IBitrix24PortalStore store, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _httpClient = httpClient ?? Bitrix24Connection.CreateHttpClient();
        _ownsHttpClient = httpClient is null;
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc/>
    public ValueTask<Bitrix24Connection> ForPortalAsync(string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return _connections.TryGetValue(memberId, out var connection) ? new(connection) : new(ConnectAsync(memberId, cancellationToken));
    }

    /// <inheritdoc/>
    public bool Forget(string memberId)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        return _connections.TryRemove(memberId, out _);
    }

    /// <summary>Disposes the HttpClient if the factory made it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24ClientFactory { OAuth = " + _options.OAuth + ", Portals = " + _connections.Count + " }";

    private async Task<Bitrix24Connection> ConnectAsync(string memberId, CancellationToken cancellationToken)
    {
        var portal = await _store.GetAsync(memberId, cancellationToken).ConfigureAwait(false) ?? throw new Bitrix24PortalNotFoundException(memberId);
        return _connections.GetOrAdd(memberId, static (_, state) => state.Factory.Connect(state.Portal), (Factory: this, Portal: portal));
    }

    // A connection made by a lost race is never used and holds nothing to dispose.
    private Bitrix24Connection Connect(Bitrix24Portal portal)
    {
        var oauth = _options.TokenEndpoint is { } endpoint
            ? new Bitrix24OAuthOptions { ClientId = _options.OAuth.ClientId, ClientSecret = _options.OAuth.ClientSecret, TokenEndpoint = endpoint(portal), RenewalLock = _options.OAuth.RenewalLock, RenewalLockLease = _options.OAuth.RenewalLockLease }
            : _options.OAuth;
        var authentication = new Bitrix24OAuth(oauth, new Bitrix24PortalTokenStore(_store, portal.MemberId), _httpClient);
        var logger = _loggerFactory?.CreateLogger<Bitrix24Connection>();
        var limiter = _options.PortalRateLimiter is { } portalLimiter ? portalLimiter(portal) : PortalLimiter(_options.Connection);
        var budget = _options.PortalOperatingBudget is { } portalBudget ? portalBudget(portal) : PortalBudget(_options.Connection);
        return new Bitrix24Connection(_httpClient, authentication, PortalOptions(_options.Connection, limiter, budget), logger);
    }

    /// <summary>A copy of the template's bucket for one portal; a limiter of another type is shared as it is.</summary>
    internal static System.Threading.RateLimiting.RateLimiter? PortalLimiter(Bitrix24ConnectionOptions template) => template.RateLimiter switch
    {
        Bitrix24RateLimiter bucket => new Bitrix24RateLimiter(bucket.Burst, bucket.DrainPerSecond, template.TimeProvider) { SafetyMargin = bucket.SafetyMargin },
        var other => other,
    };

    /// <summary>A copy of the template's in-process budget for one portal; a budget of another type is shared as it is.</summary>
    internal static Bitrix24OperatingBudgetLimiter? PortalBudget(Bitrix24ConnectionOptions template) => template.OperatingBudget switch
    {
        Bitrix24OperatingBudget budget => new Bitrix24OperatingBudget(budget.Limit, template.TimeProvider),
        var other => other,
    };

    /// <summary>The template's settings with the portal's rate limiter and operating budget.</summary>
    internal static Bitrix24ConnectionOptions PortalOptions(Bitrix24ConnectionOptions template, System.Threading.RateLimiting.RateLimiter? limiter, Bitrix24OperatingBudgetLimiter? budget)
    {
        var options = new Bitrix24ConnectionOptions
        {
            Timeout = template.Timeout,
            Retry = template.Retry,
            Resilience = template.Resilience,
            TimeProvider = template.TimeProvider,
            AllowInsecureHttp = template.AllowInsecureHttp,
            MaxRedirects = template.MaxRedirects,
            UserAgent = template.UserAgent,
            RateLimiter = limiter,
            OperatingBudget = budget,
        };
        foreach (var host in template.AllowedPortalHosts)
        {
            options.AllowedPortalHosts.Add(host);
        }

        return options;
    }
}

/// <summary>Makes a <typeparamref name="TClient"/> over each portal's connection, once per connection.</summary>
/// <typeparam name="TClient">The client type.</typeparam>
public sealed class Bitrix24ClientFactory<TClient> : IBitrix24ClientFactory<TClient>
    where TClient : class
{
    private readonly IBitrix24ClientFactory _connections;
    private readonly Func<Bitrix24Connection, TClient> _createClient;
    private readonly ConcurrentDictionary<string, (Bitrix24Connection Connection, TClient Client)> _clients = new(StringComparer.Ordinal);

    /// <summary>Creates the factory.</summary>
    /// <param name="connections">Gives the portals' connections.</param>
    /// <param name="createClient">Makes a client over a connection, e.g. <c>connection =&gt; new Bitrix24Client(connection)</c>.</param>
    public Bitrix24ClientFactory(IBitrix24ClientFactory connections, Func<Bitrix24Connection, TClient> createClient)
    {
        _connections = connections ?? throw new ArgumentNullException(nameof(connections));
        _createClient = createClient ?? throw new ArgumentNullException(nameof(createClient));
    }

    /// <inheritdoc/>
    public async ValueTask<TClient> ForPortalAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var connection = await _connections.ForPortalAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (_clients.TryGetValue(memberId, out var known) && ReferenceEquals(known.Connection, connection))
        {
            return known.Client;
        }

        // A new portal, or one whose connection was forgotten and made anew.
        var client = _createClient(connection);
        _clients[memberId] = (connection, client);
        return client;
    }
}
