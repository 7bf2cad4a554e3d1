using System;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>What the events endpoint and dispatcher log: names and member ids, never a token or a body.</summary>
internal static partial class EventsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Bitrix24 event refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bitrix24 event {EventName} refused: the application token does not match portal {MemberId}")]
    public static partial void Unauthorized(ILogger logger, string eventName, string? memberId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Bitrix24 event {EventName} of portal {MemberId} refused: the queue is full")]
    public static partial void QueueFull(ILogger logger, string eventName, string memberId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Bitrix24 event {EventName} of portal {MemberId} accepted with no handler registered")]
    public static partial void NoHandler(ILogger logger, string eventName, string? memberId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Handler {Handler} failed on Bitrix24 event {EventName} of portal {MemberId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string eventName, string? memberId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Bitrix24 events still queued at shutdown were dropped: the time to drain ran out")]
    public static partial void DrainCancelled(ILogger logger);
}
