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
    private readonly RequestReader _reader;
    private readonly FaultInjector _faults;
    private readonly MethodDispatcher _dispatcher;
    private readonly Rest3Answers _answers;
    private readonly Rest3Admission _admission;
    private readonly TimeProvider _time;
    private readonly Rest3BatchEndpoint _batch;

    public Rest3Endpoint(RequestReader reader, FaultInjector faults, MethodDispatcher dispatcher, TimeProvider time)
    {
        _reader = reader;
        _faults = faults;
        _dispatcher = dispatcher;
        _answers = new Rest3Answers(time);
        _admission = new Rest3Admission(faults, dispatcher);
        _time = time;
        _batch = new Rest3BatchEndpoint(reader, _admission, dispatcher, _answers, time);
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

        var read = _reader.ReadJson(context.Request, method, body);
        if (!await _admission.AdmitAsync(context, method, read?.Caller, "The request body is not a JSON object", () => _reader.RecordUnread(context.Request, method)).ConfigureAwait(false))
        {
            return;
        }

        // Admitted, so its body was read.
        var request = read!;

        var spec = _dispatcher.Spec(method, rest3: true);
        StoredAnswer Run() => Answer(request, spec, started);
        if (Rest3Answers.HasKey(context) && spec is not null && Rest3Methods.IsWrite(spec))
        {
            await _answers.WriteOnceAsync(context, request.Caller, method, request.Parameters.ToJsonString(), Run).ConfigureAwait(false);
            return;
        }

        await Rest3Answers.WriteAsync(context, Run()).ConfigureAwait(false);
    }

    private StoredAnswer Answer(RestRequest request, MethodModel? spec, DateTimeOffset started)
    {
        var outcome = _dispatcher.Execute(request.Method, request.Caller, request.Parameters, rest3: true);
        // A spec whose result is a plain value is served as it says, so that its client reads what it was made for.
        var envelope = Rest3EnvelopeWriter.Envelope(outcome, started, _time.GetUtcNow() - started, Rest3Answers.IsPlain(spec));
        return new StoredAnswer(outcome.IsError ? Rest3EnvelopeWriter.ErrorStatus(outcome) : outcome.Status, EnvelopeWriter.ToWire(envelope));
    }
}
