using System;
using System.Net;

namespace Bitrix24.Generated;

/// <summary>Tells a method's documented errors apart, so the call can raise a typed exception.</summary>
public abstract class Bitrix24ErrorMap
{
    // Only the maps below exist: generated code instantiates Bitrix24ErrorMap<TError>.
    internal Bitrix24ErrorMap()
    {
    }

    internal abstract Bitrix24ApiException CreateException(string method, HttpStatusCode status, string code, string description);
}

/// <summary>One documented error: its enum value, wire code and, for shared codes, its exact message.</summary>
/// <typeparam name="TError">The method's error enum.</typeparam>
/// <param name="Error">The enum value.</param>
/// <param name="Code">The <c>error</c> code; calendar methods use the empty code for all of theirs.</param>
/// <param name="Message">The <c>error_description</c> that identifies it, or null to match the code alone.</param>
public readonly record struct Bitrix24ErrorMapping<TError>(TError Error, string Code, string? Message)
    where TError : struct, Enum;

/// <summary>The documented errors of one method.</summary>
/// <typeparam name="TError">The method's error enum.</typeparam>
public sealed class Bitrix24ErrorMap<TError> : Bitrix24ErrorMap
    where TError : struct, Enum
{
    private readonly Bitrix24ErrorMapping<TError>[] _mappings;

    /// <summary>Creates the map.</summary>
    public Bitrix24ErrorMap(params Bitrix24ErrorMapping<TError>[] mappings)
    {
        _mappings = mappings ?? throw new ArgumentNullException(nameof(mappings));
    }

    /// <summary>
    /// Finds the documented error for a code and description. Codes compare ignoring case; a mapping with
    /// a message also needs the description to match, ignoring case and a trailing full stop.
    /// </summary>
    public TError? Match(string code, string description)
    {
        code ??= string.Empty;
        foreach (var mapping in _mappings)
        {
            if (!string.Equals(mapping.Code ?? string.Empty, code, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (mapping.Message is null || SameMessage(mapping.Message, description))
            {
                return mapping.Error;
            }
        }

        return null;
    }

    internal override Bitrix24ApiException CreateException(string method, HttpStatusCode status, string code, string description) =>
        new Bitrix24ApiException<TError>(method, status, code, description, Match(code, description));

    private static bool SameMessage(string expected, string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        return string.Equals(expected.Trim().TrimEnd('.'), actual.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
    }
}
