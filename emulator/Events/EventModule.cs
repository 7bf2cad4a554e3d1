using Bitrix24.Emulator.Handlers;

namespace Bitrix24.Emulator.Events;

/// <summary>The event methods: bindings (<c>event.bind</c>, <c>unbind</c>, <c>get</c>, <c>events</c>) and <c>event.offline.*</c>.</summary>
internal sealed class EventModule : IEmulatorModule
{
    private readonly PortalEvents _events;

    public EventModule(PortalEvents events) => _events = events;

    public void Register(MethodRegistry methods, EmulatorContext context)
    {
        new EventBindingHandlers(_events.Bindings, context.Specs).Register(methods);
        new OfflineEventHandlers(_events.Offline).Register(methods);
    }
}
