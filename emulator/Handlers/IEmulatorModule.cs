namespace Bitrix24.Emulator.Handlers;

/// <summary>
/// The handlers of one scope (calendar, CRM entities, …): creates them, with the state they keep, and adds them to
/// the portal's methods. Each portal registers its own, so portals never share state.
/// </summary>
internal interface IEmulatorModule
{
    /// <summary>Creates the scope's handlers and adds them to <paramref name="methods"/>.</summary>
    /// <param name="methods">The methods the portal answers.</param>
    /// <param name="context">What the handlers are made with.</param>
    void Register(MethodRegistry methods, EmulatorContext context);
}
