using System;

namespace Bitrix24.Emulator;

/// <summary>What an injected fault does to a call.</summary>
public enum Bitrix24FaultKind
{
    /// <summary>HTTP 500 with <c>INTERNAL_SERVER_ERROR</c>.</summary>
    InternalServerError,

    /// <summary>HTTP 502 with an HTML page, as a proxy in front of a portal sends.</summary>
    BadGatewayHtml,

    /// <summary>HTTP 200 with a JSON body cut off in the middle.</summary>
    TruncatedJson,

    /// <summary>The call is answered normally, after <see cref="Bitrix24Fault.Delay"/>.</summary>
    Delay,

    /// <summary>The connection is closed without an answer.</summary>
    DropConnection,

    /// <summary>
    /// The call runs, and then the connection is closed without its answer: a write took effect though the client
    /// cannot tell, as when an answer is lost on its way back.
    /// </summary>
    DropAnswerAfterRunning,
}

/// <summary>A fault to inject into the next calls.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Delay">For <see cref="Bitrix24FaultKind.Delay"/>, how long.</param>
/// <param name="Method">Only calls of this method, or every call when null.</param>
public sealed record Bitrix24Fault(Bitrix24FaultKind Kind, TimeSpan Delay = default, string? Method = null);
