using System;
using System.Threading.Tasks;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Requests;
using Bitrix24.Generated.Specs.Model;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Rest3;

/// <summary>
/// How REST 3.0 answers leave the emulator, for single calls and batches alike: a write sent with an
/// <c>Idempotency-Key</c> is answered once per key, and an answer that ran may still be dropped by a fault.
/// </summary>
internal sealed class Rest3Answers
{
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    private readonly IdempotencyStore _store;

    public Rest3Answers(TimeProvider time) => _store = new IdempotencyStore(time);

    /// <summary>Whether the call came with an idempotency key.</summary>
    public static bool HasKey(HttpContext context) => context.Request.Headers.ContainsKey(KeyHeader);

    /// <summary>Whether a method's answer is a plain value, served as the spec says rather than wrapped.</summary>
    public static bool IsPlain(MethodModel? spec) =>
        spec?.Result.Type.Kind is WireKind.String or WireKind.Boolean or WireKind.Flag or WireKind.Integer
            or WireKind.IntegerString or WireKind.Number or WireKind.Date or WireKind.DateTime or WireKind.UnixTime or WireKind.UnixTimeString;

    /// <summary>
    /// Answers a keyed write: runs it unless the key has a stored answer, which is replayed when
    /// <paramref name="fingerprint"/> is the one it was stored for and refused with 422 otherwise.
    /// </summary>
    /// <param name="context">The call.</param>
    /// <param name="caller">Who calls: a key is unique within one webhook or application and one user.</param>
    /// <param name="method">The method called (<c>batch</c> for a batch): a key is unique within it too.</param>
    /// <param name="fingerprint">The call's parameters as text, without the token.</param>
    /// <param name="run">Runs the call.</param>
    public async Task WriteOnceAsync(HttpContext context, Caller caller, string method, string fingerprint, Func<StoredAnswer> run)
    {
        var key = context.Request.Headers[KeyHeader].ToString();
        if (!IdempotencyStore.IsValidKey(key))
        {
            await WriteErrorAsync(context, 400, "BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION", "The idempotency key must be 1 to 255 printable ASCII characters").ConfigureAwait(false);
            return;
        }

        context.Response.Headers[KeyHeader] = key;
        var scope = (caller.Token is null ? "webhook" : "application") + "/" + caller.UserId + "/" + method + "/" + key;
        var (outcome, stored) = await _store.RunOnceAsync(scope, fingerprint, () => Task.FromResult(run()), context.RequestAborted).ConfigureAwait(false);
        if (outcome == IdempotentRun.KeyReused)
        {
            await WriteErrorAsync(context, 422, "BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION", "The idempotency key was already used with another request body").ConfigureAwait(false);
            return;
        }

        if (outcome == IdempotentRun.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        await WriteAsync(context, stored!).ConfigureAwait(false);
    }

    /// <summary>Writes the answer of a call that has run, unless a fault drops it.</summary>
    public static Task WriteAsync(HttpContext context, StoredAnswer answer) =>
        FaultInjector.TryDropAnswer(context) ? Task.CompletedTask : EnvelopeWriter.WriteAsync(context, answer.Status, answer.Body);

    /// <summary>Writes a REST 3.0 error envelope.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        EnvelopeWriter.WriteAsync(context, status, Rest3EnvelopeWriter.Error(code, message));
}
