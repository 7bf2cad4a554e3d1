using System;

namespace Bitrix24.Generated;

/// <summary>The base of every error a Bitrix24 call raises.</summary>
public abstract class Bitrix24Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    protected Bitrix24Exception(string method, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
    }

    /// <summary>The REST method that was called, e.g. <c>calendar.user.settings.set</c>.</summary>
    public string Method { get; }

    /// <summary>
    /// True when a call that is not safe to repeat failed in a way that may have come after the portal ran it (its
    /// answer was lost, cut off or a server error): whether it took effect is unknown. A classic write is not retried
    /// then; a REST 3.0 write is, under its Idempotency-Key, and is marked so only when every attempt failed.
    /// Check the portal before calling again.
    /// </summary>
    public bool OutcomeUnknown { get; internal set; }

    /// <inheritdoc/>
    public override string Message => OutcomeUnknown
        ? base.Message + " The call may have run on the portal: its outcome is unknown."
        : base.Message;
}

/// <summary>The call could not reach the portal or got no answer in time.</summary>
public sealed class Bitrix24TransportException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24TransportException(string method, string message, Exception? innerException = null, bool requestMayHaveRun = true)
        : base(method, message, innerException)
    {
        RequestMayHaveRun = requestMayHaveRun;
    }

    /// <summary>
    /// False when the request certainly never reached the portal (no connection could be made); true when it
    /// may have run there and only its answer was lost.
    /// </summary>
    public bool RequestMayHaveRun { get; }
}

/// <summary>The portal answered with something that is not a Bitrix24 envelope (an HTML page, cut-off JSON, a wrong shape).</summary>
public sealed class Bitrix24ResponseFormatException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24ResponseFormatException(
        string method,
        System.Net.HttpStatusCode statusCode,
        string? contentType,
        string bodyExcerpt,
        string problem,
        Exception? innerException = null)
        : base(method, BuildMessage(method, statusCode, contentType, bodyExcerpt, problem), innerException)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP status of the response.</summary>
    public System.Net.HttpStatusCode StatusCode { get; }

    /// <summary>The response's content type, if it had one.</summary>
    public string? ContentType { get; }

    /// <summary>The first characters of the body, for diagnosis.</summary>
    public string BodyExcerpt { get; }

    private static string BuildMessage(string method, System.Net.HttpStatusCode status, string? contentType, string excerpt, string problem) =>
        $"The response to '{method}' (HTTP {(int)status}, {contentType ?? "no content type"}) is not a valid Bitrix24 response: {problem} Body starts with: {excerpt}";
}
