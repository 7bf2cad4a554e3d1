using System;
using System.Collections.Concurrent;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator;

/// <summary>
/// The methods the emulator answers, by name (case-insensitive, as on a portal). A handler added by name answers the
/// method at the address of its spec's version (the classic one without a spec), or at both when both versions have
/// a method of the name; the emulator's own handlers answer one version each.
/// </summary>
public sealed class MethodRegistry
{
    private readonly ConcurrentDictionary<string, MethodHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MethodHandler> _versioned = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces the handler of a method.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="handler">What answers it.</param>
    public void Add(string method, MethodHandler handler) => _handlers[method] = handler;

    /// <summary>Finds the handler of a method.</summary>
    /// <param name="method">The method name.</param>
    /// <param name="handler">The handler, when there is one.</param>
    public bool TryGet(string method, out MethodHandler handler) =>
        _handlers.TryGetValue(method, out handler!) || TryGet(MethodApi.Classic, method, out handler) || TryGet(MethodApi.V3, method, out handler);

    /// <summary>Adds or replaces the handler of the method of one API version.</summary>
    internal void Add(MethodApi api, string method, MethodHandler handler) => _versioned[Key(api, method)] = handler;

    /// <summary>
    /// Finds the handler of the method of one API version: one added by name, which replaces the emulator's own, or
    /// the version's own.
    /// </summary>
    internal bool TryGet(MethodApi api, string method, out MethodHandler handler) =>
        _handlers.TryGetValue(method, out handler!) || _versioned.TryGetValue(Key(api, method), out handler!);

    private static string Key(MethodApi api, string method) => api + ":" + method;
}
