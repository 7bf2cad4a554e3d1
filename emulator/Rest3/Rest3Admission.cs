using System;
using System.Threading.Tasks;
using Bitrix24.Emulator.Dispatch;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Requests;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Rest3;

/// <summary>
/// What a REST 3.0 call, single or batch, passes before it runs, in the classic address's order: a fault hits any
/// call, an unreadable body is refused, then a caller without access, a canned answer stands in for the handler, and
/// the rate limit counts what gets that far.
/// </summary>
internal sealed class Rest3Admission
{
    private readonly FaultInjector _faults;
    private readonly MethodDispatcher _dispatcher;

    public Rest3Admission(FaultInjector faults, MethodDispatcher dispatcher)
    {
        _faults = faults;
        _dispatcher = dispatcher;
    }

    /// <summary>Whether the call may run; when not, its answer is written already.</summary>
    /// <param name="context">The call.</param>
    /// <param name="method">The method called.</param>
    /// <param name="caller">Who calls, or null when the body could not be read.</param>
    /// <param name="unreadable">What the refusal of an unreadable body says.</param>
    /// <param name="refusingUnreadable">Runs before an unreadable body is refused, e.g. to record it.</param>
    public async Task<bool> AdmitAsync(HttpContext context, string method, Caller? caller, string unreadable, Action? refusingUnreadable = null)
    {
        if (await _faults.TryPlayFaultAsync(context, method).ConfigureAwait(false))
        {
            return false;
        }

        if (caller is null)
        {
            refusingUnreadable?.Invoke();
            await Rest3Answers.WriteErrorAsync(context, 400, Rest3EnvelopeWriter.InvalidJson, unreadable).ConfigureAwait(false);
            return false;
        }

        if (caller.Error is { } authError)
        {
            await Rest3Answers.WriteErrorAsync(context, 401, authError, caller.ErrorDescription).ConfigureAwait(false);
            return false;
        }

        if (await _faults.TryAnswerCannedAsync(context, method).ConfigureAwait(false))
        {
            return false;
        }

        if (!_dispatcher.TryTakeRequest())
        {
            await Rest3Answers.WriteErrorAsync(context, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests").ConfigureAwait(false);
            return false;
        }

        return true;
    }
}
