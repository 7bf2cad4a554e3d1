using System;

namespace Bitrix24.Emulator.Events;

/// <summary>One post of an event to a handler, as the portal made it.</summary>
/// <param name="EventName">The event, e.g. <c>ONCRMDEALADD</c>.</param>
/// <param name="Handler">The handler's URL.</param>
/// <param name="StatusCode">The HTTP status the handler answered, or null when the post failed.</param>
/// <param name="Failure">Why the post failed (the exception's type name, e.g. <c>TaskCanceledException</c> for a timeout), or null.</param>
/// <param name="At">When the post ended, on the portal's clock.</param>
public sealed record EventDelivery(string EventName, Uri Handler, int? StatusCode, string? Failure, DateTimeOffset At);
