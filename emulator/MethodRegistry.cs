using System;
using System.Collections.Concurrent;

namespace Bitrix24.Emulator;

/// <summary>The methods the emulator answers, by name (case-insensitive, as on a portal).</summary>
public sealed class MethodRegistry
{
    private readonly ConcurrentDictionary<string, MethodHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces the handler of a method.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="handler">What answers it.</param>
    public void Add(string method, MethodHandler handler) => _handlers[method] = handler;

    /// <summary>Finds the handler of a method.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="handler">The handler, when there is one.</param>
    public bool TryGet(string method, out MethodHandler handler) => _handlers.TryGetValue(method, out handler!);
}
