using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated;

/// <summary>
/// The Bitrix24 call a resilience pipeline runs, as its strategies find it in the context
/// (<see cref="Bitrix24Resilience.Call"/>): which method, and whether sending it again is safe.
/// </summary>
public sealed class Bitrix24CallContext
{
    internal Bitrix24CallContext(Bitrix24Method method, bool isRepeatable, TimeProvider time, ILogger logger, Activity? activity)
    {
        Method = method;
        IsRepeatable = isRepeatable;
        Time = time;
        Logger = logger;
        Activity = activity;
    }

    /// <summary>The method called: name, API version, idempotency.</summary>
    public Bitrix24Method Method { get; }

    /// <summary>
    /// Whether the call may be sent again after a failure that may have come after the portal ran it: its method is
    /// idempotent, or it is a REST 3.0 write whose idempotency key makes the portal run it once however often it is
    /// sent. A call that is not repeatable is never sent again after such a failure, whatever the pipeline does.
    /// </summary>
    public bool IsRepeatable { get; }

    /// <summary>How many times the call was sent so far, the first included.</summary>
    public int Attempts { get; internal set; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal Activity? Activity { get; }

    /// <summary>The failure after which the call must not be sent again: it may have run and is not repeatable.</summary>
    internal ExceptionDispatchInfo? Unrepeatable { get; set; }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24CallContext { Method = " + Method.Name + ", IsRepeatable = " + (IsRepeatable ? "true" : "false") + ", Attempts = " + Attempts + " }";
}
