using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Events;

/// <summary>A handler the application bound to an event with <c>event.bind</c>.</summary>
/// <param name="Id">The binding's id, sent to the handler as <c>event_handler_id</c>.</param>
/// <param name="EventName">The event, upper case.</param>
/// <param name="Handler">The handler's URL; empty for an offline binding, which needs none.</param>
/// <param name="AuthType">The user the handler gets a token of; 0 for the user who caused the event.</param>
/// <param name="Offline">Whether the event goes to the offline queue instead of the handler.</param>
/// <param name="AuthConnector">The source key of an offline binding, or null.</param>
internal sealed record EventBinding(int Id, string EventName, string Handler, int AuthType, bool Offline, string? AuthConnector)
{
    /// <summary>The binding as <c>event.get</c> answers it.</summary>
    public JsonObject ToJson() => new()
    {
        ["event"] = EventName,
        ["handler"] = Handler,
        ["auth_type"] = AuthType.ToString(CultureInfo.InvariantCulture),
        ["offline"] = Offline ? 1 : 0,
    };
}
