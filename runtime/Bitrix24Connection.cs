using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Envelope;
using Bitrix24.Generated.Serialization;
using Bitrix24.Generated.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Bitrix24.Generated;

/// <summary>
/// Sends REST calls to one portal, through an incoming webhook or as an OAuth application, and reads the
/// envelope of each answer. Generated clients call <see cref="CallAsync{TRequest, TResult}(Bitrix24Method{TResult}, TRequest, CancellationToken)"/>;
/// it is thread-safe. Bodies go through pooled buffers, so a call allocates little beyond its result.
/// </summary>
public sealed class Bitrix24Connection : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly Bitrix24Authentication _authentication;
    private readonly Bitrix24ConnectionOptions _options;
    private readonly bool _ownsHttpClient;
    private readonly ILogger _logger;
    private readonly Func<string, string> _redact;
    private readonly CallTimeouts _timeouts = new();
    private readonly ResiliencePipeline _pipeline = ResiliencePipeline.Empty;

    // When each method's operating-time budget next frees up, from the time block of its last answer.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _operatingResets = new(StringComparer.OrdinalIgnoreCase);

    // A call renews the token it was sent with, and once more should the renewed one expire while the call was in
    // flight: each expiry is renewed once, by the first call to meet it. A portal refusing every fresh token does
    // not make a call loop.
    private const int MaxRenewalsPerCall = 2;

    // Where calls may go when the portal names a new address, and which redirects are followed.
    private readonly PortalHosts _hosts = null!;
    private readonly PortalMovePolicy _moves = null!;

    // Where the portal moved to, after it answered with a redirect: later calls go there directly.
    private volatile PortalMove? _moved;

    // Set on the connection a batch hands out: calls are collected instead of sent.
    private readonly Batch.BatchCollector? _collector;

    /// <summary>Creates a connection over an HttpClient the caller owns.</summary>
    /// <param name="httpClient">The client to send through.</param>
    /// <param name="authentication">A <see cref="Bitrix24Webhook"/> or a <see cref="Bitrix24OAuth"/>.</param>
    /// <param name="options">Timeout, retries, rate limit, User-Agent.</param>
    /// <param name="logger">Where calls, retries and renewals are logged; secrets never are.</param>
    public Bitrix24Connection(HttpClient httpClient, Bitrix24Authentication authentication, Bitrix24ConnectionOptions? options = null, ILogger? logger = null)
        : this(httpClient, authentication, options, ownsHttpClient: false, logger)
    {
    }

    private Bitrix24Connection(HttpClient httpClient, Bitrix24Authentication authentication, Bitrix24ConnectionOptions? options, bool ownsHttpClient, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        _options = options ?? new Bitrix24ConnectionOptions();
        _ownsHttpClient = ownsHttpClient;
        _redact = _authentication.Redact;
        _hosts = new PortalHosts(_options.AllowedPortalHosts);
        _moves = new PortalMovePolicy(_hosts, _options.MaxRedirects, _redact);
        _pipeline = _options.Resilience ?? Bitrix24Resilience.Default(_options.Retry, _options.TimeProvider);
    }

    private Bitrix24Connection(Batch.BatchCollector collector)
    {
        _httpClient = null!;
        _authentication = null!;
        _logger = NullLogger.Instance;
        _options = new Bitrix24ConnectionOptions();
        _redact = static text => text;
        _collector = collector;
    }

    /// <summary>How the calls authenticate: a <see cref="Bitrix24Webhook"/> or a <see cref="Bitrix24OAuth"/>.</summary>
    public Bitrix24Authentication Authentication => _authentication;

    /// <summary>
    /// Creates a connection from a webhook URL such as <c>https://portal.bitrix24.com/rest/1/abc123/</c>.
    /// Without <paramref name="httpClient"/> it creates one and disposes it with the connection.
    /// </summary>
    public static Bitrix24Connection FromWebhook(string webhookUrl, HttpClient? httpClient = null)
    {
        var webhook = Bitrix24Webhook.Parse(webhookUrl);
        return httpClient is null
            ? new Bitrix24Connection(CreateHttpClient(), webhook, null, ownsHttpClient: true)
            : new Bitrix24Connection(httpClient, webhook, null, ownsHttpClient: false);
    }

    /// <summary>Creates a connection for an OAuth application whose tokens live in <paramref name="store"/>.</summary>
    /// <param name="options">The application's credentials and token endpoint.</param>
    /// <param name="store">Where the tokens are kept; renewed tokens are saved there.</param>
    /// <param name="httpClient">The client for calls and renewals; without one the connection creates and disposes its own.</param>
    public static Bitrix24Connection FromOAuth(Bitrix24OAuthOptions options, IBitrix24TokenStore store, HttpClient? httpClient = null)
    {
        var client = httpClient ?? CreateHttpClient();
        return new Bitrix24Connection(client, new Bitrix24OAuth(options, store, client), null, ownsHttpClient: httpClient is null);
    }

    /// <summary>Calls a method with the parameters of its generated request class.</summary>
    /// <param name="method">The method: name, result, idempotency and documented errors.</param>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Bitrix24ApiException">The portal answered with an error.</exception>
    /// <exception cref="Bitrix24ResponseFormatException">The answer is not a Bitrix24 envelope.</exception>
    /// <exception cref="Bitrix24TransportException">The portal could not be reached or did not answer in time.</exception>
    public Task<Bitrix24Response<TResult>> CallAsync<TRequest, TResult>(Bitrix24Method<TResult> method, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : Bitrix24Object, IBitrix24Object, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(method, RequestBody.Write(request), method.Result, cancellationToken);
    }

    /// <summary>Calls a method that takes no parameters (an empty JSON object is sent).</summary>
    /// <param name="method">The method: name, result, idempotency and documented errors.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Bitrix24ApiException">The portal answered with an error.</exception>
    /// <exception cref="Bitrix24ResponseFormatException">The answer is not a Bitrix24 envelope.</exception>
    /// <exception cref="Bitrix24TransportException">The portal could not be reached or did not answer in time.</exception>
    public Task<Bitrix24Response<TResult>> CallAsync<TResult>(Bitrix24Method<TResult> method, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        return SendAsync(method, RequestBody.EmptyObject, method.Result, cancellationToken);
    }

    /// <summary>Calls a method with parameters of a type of your own, e.g. one without a spec.</summary>
    /// <param name="method">The method: name, idempotency and documented errors.</param>
    /// <param name="request">The parameters, serialized with <paramref name="requestType"/>.</param>
    /// <param name="requestType">How to write the parameters.</param>
    /// <param name="resultType">How to read <c>result</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Bitrix24ApiException">The portal answered with an error.</exception>
    /// <exception cref="Bitrix24ResponseFormatException">The answer is not a Bitrix24 envelope.</exception>
    /// <exception cref="Bitrix24TransportException">The portal could not be reached or did not answer in time.</exception>
    public Task<Bitrix24Response<TResult>> CallAsync<TRequest, TResult>(
        Bitrix24Method method,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(resultType);
        var body = RequestBody.Write(request, (writer, value) => JsonSerializer.Serialize(writer, value, requestType));
        return SendAsync(method, body, TypeInfoConverter<TResult>.For(resultType), cancellationToken);
    }

    /// <summary>Calls a method that takes no parameters, reading its result with a type of your own.</summary>
    /// <param name="method">The method: name, idempotency and documented errors.</param>
    /// <param name="resultType">How to read <c>result</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Bitrix24ApiException">The portal answered with an error.</exception>
    /// <exception cref="Bitrix24ResponseFormatException">The answer is not a Bitrix24 envelope.</exception>
    /// <exception cref="Bitrix24TransportException">The portal could not be reached or did not answer in time.</exception>
    public Task<Bitrix24Response<TResult>> CallAsync<TResult>(Bitrix24Method method, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(resultType);
        return SendAsync(method, RequestBody.EmptyObject, TypeInfoConverter<TResult>.For(resultType), cancellationToken);
    }

    /// <summary>Calls any method by name, e.g. one without a spec; it is treated as not idempotent.</summary>
    /// <param name="method">The REST method, e.g. <c>calendar.settings.get</c>.</param>
    /// <param name="request">The parameters, serialized with <paramref name="requestType"/>.</param>
    /// <param name="requestType">How to write the parameters.</param>
    /// <param name="resultType">How to read <c>result</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Bitrix24Response<TResult>> CallAsync<TRequest, TResult>(
        string method,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken) =>
        CallAsync(new Bitrix24Method(method), request, requestType, resultType, cancellationToken);

    /// <summary>Calls any method that takes no parameters by name; it is treated as not idempotent.</summary>
    /// <param name="method">The REST method.</param>
    /// <param name="resultType">How to read <c>result</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Bitrix24Response<TResult>> CallAsync<TResult>(string method, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken) =>
        CallAsync(new Bitrix24Method(method), resultType, cancellationToken);

    /// <summary>
    /// An HttpClient fit for Bitrix24: redirects are not followed by the handler (it would turn a POST into a
    /// GET and drop the body, and send the secrets wherever it is told); the connection follows a portal's move
    /// itself, to the hosts it allows. Timeouts are the connection's. A client of your own must not follow
    /// redirects either.
    /// </summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    /// <summary>A connection that collects calls for a batch instead of sending them.</summary>
    internal static Bitrix24Connection Capturing(Batch.BatchCollector collector) => new(collector);

    /// <summary>Sends an already serialized request: the batch's own call.</summary>
    internal Task<Bitrix24Response<TResult>> CallRawAsync<TResult>(Bitrix24Method method, byte[] body, JsonConverter<TResult> result, CancellationToken cancellationToken) =>
        SendAsync(method, RequestBody.FromBytes(body), result, cancellationToken);

    /// <summary>Disposes the HttpClient if this connection created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient && _httpClient is not null)
        {
            _httpClient.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _collector is not null ? "Bitrix24Connection { batch }" : "Bitrix24Connection { Authentication = " + _authentication + " }";

    private async Task<Bitrix24Response<TResult>> SendAsync<TResult>(
        Bitrix24Method descriptor,
        RequestBody body,
        JsonConverter<TResult> result,
        CancellationToken cancellationToken)
    {
        if (_collector is not null)
        {
            if (descriptor.Api != _collector.Api)
            {
                // A classic batch sends its commands as query strings to /rest/batch; REST 3.0 calls cannot ride in it,
                // nor can classic calls ride in REST 3.0's JSON batch at /rest/api/batch.
                body.Dispose();
                throw new NotSupportedException(descriptor.Api == Bitrix24ApiVersion.Rest3
                    ? $"'{descriptor.Name}' is a REST 3.0 method and cannot be part of a classic batch; use Rest3Batch()."
                    : $"'{descriptor.Name}' is a classic method and cannot be part of a REST 3.0 batch; use Batch().");
            }

            using (body)
            {
                return await _collector.Capture(descriptor, body.ToArray(), result).ConfigureAwait(false);
            }
        }

        // A REST 3.0 write carries one key for all its attempts, so the portal runs it once however often it is sent:
        // it may then be retried like a read.
        var idempotencyKey = IdempotencyKey.For(descriptor);
        var repeatable = descriptor.IsIdempotent || idempotencyKey is not null;
        using var activity = Bitrix24Telemetry.Activities.HasListeners() ? StartActivity(descriptor) : null;
        var started = Stopwatch.GetTimestamp();
        var outcome = "failure";
        var call = new Bitrix24CallContext(descriptor, repeatable, _options.TimeProvider, _logger, activity);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(Bitrix24Resilience.Call, call);
            var response = await _pipeline.ExecuteAsync(
                static (context, attempt) => attempt.Connection.AttemptAsync(attempt, context.CancellationToken),
                context,
                new Attempt<TResult>(this, call, body, idempotencyKey, result, cancellationToken)).ConfigureAwait(false);
            outcome = "success";
            return response;
        }
        catch (Bitrix24Exception exception)
        {
            if (!descriptor.IsIdempotent && RetryPolicy.MayHaveRun(exception))
            {
                exception.OutcomeUnknown = true;
            }

            ConnectionLog.CallFailed(_logger, descriptor.Name, exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            body.Dispose();
            if (Bitrix24Telemetry.Calls.Enabled || Bitrix24Telemetry.Duration.Enabled)
            {
                var tags = new TagList { { "bitrix24.method", descriptor.Name }, { "outcome", outcome } };
                Bitrix24Telemetry.Calls.Add(1, tags);
                Bitrix24Telemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    /// <summary>
    /// One attempt of a call, as the pipeline runs it. The guarantee that a write is not run twice holds here, not in
    /// the pipeline: a call that is not repeatable and may have run is not sent again, whatever strategy asks for it.
    /// </summary>
    private async ValueTask<Bitrix24Response<TResult>> AttemptAsync<TResult>(Attempt<TResult> attempt, CancellationToken cancellationToken)
    {
        var call = attempt.Call;
        call.Unrepeatable?.Throw();
        call.Attempts++;
        try
        {
            return await SendOnceAsync(call.Method, attempt.Body, attempt.IdempotencyKey, attempt.Result, cancellationToken).ConfigureAwait(false);
        }
        catch (Bitrix24Exception exception)
        {
            if (exception is Bitrix24ApiException { Code: Bitrix24ErrorCode.OperationTimeLimit } refused && _operatingResets.TryGetValue(call.Method.Name, out var resetAt))
            {
                refused.OperatingResetAt = resetAt;
            }

            if (!call.IsRepeatable && RetryPolicy.MayHaveRun(exception))
            {
                call.Unrepeatable = ExceptionDispatchInfo.Capture(exception);
            }

            throw;
        }
        catch (OperationCanceledException) when (!call.IsRepeatable && !attempt.CallerToken.IsCancellationRequested)
        {
            // A strategy of the pipeline (a timeout) ended the attempt, perhaps after the portal ran the call.
            call.Unrepeatable = ExceptionDispatchInfo.Capture(new Bitrix24TransportException(
                call.Method.Name,
                $"The call to '{call.Method.Name}' was ended by the resilience pipeline after it may have reached the portal; it is not idempotent, so it is not sent again.",
                null,
                requestMayHaveRun: true));
            throw;
        }
    }

    /// <summary>What an attempt needs: the pipeline's callback is static, so it carries them.</summary>
    private readonly record struct Attempt<TResult>(
        Bitrix24Connection Connection, Bitrix24CallContext Call, RequestBody Body, string? IdempotencyKey, JsonConverter<TResult> Result, CancellationToken CallerToken);

    private static Activity? StartActivity(Bitrix24Method descriptor)
    {
        var activity = Bitrix24Telemetry.Activities.StartActivity(descriptor.ActivityName, ActivityKind.Client);
        activity?.SetTag("bitrix24.method", descriptor.Name);
        return activity;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Bitrix24Response<TResult>> SendOnceAsync<TResult>(
        Bitrix24Method descriptor,
        RequestBody body,
        string? idempotencyKey,
        JsonConverter<TResult> result,
        CancellationToken cancellationToken)
    {
        var method = descriptor.Name;

        // Waiting for a place is not part of the call's time: a long queue behind the limiter must not time calls out.
        var permit = await Pacing.AcquireAsync(_options.RateLimiter, _options.OperatingBudget, method, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        using var timeout = _timeouts.Start(_options.Timeout, cancellationToken);
        for (var renewals = 0; ;)
        {
            // A replay after a renewal takes a place of its own.
            using var held = renewals == 0
                ? permit
                : await Pacing.AcquireAsync(_options.RateLimiter, _options.OperatingBudget, method, _options.TimeProvider, cancellationToken).ConfigureAwait(false);

            var authorization = await _authentication.AuthorizeAsync(method, descriptor.Api, timeout.Token).ConfigureAwait(false);
            var address = _moved is { } moved && moved.Applies(authorization.Address) ? Rebase(authorization.Address, moved.To) : authorization.Address;
            var sent = Stopwatch.GetTimestamp();
            Answer answer;
            using (var authorized = authorization.BodyToken is { } token ? BodyAuth.Add(body, token) : null)
            {
                answer = await PostFollowingMovesAsync(method, address, authorization.Address, authorized ?? body, idempotencyKey, timeout.Token, cancellationToken).ConfigureAwait(false);
            }

            ConnectionLog.CallAnswered(_logger, method, answer.Status, Stopwatch.GetElapsedTime(sent));
            try
            {
                var response = EnvelopeReader.Read(method, answer.Status, answer.ContentType, answer.Body.Span, result, descriptor.Errors, _redact);
                if (response.Time is { } time)
                {
                    _options.OperatingBudget?.Observe(method, time);
                }

                if (response.Time?.OperatingResetAt is { } resetAt &&
                    (!_operatingResets.TryGetValue(method, out var known) || known != resetAt))
                {
                    _operatingResets[method] = resetAt;
                }

                response.Replayed = answer.Replayed;
                return response;
            }
            catch (Bitrix24ApiException exception) when (exception.Code == Bitrix24ErrorCode.ExpiredToken && renewals < MaxRenewalsPerCall)
            {
                renewals++;
                ConnectionLog.TokenRenewing(_logger, method);
                if (!await RenewAsync(authorization, method, timeout.Token, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
            finally
            {
                answer.Body.Return();
            }
        }
    }

    /// <summary>
    /// Renews the credentials of a call refused with <c>expired_token</c>. Running out of the call's time while
    /// renewing (waiting for another call's renewal included) is a failure of the renewal, not a cancellation.
    /// </summary>
    private async ValueTask<bool> RenewAsync(Bitrix24Authorization expired, string method, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _authentication.RenewAsync(expired, method, _hosts, timeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Bitrix24AuthenticationException(method, "timeout", $"Renewing the access token for '{method}' did not finish within {_options.Timeout.TotalSeconds:0.#} s.", _authentication.Sanitize(exception));
        }
    }

    /// <summary>
    /// Posts, and when the portal answers that it moved to another address (a redirect <see cref="PortalMovePolicy"/>
    /// accepts), posts the same call there, as Bitrix24 asks integrations to do; later calls go there directly.
    /// Any other redirect ends the call before anything is sent to its target.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Answer> PostFollowingMovesAsync(
        string method,
        Uri address,
        Uri configured,
        RequestBody body,
        string? idempotencyKey,
        CancellationToken timeout,
        CancellationToken cancellationToken)
    {
        for (var moves = 0; ; moves++)
        {
            EnsureSecure(method, address);
            var answer = await PostAsync(method, address, body, idempotencyKey, timeout, cancellationToken).ConfigureAwait(false);
            if (!PortalMovePolicy.IsRedirect(answer.Status))
            {
                return answer;
            }

            answer.Body.Return();
            var portal = _moves.Follow(method, address, configured, answer.Status, answer.Location, moves);
            _moved = new PortalMove(configured, portal);
            ConnectionLog.PortalMoved(_logger, method, _redact(portal.Authority));
            address = Rebase(address, portal);
        }
    }

    /// <summary>The same path and query on the portal's new domain.</summary>
    private static Uri Rebase(Uri address, Uri portal) => new(portal, address.PathAndQuery);

    private void EnsureSecure(string method, Uri address)
    {
        if (address.Scheme == Uri.UriSchemeHttps ||
            (address.Scheme == Uri.UriSchemeHttp && (_options.AllowInsecureHttp || address.IsLoopback)))
        {
            return;
        }

        throw new Bitrix24InsecureTransportException(method, _redact(address.Host));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Answer> PostAsync(
        string method,
        Uri address,
        RequestBody body,
        string? idempotencyKey,
        CancellationToken timeout,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, address);
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        // Answers are JSON either way; REST 3.0's docs ask for it in every call.
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (idempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation(IdempotencyKey.Header, idempotencyKey);
        }

        message.Content = new ByteArrayContent(body.Buffer, 0, body.Length);
        message.Content.Headers.ContentType = JsonContentType;

        try
        {
            using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout).ConfigureAwait(false);
            var responseBody = await ResponseBody.ReadAsync(response.Content, timeout).ConfigureAwait(false);
            return new Answer(response.StatusCode, response.Content.Headers.ContentType, responseBody, response.Headers.Location, IdempotencyKey.IsReplayed(response.Headers));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            throw new Bitrix24TransportException(method, $"The call to '{method}' got no answer within {_options.Timeout.TotalSeconds:0.#} s.", _authentication.Sanitize(exception));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // Without a connection the request never left; any later failure may have come after the portal ran it.
            var neverSent = exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
            throw new Bitrix24TransportException(method, $"The call to '{method}' failed on the network: {_authentication.Redact(exception.Message)}", _authentication.Sanitize(exception), requestMayHaveRun: !neverSent);
        }
    }

    /// <summary>What one post brought back: the body is pooled and must be returned.</summary>
    private readonly record struct Answer(System.Net.HttpStatusCode Status, MediaTypeHeaderValue? ContentType, ResponseBody Body, Uri? Location, bool Replayed);

    /// <summary>A portal's move: calls made for the address <paramref name="From"/> names go to <paramref name="To"/>.</summary>
    private sealed record PortalMove(Uri From, Uri To)
    {
        public bool Applies(Uri address) => Uri.Compare(address, From, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
