using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Errors make a spec's method ungeneratable (it is skipped,
/// the others still generate); warnings flag mistakes that do not stop generation.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Bitrix24.Spec";

    public static readonly DiagnosticDescriptor InvalidYaml = Error(
        "B24001", "Spec is not valid YAML", "The spec is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor MissingRequiredKey = Error(
        "B24002", "Required key missing", "{0} is missing the required key '{1}'");

    public static readonly DiagnosticDescriptor UnknownKey = Warning(
        "B24003", "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "B24004", "Unknown type", "{0} has unknown type '{1}'; use a built-in type ({2}) or a type declared under 'types:'");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "B24005", "Duplicate name", "{0} '{1}' is declared more than once in {2}");

    public static readonly DiagnosticDescriptor ValueNotAllowed = Warning(
        "B24006", "Value not among the allowed values", "The {0} '{1}' of {2} is not one of its allowed values: {3}");

    public static readonly DiagnosticDescriptor InvalidMethodName = Error(
        "B24007", "Invalid method name", "'{0}' is not a valid Bitrix24 method name; expected dotted segments such as 'calendar.user.settings.set'");

    public static readonly DiagnosticDescriptor ConflictingType = Error(
        "B24008", "Type declared differently twice", "Type '{0}' is also declared in '{1}' with a different definition; declare it once or make both identical");

    public static readonly DiagnosticDescriptor DuplicateMethod = Error(
        "B24009", "Method specified twice", "Method '{0}' is also specified in '{1}'");

    public static readonly DiagnosticDescriptor WrongValueType = Error(
        "B24010", "Wrong kind of value", "'{0}' must be {1}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "B24011", "Not a valid C# name", "'{0}' is not a valid C# identifier for {1}");

    public static readonly DiagnosticDescriptor IncompleteType = Error(
        "B24012", "Incomplete type", "{0}: {1}");

    public static readonly DiagnosticDescriptor DuplicateValue = Error(
        "B24013", "Duplicate value", "The value '{0}' appears more than once in {1}");

    public static readonly DiagnosticDescriptor InvalidExampleJson = Warning(
        "B24014", "Example is not valid JSON", "The {0} of example '{1}' is not valid JSON: {2}");

    public static readonly DiagnosticDescriptor NameClash = Error(
        "B24015", "Generated names clash", "{0}");

    public static readonly DiagnosticDescriptor OverlappingVariants = Error(
        "B24016", "Union variants overlap", "Variants '{0}' and '{1}' of type '{2}' both arrive as {3}; the variants of a union must differ in JSON shape");

    public static readonly DiagnosticDescriptor UnexpectedFailure = Error(
        "B24099", "Spec could not be processed", "The generator failed on this spec: {0}");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Every descriptor, as the analyzer declares them.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        InvalidYaml, MissingRequiredKey, UnknownKey, UnknownType, DuplicateName, ValueNotAllowed, InvalidMethodName, ConflictingType,
        DuplicateMethod, WrongValueType, InvalidIdentifier, IncompleteType, DuplicateValue, InvalidExampleJson, NameClash, OverlappingVariants,
        UnexpectedFailure);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "B24001" => InvalidYaml,
        "B24002" => MissingRequiredKey,
        "B24003" => UnknownKey,
        "B24004" => UnknownType,
        "B24005" => DuplicateName,
        "B24006" => ValueNotAllowed,
        "B24007" => InvalidMethodName,
        "B24008" => ConflictingType,
        "B24009" => DuplicateMethod,
        "B24010" => WrongValueType,
        "B24011" => InvalidIdentifier,
        "B24012" => IncompleteType,
        "B24013" => DuplicateValue,
        "B24014" => InvalidExampleJson,
        "B24015" => NameClash,
        "B24016" => OverlappingVariants,
        _ => UnexpectedFailure,
    };
}
