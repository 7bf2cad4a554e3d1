using System;
using System.IO;
using System.Threading.Tasks;
using Bitrix24.Emulator.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// The one place a failure becomes an answer: a request that cannot be read gets a 400 envelope saying why, and
/// anything else that escapes a handler gets a logged 500 <c>INTERNAL_SERVER_ERROR</c> envelope, as a portal sends,
/// never an empty 500 or a dropped connection.
/// </summary>
internal sealed class FailureBoundary
{
    private readonly ILogger _logger;

    public FailureBoundary(ILogger logger) => _logger = logger;

    /// <summary>Runs the rest of the pipeline and answers whatever it throws.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; there is no one to answer.
        }
        catch (Exception exception)
        {
            var (status, code, description) = exception switch
            {
                UnreadableRequestException unreadable => (StatusCodes.Status400BadRequest, unreadable.Code, unreadable.Message),
                // Kestrel's own refusals: a body too large, too slow or cut short.
                BadHttpRequestException bad => (bad.StatusCode, "INVALID_REQUEST", "The request cannot be read: " + bad.Message),
                _ => (StatusCodes.Status500InternalServerError, "INTERNAL_SERVER_ERROR", "Internal server error"),
            };
            if (status >= 500)
            {
                _logger.LogError(exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }

            await AnswerAsync(context, status, code, description).ConfigureAwait(false);
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string code, string description)
    {
        if (context.Response.HasStarted)
        {
            // Half an answer is out: cutting the connection is the only honest end.
            context.Abort();
            return;
        }

        try
        {
            context.Response.Clear();
            await EnvelopeWriter.WriteAsync(context, status, EnvelopeWriter.Error(code, description)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client left while the answer was written.
        }
    }
}
