using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator.Dispatch;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Handlers;
using Bitrix24.Emulator.Handlers.Calendar;
using Bitrix24.Emulator.Limits;
using Bitrix24.Emulator.OAuth;
using Bitrix24.Emulator.Requests;
using Bitrix24.Emulator.Specs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Emulator;

/// <summary>
/// A local Bitrix24 portal on 127.0.0.1 for tests and samples: webhook authentication, the real
/// response envelope, and per-method handlers that keep state where the portal does.
/// </summary>
public sealed class Bitrix24Emulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Bitrix24EmulatorOptions _options;
    private readonly string _secret;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly FaultInjector _faults = new();
    private readonly MethodDispatcher _dispatcher;
    private readonly BatchExecutor _batch;
    private readonly OAuthServer _oauth;
    private readonly SpecCatalog _specs;

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
            options.AccessTokenLifetime,
            options.TimeProvider);
        var context = new EmulatorContext(specs, options.TimeProvider, options.DateFormat);
        foreach (var module in Modules())
        {
            module.Register(Methods, context);
        }
    }

    /// <summary>The scopes answered by handlers; a new scope is a module and one line here.</summary>
    private static IEmulatorModule[] Modules() => new IEmulatorModule[]
    {
        new CalendarModule(),
    };

    /// <summary>The methods this portal answers; add handlers to answer more.</summary>
    public MethodRegistry Methods { get; } = new();

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:5024/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The incoming webhook to call the portal with: <c>http://127.0.0.1:port/rest/{user}/{secret}/</c>.</summary>
    public Uri WebhookUrl => new(BaseAddress, "rest/" + _options.UserId + "/" + _secret + "/");

    /// <summary>The REST address OAuth calls go to: <c>http://127.0.0.1:port/rest/</c> + method, with <c>auth</c>.</summary>
    public Uri RestUrl => new(BaseAddress, "rest/");

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

    /// <summary>With <see cref="Bitrix24EmulatorOptions.UseHttps"/>, the self-signed certificate served; trust exactly this one.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; private init; }

    /// <summary>The methods the loaded specs describe.</summary>
    public IReadOnlyCollection<string> SpecifiedMethods => _specs.MethodNames;

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

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
        app.Map("/rest/{userId}/{code}/{method}", emulator.HandleAsync);
        app.Map("/rest/{method}", emulator.HandleAsync);
        app.Map("/oauth/token/", emulator.HandleTokenAsync);

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
        Certificate?.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = _options.TimeProvider.GetUtcNow();
        var routeMethod = (string)context.Request.RouteValues["method"]!;
        var method = (routeMethod.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? routeMethod[..^5] : routeMethod).ToLowerInvariant();

        context.Request.EnableBuffering();
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (_faults.TryRedirect(context))
        {
            _requests.Enqueue(new RecordedRequest(context.Request.Method, method, 0, context.Request.ContentType, string.Empty, false));
            return;
        }

        JsonObject? parameters;
        try
        {
            parameters = await ReadParametersAsync(context.Request, body).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            parameters = null;
        }

        var (userId, authError, token) = Authenticate(context, parameters);
        parameters?.Remove("auth");
        // Recorded requests never keep a secret: the token in a body or query is masked.
        var recordedBody = token is null ? body : body.Replace(token, "***", StringComparison.Ordinal);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, method, userId, context.Request.ContentType, recordedBody, authError is null));

        if (await _faults.TryPlayFaultAsync(context, method).ConfigureAwait(false))
        {
            return;
        }

        if (authError is not null)
        {
            var description = authError == "expired_token" ? "The access token provided has expired." : "Wrong authorization data";
            await EnvelopeWriter.WriteAsync(context, 401, EnvelopeWriter.Error(authError, description)).ConfigureAwait(false);
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

        if (parameters is null)
        {
            await EnvelopeWriter.WriteAsync(context, 400, EnvelopeWriter.Error("INVALID_REQUEST", "The request body is not valid JSON")).ConfigureAwait(false);
            return;
        }

        var outcome = method == "batch"
            ? _batch.Execute(userId, parameters, started)
            : _dispatcher.Execute(method, userId, parameters);
        await EnvelopeWriter.WriteAsync(context, outcome.Status, outcome.ToEnvelope(started, _options.TimeProvider.GetUtcNow() - started)).ConfigureAwait(false);
    }

    /// <summary>A webhook path (<c>/rest/{user}/{code}/…</c>) or an OAuth token in <c>auth</c>.</summary>
    private (int UserId, string? Error, string? Token) Authenticate(HttpContext context, JsonObject? parameters)
    {
        var route = context.Request.RouteValues;
        if (route.TryGetValue("code", out var codeValue))
        {
            var userId = int.TryParse((string?)route["userId"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var authorized = userId == _options.UserId &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes((string)codeValue!), Encoding.UTF8.GetBytes(_secret));
            return (userId, authorized ? null : "NO_AUTH_FOUND", null);
        }

        var token = parameters?["auth"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrEmpty(token))
        {
            return (0, "NO_AUTH_FOUND", null);
        }

        var (user, error) = _oauth.Authenticate(token);
        return (user, error, token);
    }

    private async Task HandleTokenAsync(HttpContext context)
    {
        var fields = context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            foreach (var pair in await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))
            {
                fields[pair.Key] = pair.Value.ToString();
            }
        }

        _requests.Enqueue(new RecordedRequest(context.Request.Method, "oauth/token", 0, context.Request.ContentType, "grant_type=" + (fields.TryGetValue("grant_type", out var grant) ? grant : string.Empty), true));
        var (status, body) = _oauth.Grant(fields, BaseAddress);
        await EnvelopeWriter.WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return request.QueryString.Value?.TrimStart('?') ?? string.Empty;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        request.Body.Position = 0;
        return body;
    }

    // A portal reads parameters from the query string and the body alike, in whichever form they come.
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request, string body)
    {
        var fields = request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));
        if (HttpMethods.IsGet(request.Method))
        {
            return PhpFormDecoder.Decode(fields);
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var formFields = form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));
            return PhpFormDecoder.Decode(fields.Concat(formFields));
        }

        var parameters = PhpFormDecoder.Decode(fields);
        if (!string.IsNullOrWhiteSpace(body))
        {
            var json = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("The body is not a JSON object.");
            foreach (var (key, value) in json.ToList())
            {
                json.Remove(key);
                parameters[key] = value;
            }
        }

        return parameters;
    }
}
