using System;
using System.Collections.Generic;
using System.Linq;

namespace Bitrix24.Emulator.Events;

/// <summary>The application's event bindings, in the order they were made.</summary>
internal sealed class EventBindings
{
    private readonly object _lock = new();
    private readonly List<EventBinding> _bindings = [];
    private int _lastId;

    /// <summary>Adds a binding; false when the same one (event, handler, user, kind and source) exists.</summary>
    public bool TryAdd(string eventName, string handler, int authType, bool offline, string? authConnector)
    {
        lock (_lock)
        {
            if (_bindings.Any(b => b.EventName == eventName && b.Handler == handler && b.AuthType == authType && b.Offline == offline && b.AuthConnector == authConnector))
            {
                return false;
            }

            _bindings.Add(new EventBinding(++_lastId, eventName, handler, authType, offline, authConnector));
            return true;
        }
    }

    /// <summary>
    /// Removes the bindings of the event, of the kind asked, that match the handler and the user when those are given.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public int Remove(string eventName, string? handler, int? authType, bool offline)
    {
        lock (_lock)
        {
            return _bindings.RemoveAll(b => b.EventName == eventName && b.Offline == offline &&
                (string.IsNullOrEmpty(handler) || string.Equals(b.Handler, handler, StringComparison.Ordinal)) &&
                (authType is null || b.AuthType == authType));
        }
    }

    /// <summary>Removes every binding, as removing the application does.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _bindings.Clear();
        }
    }

    /// <summary>Every binding, oldest first.</summary>
    public IReadOnlyList<EventBinding> All()
    {
        lock (_lock)
        {
            return [.. _bindings];
        }
    }

    /// <summary>The bindings of one event, oldest first.</summary>
    public IReadOnlyList<EventBinding> Of(string eventName)
    {
        lock (_lock)
        {
            return _bindings.Where(b => string.Equals(b.EventName, eventName, StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }
}
