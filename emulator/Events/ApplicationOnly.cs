namespace Bitrix24.Emulator.Events;

/// <summary>
/// The refusal of methods that work only in an application's context (the event methods): a webhook call gets
/// <c>403 WRONG_AUTH_TYPE</c>, worded as the portal words it.
/// </summary>
internal static class ApplicationOnly
{
    /// <exception cref="Bitrix24EmulatorError">The call came through a webhook.</exception>
    public static void Require(MethodCall call)
    {
        if (!call.ByApplication)
        {
            throw new Bitrix24EmulatorError(403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method Application context required");
        }
    }
}
