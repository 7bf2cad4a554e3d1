using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using static Bitrix24.Emulator.Handlers.CallValues;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// Which handled calls raise which event, with the <c>data</c> the event's documented payload carries: the id of
/// the object written, taken from the call (update, delete) or from its result (add). One table, consulted after
/// every call a handler answered, so the handlers need not know about events.
/// </summary>
internal static class EventTriggers
{
    private static readonly Dictionary<string, (string EventName, Func<JsonObject, JsonNode?, JsonObject?> Data)> ByMethod =
        new(StringComparer.OrdinalIgnoreCase)
        {
            // Calendar events carry {"id": "…"} (specs/calendar/events).
            ["calendar.event.add"] = ("ONCALENDARENTRYADD", (_, result) => Plain(result)),
            ["calendar.event.update"] = ("ONCALENDARENTRYUPDATE", (call, _) => Plain(call["id"])),
            ["calendar.event.delete"] = ("ONCALENDARENTRYDELETE", (call, _) => Plain(call["id"])),
            ["calendar.section.add"] = ("ONCALENDARSECTIONADD", (_, result) => Plain(result)),
            ["calendar.section.update"] = ("ONCALENDARSECTIONUPDATE", (call, _) => Plain(call["id"])),
            ["calendar.section.delete"] = ("ONCALENDARSECTIONDELETE", (call, _) => Plain(call["id"])),
            // CRM events carry {"FIELDS": {"ID": "…"}} (specs/crm/events).
            ["crm.deal.add"] = ("ONCRMDEALADD", (_, result) => Fields(result)),
            ["crm.deal.update"] = ("ONCRMDEALUPDATE", (call, _) => Fields(call["id"])),
            ["crm.deal.delete"] = ("ONCRMDEALDELETE", (call, _) => Fields(call["id"])),
        };

    /// <summary>The event a successful call of <paramref name="method"/> raises, or null for none.</summary>
    /// <param name="method">The method called.</param>
    /// <param name="parameters">The call's parameters.</param>
    /// <param name="result">What the call answered.</param>
    public static (string EventName, JsonObject Data)? Find(string method, JsonObject parameters, JsonNode? result) =>
        ByMethod.TryGetValue(method, out var trigger) && trigger.Data(parameters, result) is { } data
            ? (trigger.EventName, data)
            : null;

    private static JsonObject? Plain(JsonNode? id) => Id(id) is { } text ? new JsonObject { ["id"] = text } : null;

    private static JsonObject? Fields(JsonNode? id) =>
        Id(id) is { } text ? new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = text } } : null;

    // Ids travel as strings in event payloads, whatever type the call or the answer gave them.
    private static string? Id(JsonNode? id) => Text(id) is { Length: > 0 } text && text != "false" ? text : null;
}
