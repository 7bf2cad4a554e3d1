using System;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated;

/// <summary>What the connection logs. Messages carry method names, codes and hosts only: never a URL with a secret.</summary>
internal static class ConnectionLog
{
    private static readonly Action<ILogger, string, int, double, Exception?> Answered =
        LoggerMessage.Define<string, int, double>(LogLevel.Debug, new EventId(1, "Answered"), "Bitrix24 {Method} answered HTTP {Status} in {ElapsedMs:0.0} ms");

    private static readonly Action<ILogger, string, string, double, int, int, Exception?> Retrying =
        LoggerMessage.Define<string, string, double, int, int>(LogLevel.Warning, new EventId(2, "Retrying"), "Bitrix24 {Method} failed ({Failure}); retrying in {DelayMs:0} ms, attempt {Attempt} of {MaxAttempts}");

    private static readonly Action<ILogger, string, Exception?> Renewing =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(3, "Renewing"), "Bitrix24 {Method} found the access token expired; renewing it");

    private static readonly Action<ILogger, string, string, Exception?> Moved =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(4, "Moved"), "Bitrix24 {Method}: the portal moved to {Host}; following it, update its address");

    private static readonly Action<ILogger, string, string, Exception?> Failed =
        LoggerMessage.Define<string, string>(LogLevel.Debug, new EventId(5, "Failed"), "Bitrix24 {Method} failed: {Failure}");

    public static void CallAnswered(ILogger logger, string method, System.Net.HttpStatusCode status, TimeSpan elapsed) =>
        Answered(logger, method, (int)status, elapsed.TotalMilliseconds, null);

    public static void CallRetrying(ILogger logger, string method, Bitrix24Exception failure, TimeSpan delay, int attempt, int maxAttempts) =>
        Retrying(logger, method, Describe(failure), delay.TotalMilliseconds, attempt + 1, maxAttempts, null);

    public static void TokenRenewing(ILogger logger, string method) => Renewing(logger, method, null);

    public static void PortalMoved(ILogger logger, string method, string host) => Moved(logger, method, host, null);

    public static void CallFailed(ILogger logger, string method, Bitrix24Exception failure) => Failed(logger, method, Describe(failure), null);

    // The exception's own message is already free of secrets; its type says which kind of failure.
    private static string Describe(Bitrix24Exception failure) => failure.GetType().Name + ": " + failure.Message;
}
