using System;
using System.Collections.Generic;
using System.Linq;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>The registered handlers by event class, looked up once per event.</summary>
internal sealed class EventHandlers
{
    private readonly Dictionary<Type, EventHandlerRegistration[]> _byType;

    public EventHandlers(IEnumerable<EventHandlerRegistration> registrations)
    {
        _byType = registrations.GroupBy(r => r.EventType).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The handlers of an event class, in the order registered; empty when there are none.</summary>
    public IReadOnlyList<EventHandlerRegistration> For(Type eventType) =>
        _byType.TryGetValue(eventType, out var handlers) ? handlers : Array.Empty<EventHandlerRegistration>();
}
