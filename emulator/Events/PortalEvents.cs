using System;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// The event state of one portal: its offline queue. The emulator's public event members and the event methods'
/// handlers share this one instance, so portals never share events.
/// </summary>
internal sealed class PortalEvents
{
    public PortalEvents(TimeProvider time) => Offline = new OfflineEventQueue(time);

    /// <summary>The offline event queue.</summary>
    public OfflineEventQueue Offline { get; }
}
