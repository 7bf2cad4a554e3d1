using System;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Events;

/// <summary>
/// What a portal posts to an event handler: the event's name, the handler it was bound as, when it was sent and the
/// <see cref="Auth"/> block of the portal it happened on. The generated class of each event derives from
/// <see cref="Bitrix24Event{TData}"/>, which adds its typed <c>data</c>.
/// </summary>
public abstract class Bitrix24Event
{
    /// <summary>The event's name as the portal sends it, e.g. <c>ONCALENDARENTRYADD</c> (<c>event</c>).</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>The id of the handler binding the event was sent for (<c>event_handler_id</c>).</summary>
    public int EventHandlerId { get; set; }

    /// <summary>When the portal sent the event from its queue (<c>ts</c>, Unix seconds).</summary>
    public DateTimeOffset Ts { get; set; }

    /// <summary>The portal and the application's tokens on it (<c>auth</c>), or null when the payload has none.</summary>
    public Bitrix24EventAuth? Auth { get; set; }
}

/// <summary>An event whose <c>data</c> is of a generated type.</summary>
/// <typeparam name="TData">The generated class of the event's data.</typeparam>
public abstract class Bitrix24Event<TData> : Bitrix24Event
    where TData : Bitrix24Object, IBitrix24Object, new()
{
    /// <summary>What the event is about (<c>data</c>); empty when the payload has none.</summary>
    public TData Data { get; set; } = new();
}
