using System;
using System.Collections.Generic;
using System.Net;

namespace Bitrix24.Generated;

/// <summary>The portal answered the call with an error envelope <c>{"error", "error_description"}</c>.</summary>
public class Bitrix24ApiException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24ApiException(string method, HttpStatusCode statusCode, string rawCode, string description)
        : base(method, BuildMessage(method, statusCode, rawCode, description))
    {
        StatusCode = statusCode;
        RawCode = rawCode;
        Description = description;
        Code = Bitrix24ErrorCodes.Parse(rawCode);
    }

    /// <summary>The system error the code stands for.</summary>
    public Bitrix24ErrorCode Code { get; }

    /// <summary>The <c>error</c> field as the portal sent it (may be empty).</summary>
    public string RawCode { get; }

    /// <summary>The <c>error_description</c> field.</summary>
    public string Description { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// REST 3.0's <c>error.validation</c> entries: which request field is wrong and why. Empty for classic errors and
    /// for REST 3.0 errors that are not about parameters.
    /// </summary>
    public IReadOnlyList<Bitrix24ValidationError> Validation { get; internal set; } = Array.Empty<Bitrix24ValidationError>();

    /// <summary>
    /// For <c>OPERATION_TIME_LIMIT</c>: when the method's operating-time budget frees up, as the last answer of the
    /// method announced (<c>operating_reset_at</c>); null when no answer announced one.
    /// </summary>
    public DateTimeOffset? OperatingResetAt { get; internal set; }

    /// <summary>The validation entries about one request field, e.g. <c>deadline</c>; empty when it has none.</summary>
    /// <param name="field">The field as the portal names it.</param>
    public IReadOnlyList<Bitrix24ValidationError> ValidationFor(string field)
    {
        var found = new List<Bitrix24ValidationError>();
        foreach (var entry in Validation)
        {
            if (string.Equals(entry.Field, field, StringComparison.Ordinal))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private static string BuildMessage(string method, HttpStatusCode status, string code, string description) =>
        $"Bitrix24 method '{method}' failed with HTTP {(int)status}, code '{code}': {description}";
}

/// <summary>An error of a method with documented errors; <see cref="Error"/> says which one, when it is known.</summary>
/// <typeparam name="TError">The method's error enum.</typeparam>
public sealed class Bitrix24ApiException<TError> : Bitrix24ApiException
    where TError : struct, Enum
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24ApiException(string method, HttpStatusCode statusCode, string rawCode, string description, TError? error)
        : base(method, statusCode, rawCode, description)
    {
        Error = error;
    }

    /// <summary>The documented error this is, or null when the code and description match none.</summary>
    public TError? Error { get; }
}
