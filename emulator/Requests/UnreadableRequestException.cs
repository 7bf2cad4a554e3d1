using System;

namespace Bitrix24.Emulator.Requests;

/// <summary>
/// A request that cannot be read: its body, form, multipart or JSON is broken. The emulator answers it with a 400
/// envelope carrying <see cref="Code"/> and the message, never a server error.
/// </summary>
internal sealed class UnreadableRequestException : Exception
{
    public UnreadableRequestException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>The <c>error</c> of the envelope: <c>INVALID_REQUEST</c> for REST calls, <c>invalid_request</c> for OAuth.</summary>
    public string Code { get; }
}
