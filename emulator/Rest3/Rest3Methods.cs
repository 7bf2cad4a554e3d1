using System;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Rest3;

/// <summary>
/// Which methods the portal serves at <c>/rest/api/</c> (REST 3.0) rather than at the classic address, and which of
/// their calls an <c>Idempotency-Key</c> protects: both as the method's spec says.
/// </summary>
internal static class Rest3Methods
{
    /// <summary>Whether <paramref name="method"/> belongs to REST 3.0 (<c>api: v3</c>).</summary>
    public static bool IsRest3(MethodModel method) => method.Api == MethodApi.V3;

    /// <summary>
    /// The version an address serves: a method is known by its version and name, since a classic method and a REST 3.0
    /// one may share a name (<c>tasks.task.get</c>) and differ in parameters and answers.
    /// </summary>
    public static MethodApi Api(bool rest3) => rest3 ? MethodApi.V3 : MethodApi.Classic;

    /// <summary>
    /// Whether a call of <paramref name="method"/> changes data, so that an <c>Idempotency-Key</c> counts: whatever the
    /// spec does not call idempotent, as the client decides when to send a key.
    /// </summary>
    public static bool IsWrite(MethodModel method) => !method.Idempotent;
}
