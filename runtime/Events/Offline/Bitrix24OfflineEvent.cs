using System;
using System.Globalization;
using System.Text.Json;

namespace Bitrix24.Generated.Events;

/// <summary>
/// One record of the portal's offline event queue, as <c>event.offline.get</c> returns it. The queue keeps the latest
/// state per object, not every change: read the object itself for its current data.
/// </summary>
public sealed class Bitrix24OfflineEvent
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">The record's id in the queue (<c>ID</c>).</param>
    /// <param name="timestamp">When the event last happened (<c>TIMESTAMP_X</c>).</param>
    /// <param name="eventName">The event's name, e.g. <c>ONCRMDEALUPDATE</c> (<c>EVENT_NAME</c>).</param>
    /// <param name="data">What the event carries (<c>EVENT_DATA</c>).</param>
    /// <param name="additional">What else the portal tells about it (<c>EVENT_ADDITIONAL</c>).</param>
    /// <param name="messageId">The key of the object the event is about (<c>MESSAGE_ID</c>).</param>
    public Bitrix24OfflineEvent(long id, DateTimeOffset timestamp, string eventName, JsonElement data, JsonElement additional, string messageId)
    {
        Id = id;
        Timestamp = timestamp;
        EventName = eventName ?? throw new ArgumentNullException(nameof(eventName));
        Data = data;
        Additional = additional;
        MessageId = messageId ?? throw new ArgumentNullException(nameof(messageId));
    }

    /// <summary>The record's id in the queue (<c>ID</c>); what <c>event.offline.clear</c> deletes it by.</summary>
    public long Id { get; }

    /// <summary>When the event last happened (<c>TIMESTAMP_X</c>); a portal text without an offset is read as UTC.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The event's name in upper case, e.g. <c>ONCRMDEALUPDATE</c> (<c>EVENT_NAME</c>).</summary>
    public string EventName { get; }

    /// <summary>
    /// What the event carries (<c>EVENT_DATA</c>), usually the changed object's identifiers; the portal sends
    /// <c>false</c> when there is nothing.
    /// </summary>
    public JsonElement Data { get; }

    /// <summary>What else the portal tells about the event, e.g. the user who caused it (<c>EVENT_ADDITIONAL</c>); <c>false</c> for nothing.</summary>
    public JsonElement Additional { get; }

    /// <summary>The key of the object the event is about (<c>MESSAGE_ID</c>): a later change of the same object refreshes the record.</summary>
    public string MessageId { get; }

    /// <summary>Describes the record without its data, which may hold personal information.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Bitrix24OfflineEvent {{ Id = {Id}, EventName = {EventName}, Timestamp = {Timestamp:O}, MessageId = {MessageId} }}");
}
