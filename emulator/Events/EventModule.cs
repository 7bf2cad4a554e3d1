using Bitrix24.Emulator.Handlers;

namespace Bitrix24.Emulator.Events;

/// <summary>The event methods: <c>event.offline.*</c> over the portal's offline queue.</summary>
internal sealed class EventModule : IEmulatorModule
{
    private readonly PortalEvents _events;

    public EventModule(PortalEvents events) => _events = events;

    public void Register(MethodRegistry methods, EmulatorContext context) =>
        new OfflineEventHandlers(_events.Offline).Register(methods);
}
