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

    /// <summary>
    /// The portal's message for a required parameter that is missing, <c>The required parameter "x" for the method "m"
    /// is not set</c>, with the method filled in when it is matched.
    /// </summary>
    /// <param name="parameter">The parameter's wire name.</param>
    public static string Required(string parameter) => "The required parameter \"" + parameter + "\" for the method \"" + MethodPlaceholder + "\" is not set";

    /// <summary>Stands for the method's name in a documented message.</summary>
    internal const string MethodPlaceholder = "{method}";
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

    /// <summary>Creates the map for an enum whose members are numbered from 0 in the order of <paramref name="errors"/>.</summary>
    /// <param name="errors">The code and, for shared codes, the message of each member in turn.</param>
    public Bitrix24ErrorMap(params (string Code, string? Message)[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        EnumPositions<TError>.Require(nameof(errors));
        _mappings = new Bitrix24ErrorMapping<TError>[errors.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            _mappings[i] = new(EnumPositions<TError>.Member(i), errors[i].Code, errors[i].Message);
        }
    }

    /// <summary>
    /// Finds the documented error for a code and description. Codes compare ignoring case; a mapping with
    /// a message also needs the description to match, ignoring case and a trailing full stop.
    /// </summary>
    public TError? Match(string code, string description) => Match(code, description, method: null);

    /// <summary>As <see cref="Match(string, string)"/>, for messages that name the method (see <see cref="Bitrix24ErrorMap.Required"/>).</summary>
    public TError? Match(string code, string description, string? method)
    {
        code ??= string.Empty;
        foreach (var mapping in _mappings)
        {
            if (!string.Equals(mapping.Code ?? string.Empty, code, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var message = method is null ? mapping.Message : mapping.Message?.Replace(MethodPlaceholder, method, StringComparison.Ordinal);
            if (message is null || SameMessage(message, description))
            {
                return mapping.Error;
            }
        }

        return null;
    }

    internal override Bitrix24ApiException CreateException(string method, HttpStatusCode status, string code, string description) =>
        new Bitrix24ApiException<TError>(method, status, code, description, Match(code, description, method));

    private static bool SameMessage(string expected, string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        return string.Equals(expected.Trim().TrimEnd('.'), actual.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
    }
}
