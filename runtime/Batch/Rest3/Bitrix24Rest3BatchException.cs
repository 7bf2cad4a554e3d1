using System;
using System.Collections.Generic;

namespace Bitrix24.Generated;

/// <summary>
/// A REST 3.0 batch the portal answered with an error: such a batch answers every call's result or one error, with
/// no error per call, so every call of it fails with this one exception. The portal runs the calls in order and
/// stops at the failing one; calls before it may have run. <see cref="Bitrix24Exception.Method"/> is <c>batch</c>; <see cref="Methods"/> lists the
/// calls' methods, and the code, description and validation entries are the portal's.
/// </summary>
public sealed class Bitrix24Rest3BatchException : Bitrix24ApiException
{
    /// <summary>Creates the exception from the batch request's error.</summary>
    /// <param name="error">The error the portal answered the <c>batch</c> request with.</param>
    /// <param name="methods">The methods of the batch's calls, in order.</param>
    public Bitrix24Rest3BatchException(Bitrix24ApiException error, IReadOnlyList<string> methods)
        : base(Checked(error).Method, error.StatusCode, error.RawCode, error.Description)
    {
        ArgumentNullException.ThrowIfNull(methods);
        Methods = methods;
        Validation = error.Validation;
        OutcomeUnknown = error.OutcomeUnknown;
    }

    /// <summary>The methods of the batch's calls, in order, e.g. <c>note.document.add, note.document.get</c>.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <inheritdoc/>
    public override string Message => base.Message + " The batch's calls: " + string.Join(", ", Methods) + "; each fails with this error.";

    private static Bitrix24ApiException Checked(Bitrix24ApiException error) => error ?? throw new ArgumentNullException(nameof(error));
}
