using System;
using System.Threading.Tasks;
using Bitrix24.Emulator.Dispatch;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Hosting;
using Bitrix24.Emulator.Requests;
using Bitrix24.Emulator.Rest3.Batch;
using Bitrix24.Generated.Specs.Model;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Rest3;

/// <summary>
/// The REST 3.0 address, <c>/rest/api/{user}/{webhook}/{method}</c> or <c>/rest/api/{method}</c> with <c>auth</c>:
/// JSON bodies only, the unified envelope, and writes sent with an <c>Idempotency-Key</c> answered once per key.
/// Faults, canned answers and limits act as at the classic address.
/// </summary>
internal sealed class Rest3Endpoint
{
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    private readonly RequestReader _reader;
    private readonly FaultInjector _faults;
    private readonly MethodDispatcher _dispatcher;
    private readonly IdempotencyStore _answers;
    private readonly TimeProvider _time;
    private readonly Rest3BatchEndpoint _batch;

    public Rest3Endpoint(RequestReader reader, FaultInjector faults, MethodDispatcher dispatcher, TimeProvider time)
    {
        _reader = reader;
        _faults = faults;
        _dispatcher = dispatcher;
        _answers = new IdempotencyStore(time);
        _time = time;
        _batch = new Rest3BatchEndpoint(reader, faults, dispatcher, _answers, time);
    }

    // The classic address's order: a moved portal only redirects, a fault hits any call, a canned answer stands in
    // for the handler, the rate limit counts what gets that far.
    public async Task HandleAsync(HttpContext context)
    {
        if (await OffRouteAnswers.TryRefuseVerbAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var started = _time.GetUtcNow();
        var method = RequestReader.MethodName(context.Request);
        var body = await RequestReader.ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (_faults.TryRedirect(context))
        {
            _reader.RecordUnread(context.Request, method);
            return;
        }

        if (method == "batch")
        {
            // Its body is a JSON array, not the parameters object every other call has.
            await _batch.HandleAsync(context, method, body, started).ConfigureAwait(false);
            return;
        }

        var request = _reader.ReadJson(context.Request, method, body);
        if (await _faults.TryPlayFaultAsync(context, method).ConfigureAwait(false))
        {
            return;
        }

        if (request is null)
        {
            _reader.RecordUnread(context.Request, method);
            await WriteErrorAsync(context, 400, Rest3EnvelopeWriter.InvalidJson, "The request body is not a JSON object").ConfigureAwait(false);
            return;
        }

        if (request.Caller.Error is { } authError)
        {
            await WriteErrorAsync(context, 401, authError, request.Caller.ErrorDescription).ConfigureAwait(false);
            return;
        }

        if (await _faults.TryAnswerCannedAsync(context, method).ConfigureAwait(false))
        {
            return;
        }

        if (!_dispatcher.TryTakeRequest())
        {
            await WriteErrorAsync(context, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests").ConfigureAwait(false);
            return;
        }

        var spec = _dispatcher.Spec(method, rest3: true);
        StoredAnswer Run() => Answer(request, spec, started);
        var key = context.Request.Headers[KeyHeader].ToString();
        if (context.Request.Headers.ContainsKey(KeyHeader) && spec is not null && Rest3Methods.IsWrite(spec))
        {
            if (!IdempotencyStore.IsValidKey(key))
            {
                await WriteErrorAsync(context, 400, "BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION", "The idempotency key must be 1 to 255 printable ASCII characters").ConfigureAwait(false);
                return;
            }

            context.Response.Headers[KeyHeader] = key;
            // A key is unique within one webhook or application, one user and one method.
            var scope = (request.Caller.Token is null ? "webhook" : "application") + "/" + request.Caller.UserId + "/" + method + "/" + key;
            var (run, stored) = await _answers.RunOnceAsync(scope, request.Parameters.ToJsonString(), () => Task.FromResult(Run()), context.RequestAborted).ConfigureAwait(false);
            if (run == IdempotentRun.KeyReused)
            {
                await WriteErrorAsync(context, 422, "BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION", "The idempotency key was already used with another request body").ConfigureAwait(false);
                return;
            }

            if (run == IdempotentRun.Replayed)
            {
                context.Response.Headers[ReplayedHeader] = "true";
            }

            await WriteAsync(context, stored!).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, Run()).ConfigureAwait(false);
    }

    private StoredAnswer Answer(RestRequest request, MethodModel? spec, DateTimeOffset started)
    {
        var outcome = _dispatcher.Execute(request.Method, request.Caller.UserId, request.Parameters, rest3: true);
        // A spec whose result is a plain value is served as it says, so that its client reads what it was made for.
        var plain = spec?.Result.Type.Kind is WireKind.String or WireKind.Boolean or WireKind.Flag or WireKind.Integer
            or WireKind.IntegerString or WireKind.Number or WireKind.Date or WireKind.DateTime or WireKind.UnixTime or WireKind.UnixTimeString;
        var envelope = Rest3EnvelopeWriter.Envelope(outcome, started, _time.GetUtcNow() - started, plain);
        return new StoredAnswer(outcome.IsError ? Rest3EnvelopeWriter.ErrorStatus(outcome) : outcome.Status, EnvelopeWriter.ToWire(envelope));
    }

    // The call has run: a fault may still drop its answer.
    private static Task WriteAsync(HttpContext context, StoredAnswer answer) =>
        FaultInjector.TryDropAnswer(context) ? Task.CompletedTask : EnvelopeWriter.WriteAsync(context, answer.Status, answer.Body);

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        EnvelopeWriter.WriteAsync(context, status, Rest3EnvelopeWriter.Error(code, message));
}
