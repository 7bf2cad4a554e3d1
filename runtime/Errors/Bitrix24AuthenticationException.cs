using System;

namespace Bitrix24.Generated;

/// <summary>The OAuth tokens could not be renewed (a used or revoked refresh token, wrong client credentials).</summary>
public sealed class Bitrix24AuthenticationException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24AuthenticationException(string method, string error, string message, Exception? innerException = null)
        : base(method, message, innerException)
    {
        Error = error;
    }

    /// <summary>The token endpoint's error code, e.g. <c>invalid_grant</c>.</summary>
    public string Error { get; }
}
