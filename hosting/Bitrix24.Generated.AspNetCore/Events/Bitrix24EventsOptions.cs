using System.Text.Json;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>How <c>MapBitrix24Events</c> queues the events it accepts and runs their handlers.</summary>
public sealed class Bitrix24EventsOptions
{
    /// <summary>
    /// How many accepted events may wait for their handlers; once full, the endpoint answers 503 rather than
    /// hold more in memory. 1024 by default.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// How many events are handled at once. 1 by default: events are handled one after another in the order they
    /// came; more runs them in parallel, in no set order.
    /// </summary>
    public int MaxConcurrentHandlers { get; set; } = 1;

    /// <summary>
    /// Options bound to a JSON context that knows the event classes; null (the default) for the generated context
    /// of the catalog's classes.
    /// </summary>
    public JsonSerializerOptions? SerializerOptions { get; set; }

    /// <inheritdoc/>
    public override string ToString() =>
        "Bitrix24EventsOptions { QueueCapacity = " + QueueCapacity + ", MaxConcurrentHandlers = " + MaxConcurrentHandlers + " }";
}
