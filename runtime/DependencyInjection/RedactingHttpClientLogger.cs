using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated;

/// <summary>
/// Replaces IHttpClientFactory's request logging, which writes whole URLs: a webhook URL carries its secret in
/// the path and an OAuth call its token in the query. Only the host and the REST method are logged.
/// </summary>
internal sealed class RedactingHttpClientLogger : IHttpClientLogger
{
    private static readonly Action<ILogger, string, string, string, Exception?> Sending =
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(100, "Sending"), "HTTP {HttpMethod} {Host} {RestMethod}");

    private static readonly Action<ILogger, string, string, int, double, Exception?> Received =
        LoggerMessage.Define<string, string, int, double>(LogLevel.Debug, new EventId(101, "Received"), "HTTP {Host} {RestMethod} answered {Status} in {ElapsedMs:0.0} ms");

    private static readonly Action<ILogger, string, string, double, Exception?> Failed =
        LoggerMessage.Define<string, string, double>(LogLevel.Debug, new EventId(102, "Failed"), "HTTP {Host} {RestMethod} failed after {ElapsedMs:0.0} ms");

    private readonly ILogger _logger;

    public RedactingHttpClientLogger(ILogger<RedactingHttpClientLogger> logger) => _logger = logger;

    public object? LogRequestStart(HttpRequestMessage request)
    {
        Sending(_logger, request.Method.Method, Host(request), RestMethod(request), null);
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        Received(_logger, Host(request), RestMethod(request), (int)response.StatusCode, elapsed.TotalMilliseconds, null);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Failed(_logger, Host(request), RestMethod(request), elapsed.TotalMilliseconds, null);

    private static string Host(HttpRequestMessage request) => request.RequestUri?.Authority ?? string.Empty;

    // The last path segment is the REST method (or "token" at the OAuth server); everything before it may be secret.
    private static string RestMethod(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.Segments;
        return segments is { Length: > 0 } ? segments[^1].Trim('/') : string.Empty;
    }
}
