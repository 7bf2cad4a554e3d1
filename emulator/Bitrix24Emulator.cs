using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator.Dispatch;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Handlers;
using Bitrix24.Emulator.Handlers.Calendar;
using Bitrix24.Emulator.Handlers.Entities;
using Bitrix24.Emulator.Hosting;
using Bitrix24.Emulator.OAuth;
using Bitrix24.Emulator.Requests;
using Bitrix24.Emulator.Rest3;
using Bitrix24.Emulator.Specs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitrix24.Emulator;

/// <summary>
/// A local Bitrix24 portal on 127.0.0.1 for tests and samples: webhook authentication, the real
/// response envelope, and per-method handlers that keep state where the portal does.
/// </summary>
public sealed class Bitrix24Emulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
    private readonly WebApplication _app;
    private readonly Bitrix24EmulatorOptions _options;
    private readonly string _secret;
    private readonly RequestReader _reader;
    private readonly FaultInjector _faults = new();
    private readonly MethodDispatcher _dispatcher;
    private readonly BatchExecutor _batch;
    private readonly OAuthServer _oauth;
    private readonly SpecCatalog _specs;
    private readonly Rest3Endpoint _rest3;
    private readonly PortalEvents _events;
    private readonly ApplicationInstaller _installer;

    private Bitrix24Emulator(WebApplication app, Bitrix24EmulatorOptions options, string secret, SpecCatalog specs)
    {
        _specs = specs;
        _app = app;
        _options = options;
        _secret = secret;
        _dispatcher = new MethodDispatcher(Methods, specs, options);
        _batch = new BatchExecutor(_dispatcher);
        _oauth = new OAuthServer(
            options.OAuthClientId,
            options.OAuthClientSecret ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            options.MemberId ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            options.AccessTokenLifetime,
            options.TimeProvider);
        var payloads = new EventPayloads(
            _oauth.MemberId,
            options.ApplicationToken ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            () => BaseAddress,
            options.TimeProvider);
        _events = new PortalEvents(specs, payloads, _oauth.Issue, options.UserId, options.TimeProvider);
        _installer = new ApplicationInstaller(_events, _oauth, options.UserId);
        _dispatcher.Handled = _events.AfterCall;
        _reader = new RequestReader(new Authenticator(options.UserId, secret, _oauth), options.TimeProvider);
        _rest3 = new Rest3Endpoint(_reader, _faults, _dispatcher, options.TimeProvider);
        var context = new EmulatorContext(specs, options.TimeProvider, options.DateFormat, options.UserId);
        foreach (var module in Modules(options, _events))
        {
            module.Register(Methods, context);
        }
    }

    /// <summary>
    /// The scopes answered by handlers, in order: a module answers only methods no earlier one does. A new scope is a
    /// module and one line here.
    /// </summary>
    private static IEnumerable<IEmulatorModule> Modules(Bitrix24EmulatorOptions options, PortalEvents events)
    {
        yield return new EventModule(events);
        yield return new CalendarModule();
        if (options.KeepEntities)
        {
            yield return new EntityModule();
        }
    }

    /// <summary>The methods this portal answers; add handlers to answer more.</summary>
    public MethodRegistry Methods { get; } = new();

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:5024/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The incoming webhook to call the portal with: <c>http://127.0.0.1:port/rest/{user}/{secret}/</c>.</summary>
    public Uri WebhookUrl => new(BaseAddress, "rest/" + _options.UserId + "/" + _secret + "/");

    /// <summary>The REST address OAuth calls go to: <c>http://127.0.0.1:port/rest/</c> + method, with <c>auth</c>.</summary>
    public Uri RestUrl => new(BaseAddress, "rest/");

    /// <summary>The incoming webhook at the REST 3.0 address: <c>http://127.0.0.1:port/rest/api/{user}/{secret}/</c>.</summary>
    public Uri Rest3WebhookUrl => new(BaseAddress, "rest/api/" + _options.UserId + "/" + _secret + "/");

    /// <summary>The REST 3.0 address OAuth calls go to: <c>http://127.0.0.1:port/rest/api/</c> + method, with <c>auth</c> in the body.</summary>
    public Uri Rest3Url => new(BaseAddress, "rest/api/");

    /// <summary>The token endpoint, answering the <c>refresh_token</c> grant.</summary>
    public Uri OAuthTokenUrl => new(BaseAddress, "oauth/token/");

    /// <summary>The OAuth application's client id.</summary>
    public string OAuthClientId => _oauth.ClientId;

    /// <summary>The OAuth application's client secret.</summary>
    public string OAuthClientSecret => _oauth.ClientSecret;

    /// <summary>How many times the token endpoint has handed out new tokens.</summary>
    public int TokenRefreshCount => _oauth.RefreshCount;

    /// <summary>Issues tokens for a user, as installing the application would.</summary>
    /// <param name="userId">The user; the webhook's user when null.</param>
    public Bitrix24Tokens IssueTokens(int? userId = null) => _oauth.Issue(userId ?? _options.UserId);

    /// <summary>Makes every access token expired now; calls then get <c>expired_token</c> until refreshed.</summary>
    public void ExpireAccessTokens() => _oauth.ExpireAll();

    /// <summary>The portal's <c>member_id</c> (<see cref="Bitrix24EmulatorOptions.MemberId"/>), as token answers and events carry it.</summary>
    public string MemberId => _events.Payloads.MemberId;

    /// <summary>
    /// The <c>application_token</c> every event post and the install carry (<see cref="Bitrix24EmulatorOptions.ApplicationToken"/>),
    /// for handlers to check that a post comes from the portal.
    /// </summary>
    public string ApplicationToken => _events.Payloads.ApplicationToken;

    /// <summary>
    /// Raises an event as the portal does when something changes: every online binding of it (<c>event.bind</c>)
    /// gets a post in the background, every offline one a record in the offline queue. Calls that write (calendar
    /// events and sections, deals) raise theirs by themselves.
    /// </summary>
    /// <param name="eventName">The event, e.g. <c>ONCRMDEALUPDATE</c>.</param>
    /// <param name="data">Its <c>data</c>, e.g. <c>{"FIELDS":{"ID":"5"}}</c>.</param>
    /// <param name="userId">The user who caused it, whose tokens handlers bound without <c>auth_type</c> get; the webhook's user when null.</param>
    public void RaiseEvent(string eventName, JsonObject data, int? userId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(data);
        _events.Raise(eventName, data, userId ?? _options.UserId);
    }

    /// <summary>The posts of events to handlers so far (and of the install), oldest first.</summary>
    public IReadOnlyList<EventDelivery> EventDeliveries => _events.Delivery.Deliveries;

    /// <summary>Completes when every event raised so far has been posted: nothing queued, nothing in flight.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForEventDeliveriesAsync(CancellationToken cancellationToken = default) => _events.Delivery.WaitForIdleAsync(cancellationToken);

    /// <summary>
    /// Installs the application as a portal does for a local application that uses the API only: issues tokens,
    /// posts the install form to <paramref name="installUrl"/> (<c>DOMAIN</c>, <c>PROTOCOL</c>, <c>LANG</c>,
    /// <c>APP_SID</c> in the query; <c>AUTH_ID</c>, <c>AUTH_EXPIRES</c>, <c>REFRESH_ID</c>, <c>member_id</c>,
    /// <c>APPLICATION_TOKEN</c>, <c>status</c>, <c>PLACEMENT</c>… in the body), then posts <c>ONAPPINSTALL</c> with the
    /// same tokens there.
    /// </summary>
    /// <param name="installUrl">The application's install handler.</param>
    /// <param name="cancellationToken">Cancels the posts.</param>
    public Task<ApplicationInstallResult> InstallApplicationAsync(Uri installUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installUrl);
        return _installer.InstallAsync(installUrl, cancellationToken);
    }

    /// <summary>
    /// Removes the application: posts <c>ONAPPUNINSTALL</c> (without tokens) to its bindings of it and waits for the
    /// posts, then drops every binding and the offline queue and makes every token invalid.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the posts.</param>
    public Task UninstallApplicationAsync(CancellationToken cancellationToken = default) => _installer.UninstallAsync(cancellationToken);

    /// <summary>
    /// Puts an event in the offline queue, as the portal does for an application's offline binding: the application
    /// then takes it with <c>event.offline.get</c>. A waiting record of the same event and data is refreshed instead
    /// of added twice, as the portal keeps one record per changed object.
    /// </summary>
    /// <param name="eventName">The event, e.g. <c>ONCRMDEALUPDATE</c>.</param>
    /// <param name="data">What it carries, e.g. <c>{"FIELDS":{"ID":"5"}}</c>.</param>
    /// <param name="authConnector">The source key of the queue (<c>auth_connector</c>), or null for the application's own.</param>
    /// <returns>The record as queued.</returns>
    public OfflineEventRecord RaiseOfflineEvent(string eventName, JsonObject data, string? authConnector = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ArgumentNullException.ThrowIfNull(data);
        return _events.Offline.Add(eventName, data, connector: authConnector);
    }

    /// <summary>How many records the offline queue holds, reserved and failed ones included.</summary>
    public int OfflineEventCount => _events.Offline.Count;

    /// <summary>The offline queue's records now, oldest first.</summary>
    public IReadOnlyList<OfflineEventRecord> OfflineEvents => _events.Offline.Snapshot();

    /// <summary>With <see cref="Bitrix24EmulatorOptions.UseHttps"/>, the self-signed certificate served; trust exactly this one.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; private init; }

    /// <summary>The methods the loaded specs describe.</summary>
    public IReadOnlyCollection<string> SpecifiedMethods => _specs.MethodNames;

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _reader.Recorded;

    /// <summary>How many requests the request-rate limit refused with <c>QUERY_LIMIT_EXCEEDED</c> so far.</summary>
    public int RefusedRequestCount => _dispatcher.RefusedRequestCount;

    /// <summary>
    /// Makes every call of <paramref name="method"/> count as having worked for <paramref name="cost"/> against
    /// the operating-time limit, instead of the few microseconds the emulator really takes.
    /// </summary>
    /// <param name="method">The method name.</param>
    /// <param name="cost">The working time each call is charged.</param>
    public void SetOperatingCost(string method, TimeSpan cost) => _dispatcher.SetOperatingCost(method, cost);

    /// <summary>
    /// Makes the portal answer every REST call with a redirect to the same path at <paramref name="newAddress"/>,
    /// as a portal does after its domain changed.
    /// </summary>
    /// <param name="newAddress">The portal's new address, e.g. another emulator's <see cref="BaseAddress"/>.</param>
    public void MoveTo(Uri newAddress) => _faults.MoveTo(newAddress ?? throw new ArgumentNullException(nameof(newAddress)));

    /// <summary>Makes the next <paramref name="count"/> matching calls fail as <paramref name="fault"/> says.</summary>
    /// <param name="fault">The fault, optionally limited to one method.</param>
    /// <param name="count">How many calls it hits.</param>
    public void InjectFault(Bitrix24Fault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _faults.Inject(fault, count);
    }

    /// <summary>
    /// Makes the next call of <paramref name="method"/> answer exactly this, whatever its handler would say:
    /// for replaying a documented response or a broken one (an HTML error page, cut-off JSON).
    /// </summary>
    /// <param name="method">The method name.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body, sent as is.</param>
    /// <param name="contentType">The content type.</param>
    public void AnswerNext(string method, int status, string body, string contentType = "application/json; charset=utf-8") =>
        _faults.AnswerNext(method, status, body, contentType);

    /// <summary>Starts a portal and returns once it accepts connections.</summary>
    /// <param name="options">Port, user and secret; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<Bitrix24Emulator> StartAsync(Bitrix24EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new Bitrix24EmulatorOptions();
        var specs = SpecCatalog.Load(options.SpecPaths.ToList(), options.IncludeShippedSpecs);
        var secret = options.WebhookSecret ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Stopping waits this long for calls in flight, then cuts them: a hung client must not keep the portal up.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownGrace);
        var certificate = options.UseHttps ? DevelopmentCertificate.Create() : null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var emulator = new Bitrix24Emulator(app, options, secret, specs) { Certificate = certificate };
        var boundary = new FailureBoundary((options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<Bitrix24Emulator>());
        app.Use(boundary.InvokeAsync);
        app.Map("/rest/api/{userId}/{code}/{method}", emulator._rest3.HandleAsync);
        app.Map("/rest/api/{method}", emulator._rest3.HandleAsync);
        app.Map("/rest/{userId}/{code}/{method}", emulator.HandleAsync);
        app.Map("/rest/{method}", emulator.HandleAsync);
        app.Map("/oauth/token/", emulator.HandleTokenAsync);
        app.MapFallback("{**path}", OffRouteAnswers.AnswerUnknownPathAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : null;
        emulator.BaseAddress = new Uri((address ?? "http://127.0.0.1:" + options.Port).TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        Certificate?.Dispose();
    }

    // In this order: a moved portal only redirects; a fault hits authorized and unauthorized calls alike; a canned
    // answer stands in for the handler; the rate limit counts only the calls that get that far.
    private async Task HandleAsync(HttpContext context)
    {
        if (await OffRouteAnswers.TryRefuseVerbAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var started = _options.TimeProvider.GetUtcNow();
        var method = RequestReader.MethodName(context.Request);
        var body = await RequestReader.ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (_faults.TryRedirect(context))
        {
            _reader.RecordUnread(context.Request, method);
            return;
        }

        var request = await _reader.ReadAsync(context.Request, method, body).ConfigureAwait(false);
        if (await _faults.TryPlayFaultAsync(context, method).ConfigureAwait(false))
        {
            return;
        }

        if (request.Caller.Error is { } authError)
        {
            await EnvelopeWriter.WriteAsync(context, 401, EnvelopeWriter.Error(authError, request.Caller.ErrorDescription)).ConfigureAwait(false);
            return;
        }

        if (await _faults.TryAnswerCannedAsync(context, method).ConfigureAwait(false))
        {
            return;
        }

        if (!_dispatcher.TryTakeRequest())
        {
            await EnvelopeWriter.WriteAsync(context, 503, EnvelopeWriter.Error("QUERY_LIMIT_EXCEEDED", "Too many requests")).ConfigureAwait(false);
            return;
        }

        var outcome = method == "batch"
            ? _batch.Execute(request.Caller, request.Parameters, started)
            : _dispatcher.Execute(method, request.Caller, request.Parameters);
        if (FaultInjector.TryDropAnswer(context))
        {
            return;
        }

        await EnvelopeWriter.WriteAsync(context, outcome.Status, outcome.ToEnvelope(started, _options.TimeProvider.GetUtcNow() - started)).ConfigureAwait(false);
    }

    private async Task HandleTokenAsync(HttpContext context)
    {
        if (await OffRouteAnswers.TryRefuseVerbAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var fields = await _reader.ReadTokenRequestAsync(context).ConfigureAwait(false);
        var (status, body) = _oauth.Grant(fields, BaseAddress);
        await EnvelopeWriter.WriteAsync(context, status, body).ConfigureAwait(false);
    }
}
