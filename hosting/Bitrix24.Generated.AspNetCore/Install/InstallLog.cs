using System;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>What the install endpoint logs: portals and event names, never a token.</summary>
internal static partial class InstallLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Bitrix24 install post refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Bitrix24 application installed on portal {MemberId} ({Domain})")]
    public static partial void Installed(ILogger logger, string memberId, string domain);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Bitrix24 application token received for portal {MemberId}")]
    public static partial void ApplicationTokenStored(ILogger logger, string memberId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Binding {EventName} on portal {MemberId} failed with {Code}")]
    public static partial void BindFailed(ILogger logger, Exception exception, string eventName, string memberId, string code);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Bitrix24 {EventName} refused: the application token does not match portal {MemberId}")]
    public static partial void Unauthorized(ILogger logger, string eventName, string memberId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Bitrix24 application uninstalled from portal {MemberId}")]
    public static partial void Uninstalled(ILogger logger, string memberId);
}
