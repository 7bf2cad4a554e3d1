using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Events;

/// <summary>One record of the offline event queue, as <c>event.offline.list</c> shows it.</summary>
/// <param name="Id">The record's id, increasing.</param>
/// <param name="Timestamp">When the event last happened: the queue keeps one record per object, the latest.</param>
/// <param name="EventName">The event's name, upper case (<c>ONCRMDEALADD</c>).</param>
/// <param name="Data">What the event carries, as an online handler gets it in <c>data</c>; null for none.</param>
/// <param name="Additional">What else the portal tells about it (the user who caused it); null for none.</param>
/// <param name="MessageId">The key of the object the event is about: a later event of the same key replaces the record.</param>
/// <param name="ProcessId">The process holding the record since <c>event.offline.get</c> with <c>clear=0</c>; empty when none.</param>
/// <param name="Error">Whether <c>event.offline.error</c> marked it as failed.</param>
public sealed record OfflineEventRecord(
    int Id,
    DateTimeOffset Timestamp,
    string EventName,
    JsonNode? Data,
    JsonNode? Additional,
    string MessageId,
    string ProcessId,
    bool Error)
{
    /// <summary>The record as <c>event.offline.get</c> answers it.</summary>
    internal JsonObject ToGetItem() => new()
    {
        ["ID"] = Id.ToString(CultureInfo.InvariantCulture),
        ["TIMESTAMP_X"] = FormatTimestamp(Timestamp),
        ["EVENT_NAME"] = EventName,
        // The portal answers false for an empty value, as PHP serializes it.
        ["EVENT_DATA"] = Data?.DeepClone() ?? JsonValue.Create(false),
        ["EVENT_ADDITIONAL"] = Additional?.DeepClone() ?? JsonValue.Create(false),
        ["MESSAGE_ID"] = MessageId,
    };

    /// <summary>The record as <c>event.offline.list</c> answers it: with the process and the error flag.</summary>
    internal JsonObject ToListItem()
    {
        var item = ToGetItem();
        item["PROCESS_ID"] = ProcessId;
        item["ERROR"] = Error ? "1" : "0";
        return item;
    }

    /// <summary>The portal's ISO 8601 form with the offset: <c>2024-07-18T12:32:31+02:00</c>.</summary>
    internal static string FormatTimestamp(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
