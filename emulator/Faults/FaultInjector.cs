using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Faults;

/// <summary>
/// What a test makes the portal answer instead of its handlers: injected faults, canned answers, and the redirect
/// of a portal whose domain changed.
/// </summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CannedAnswer>> _canned = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Bitrix24Fault> _faults = new();
    private volatile Uri? _movedTo;

    // Marks a call whose answer is to be dropped once it has run.
    private static readonly object DropAnswerMark = new();

    /// <summary>Makes the next <paramref name="count"/> matching calls fail as <paramref name="fault"/> says.</summary>
    public void Inject(Bitrix24Fault fault, int count)
    {
        lock (_faults)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Add(fault);
            }
        }
    }

    /// <summary>Makes the next call of <paramref name="method"/> answer exactly this.</summary>
    public void AnswerNext(string method, int status, string body, string contentType) =>
        _canned.GetOrAdd(method, _ => new ConcurrentQueue<CannedAnswer>()).Enqueue(new CannedAnswer(status, body, contentType));

    /// <summary>Makes every REST call redirect to the same path at <paramref name="newAddress"/>.</summary>
    public void MoveTo(Uri newAddress) => _movedTo = newAddress;

    /// <summary>Once the portal has moved, answers with a redirect to its new address; returns whether it did.</summary>
    public bool TryRedirect(HttpContext context)
    {
        if (_movedTo is not { } moved)
        {
            return false;
        }

        context.Response.StatusCode = 302;
        context.Response.Headers.Location = new Uri(moved, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString).ToString();
        return true;
    }

    /// <summary>Plays the next fault injected for <paramref name="method"/>; returns whether the call is answered by it.</summary>
    public async Task<bool> TryPlayFaultAsync(HttpContext context, string method) =>
        TakeFault(method) is { } fault && await PlayAsync(context, fault).ConfigureAwait(false);

    /// <summary>Sends the next canned answer of <paramref name="method"/>; returns whether there was one.</summary>
    public async Task<bool> TryAnswerCannedAsync(HttpContext context, string method)
    {
        if (!_canned.TryGetValue(method, out var queue) || !queue.TryDequeue(out var canned))
        {
            return false;
        }

        context.Response.StatusCode = canned.Status;
        context.Response.ContentType = canned.ContentType;
        await context.Response.WriteAsync(canned.Body, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Once a call has run: when a fault said to drop its answer, closes the connection without it; returns whether
    /// it did, and the answer is then not to be sent.
    /// </summary>
    public static bool TryDropAnswer(HttpContext context)
    {
        if (!context.Items.ContainsKey(DropAnswerMark))
        {
            return false;
        }

        context.Abort();
        return true;
    }

    private Bitrix24Fault? TakeFault(string method)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.Method is null || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    /// <summary>Plays a fault; returns whether the call is answered by it (a delay, or an answer dropped after running, lets the call go on).</summary>
    private static async Task<bool> PlayAsync(HttpContext context, Bitrix24Fault fault)
    {
        switch (fault.Kind)
        {
            case Bitrix24FaultKind.InternalServerError:
                await EnvelopeWriter.WriteAsync(context, 500, EnvelopeWriter.Error("INTERNAL_SERVER_ERROR", "Internal server error")).ConfigureAwait(false);
                return true;
            case Bitrix24FaultKind.BadGatewayHtml:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>", context.RequestAborted).ConfigureAwait(false);
                return true;
            case Bitrix24FaultKind.TruncatedJson:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("{\"result\":{\"view\":\"mon", context.RequestAborted).ConfigureAwait(false);
                return true;
            case Bitrix24FaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                return false;
            case Bitrix24FaultKind.DropAnswerAfterRunning:
                context.Items[DropAnswerMark] = true;
                return false;
            default:
                context.Abort();
                return true;
        }
    }

    private sealed record CannedAnswer(int Status, string Body, string ContentType);
}
