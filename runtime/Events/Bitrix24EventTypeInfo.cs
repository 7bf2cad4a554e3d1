using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bitrix24.Generated.Events;

/// <summary>A generated event class: the event's name, its class, and how a payload in JSON becomes one.</summary>
public sealed class Bitrix24EventTypeInfo
{
    private readonly Func<JsonSerializerOptions?, JsonTypeInfo> _info;

    /// <summary>Describes an event class.</summary>
    /// <param name="name">The event's name, e.g. <c>ONCALENDARENTRYADD</c>.</param>
    /// <param name="type">The event's class.</param>
    /// <param name="info">The class's serialization metadata, for options or the generated context's default.</param>
    public Bitrix24EventTypeInfo(string name, Type type, Func<JsonSerializerOptions?, JsonTypeInfo> info)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(info);
        Name = name;
        Type = type;
        _info = info;
    }

    /// <summary>The event's name as the portal sends it.</summary>
    public string Name { get; }

    /// <summary>The event's class, a <see cref="Bitrix24Event"/>.</summary>
    public Type Type { get; }

    /// <summary>Reads a payload (<c>{"event": ..., "data": ..., "ts": ..., "auth": ...}</c>) as the event's class.</summary>
    /// <param name="json">The payload.</param>
    /// <param name="options">Options bound to a context that knows the class; null for the generated context.</param>
    public Bitrix24Event Deserialize(JsonElement json, JsonSerializerOptions? options = null) =>
        (Bitrix24Event)(json.Deserialize(_info(options)) ?? throw new JsonException("The payload of " + Name + " is null."));

    /// <summary>Reads a payload in UTF-8 JSON as the event's class.</summary>
    /// <param name="utf8Json">The payload.</param>
    /// <param name="options">Options bound to a context that knows the class; null for the generated context.</param>
    public Bitrix24Event Deserialize(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions? options = null) =>
        (Bitrix24Event)(JsonSerializer.Deserialize(utf8Json, _info(options)) ?? throw new JsonException("The payload of " + Name + " is null."));
}

/// <summary>The generated event classes by event name, ignoring case as the portal does.</summary>
public sealed class Bitrix24EventCatalog
{
    private readonly Dictionary<string, Bitrix24EventTypeInfo> _byName;

    /// <summary>A catalog of event classes; a name given twice keeps the first.</summary>
    public Bitrix24EventCatalog(IEnumerable<Bitrix24EventTypeInfo> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _byName = new Dictionary<string, Bitrix24EventTypeInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var info in events)
        {
            _byName.TryAdd(info.Name, info);
        }

        All = _byName.Values.OrderBy(info => info.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every event class, by name.</summary>
    public IReadOnlyList<Bitrix24EventTypeInfo> All { get; }

    /// <summary>The class of an event by its name (any case), or null when there is none.</summary>
    public Bitrix24EventTypeInfo? Find(string eventName) =>
        eventName is not null && _byName.TryGetValue(eventName, out var info) ? info : null;

    /// <summary>The class of an event class's name, by type, or null.</summary>
    public Bitrix24EventTypeInfo? Find(Type type) => All.FirstOrDefault(info => info.Type == type);
}
