using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bitrix24.Generated.Specs.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generated.Generator.Diagnostics;

/// <summary>
/// The spec rules as Roslyn diagnostics, one descriptor per rule. Ids and severities are written out here, where
/// release tracking (<c>AnalyzerReleases.*.md</c>) can see them; titles and messages come from the rules.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Bitrix24.Spec";

    public static readonly DiagnosticDescriptor InvalidYaml = new(
        "B24001", SpecRules.InvalidYaml.Title, SpecRules.InvalidYaml.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingRequiredKey = new(
        "B24002", SpecRules.MissingRequiredKey.Title, SpecRules.MissingRequiredKey.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "B24003", SpecRules.UnknownKey.Title, SpecRules.UnknownKey.MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownType = new(
        "B24004", SpecRules.UnknownType.Title, SpecRules.UnknownType.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "B24005", SpecRules.DuplicateName.Title, SpecRules.DuplicateName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ValueNotAllowed = new(
        "B24006", SpecRules.ValueNotAllowed.Title, SpecRules.ValueNotAllowed.MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidMethodName = new(
        "B24007", SpecRules.InvalidMethodName.Title, SpecRules.InvalidMethodName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingType = new(
        "B24008", SpecRules.ConflictingType.Title, SpecRules.ConflictingType.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateMethod = new(
        "B24009", SpecRules.DuplicateMethod.Title, SpecRules.DuplicateMethod.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WrongValueForm = new(
        "B24010", SpecRules.WrongValueForm.Title, SpecRules.WrongValueForm.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidIdentifier = new(
        "B24011", SpecRules.InvalidIdentifier.Title, SpecRules.InvalidIdentifier.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingElementType = new(
        "B24012", SpecRules.MissingElementType.Title, SpecRules.MissingElementType.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateValue = new(
        "B24013", SpecRules.DuplicateValue.Title, SpecRules.DuplicateValue.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidExampleJson = new(
        "B24014", SpecRules.InvalidExampleJson.Title, SpecRules.InvalidExampleJson.MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PropertyNameClash = new(
        "B24015", SpecRules.PropertyNameClash.Title, SpecRules.PropertyNameClash.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlappingVariants = new(
        "B24016", SpecRules.OverlappingVariants.Title, SpecRules.OverlappingVariants.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NestedCollectionShorthand = new(
        "B24017", SpecRules.NestedCollectionShorthand.Title, SpecRules.NestedCollectionShorthand.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnionNeedsVariants = new(
        "B24018", SpecRules.UnionNeedsVariants.Title, SpecRules.UnionNeedsVariants.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnumNeedsValues = new(
        "B24019", SpecRules.EnumNeedsValues.Title, SpecRules.EnumNeedsValues.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidKeyFormat = new(
        "B24020", SpecRules.InvalidKeyFormat.Title, SpecRules.InvalidKeyFormat.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KeyNeedsPatterns = new(
        "B24021", SpecRules.KeyNeedsPatterns.Title, SpecRules.KeyNeedsPatterns.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedResultType = new(
        "B24022", SpecRules.UnsupportedResultType.Title, SpecRules.UnsupportedResultType.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PagedResultNotArray = new(
        "B24023", SpecRules.PagedResultNotArray.Title, SpecRules.PagedResultNotArray.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PagedMethodWithoutStart = new(
        "B24024", SpecRules.PagedMethodWithoutStart.Title, SpecRules.PagedMethodWithoutStart.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FastPagingWithoutPaging = new(
        "B24025", SpecRules.FastPagingWithoutPaging.Title, SpecRules.FastPagingWithoutPaging.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FastPagingParameter = new(
        "B24026", SpecRules.FastPagingParameter.Title, SpecRules.FastPagingParameter.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FastPagingId = new(
        "B24027", SpecRules.FastPagingId.Title, SpecRules.FastPagingId.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PropertyNamedLikeType = new(
        "B24028", SpecRules.PropertyNamedLikeType.Title, SpecRules.PropertyNamedLikeType.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor VariantNameClash = new(
        "B24029", SpecRules.VariantNameClash.Title, SpecRules.VariantNameClash.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnumMemberClash = new(
        "B24030", SpecRules.EnumMemberClash.Title, SpecRules.EnumMemberClash.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratedNameTaken = new(
        "B24031", SpecRules.GeneratedNameTaken.Title, SpecRules.GeneratedNameTaken.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservedTypeName = new(
        "B24032", SpecRules.ReservedTypeName.Title, SpecRules.ReservedTypeName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KeyTypeAsValue = new(
        "B24033", SpecRules.KeyTypeAsValue.Title, SpecRules.KeyTypeAsValue.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SetMemberType = new(
        "B24034", SpecRules.SetMemberType.Title, SpecRules.SetMemberType.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NestedUnion = new(
        "B24035", SpecRules.NestedUnion.Title, SpecRules.NestedUnion.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidMapKey = new(
        "B24036", SpecRules.InvalidMapKey.Title, SpecRules.InvalidMapKey.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservedMemberName = new(
        "B24037", SpecRules.ReservedMemberName.Title, SpecRules.ReservedMemberName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AnyVariant = new(
        "B24038", SpecRules.AnyVariant.Title, SpecRules.AnyVariant.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidDocsUrl = new(
        "B24039", SpecRules.InvalidDocsUrl.Title, SpecRules.InvalidDocsUrl.MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidDeprecated = new(
        "B24040", SpecRules.InvalidDeprecated.Title, SpecRules.InvalidDeprecated.MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ShippedSpecReplaced = new(
        "B24041", SpecRules.ShippedSpecReplaced.Title, SpecRules.ShippedSpecReplaced.MessageFormat, Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PageItemsNotAList = new(
        "B24042", SpecRules.PageItemsNotAList.Title, SpecRules.PageItemsNotAList.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidUserFields = new(
        "B24043", SpecRules.InvalidUserFields.Title, SpecRules.InvalidUserFields.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ClientNameClash = new(
        "B24044", SpecRules.ClientNameClash.Title, SpecRules.ClientNameClash.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24045: a filter or select anywhere but a parameter of a REST 3.0 method.</summary>
    public static readonly DiagnosticDescriptor MisplacedQuery = new(
        "B24045", SpecRules.MisplacedQuery.Title, SpecRules.MisplacedQuery.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24046: a filter or select whose items name no object type.</summary>
    public static readonly DiagnosticDescriptor QueryOfNonObject = new(
        "B24046", SpecRules.QueryOfNonObject.Title, SpecRules.QueryOfNonObject.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24047: paging: page on a method that is not a REST 3.0 list with pagination.</summary>
    public static readonly DiagnosticDescriptor PagePagingNotRest3List = new(
        "B24047", SpecRules.PagePagingNotRest3List.Title, SpecRules.PagePagingNotRest3List.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24048: filterable on a parameter.</summary>
    public static readonly DiagnosticDescriptor FilterableParameter = new(
        "B24048", SpecRules.FilterableParameter.Title, SpecRules.FilterableParameter.MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>B24049: a spec with both method and event.</summary>
    public static readonly DiagnosticDescriptor MethodAndEvent = new(
        "B24049", SpecRules.MethodAndEvent.Title, SpecRules.MethodAndEvent.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24050: invalid event name.</summary>
    public static readonly DiagnosticDescriptor InvalidEventName = new(
        "B24050", SpecRules.InvalidEventName.Title, SpecRules.InvalidEventName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24051: event specified twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateEvent = new(
        "B24051", SpecRules.DuplicateEvent.Title, SpecRules.DuplicateEvent.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>B24052: event's class name taken.</summary>
    public static readonly DiagnosticDescriptor EventNameTaken = new(
        "B24052", SpecRules.EventNameTaken.Title, SpecRules.EventNameTaken.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnexpectedFailure = new(
        "B24099", SpecRules.UnexpectedFailure.Title, SpecRules.UnexpectedFailure.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Every descriptor, as the analyzer declares them.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        InvalidYaml, MissingRequiredKey, UnknownKey, UnknownType, DuplicateName, ValueNotAllowed, InvalidMethodName, ConflictingType, DuplicateMethod, WrongValueForm, InvalidIdentifier, MissingElementType, DuplicateValue, InvalidExampleJson, PropertyNameClash, OverlappingVariants, NestedCollectionShorthand, UnionNeedsVariants, EnumNeedsValues, InvalidKeyFormat, KeyNeedsPatterns, UnsupportedResultType, PagedResultNotArray, PagedMethodWithoutStart, FastPagingWithoutPaging, FastPagingParameter, FastPagingId, PropertyNamedLikeType, VariantNameClash, EnumMemberClash, GeneratedNameTaken, ReservedTypeName, KeyTypeAsValue, SetMemberType, NestedUnion, InvalidMapKey, ReservedMemberName, AnyVariant, InvalidDocsUrl, InvalidDeprecated, ShippedSpecReplaced, PageItemsNotAList, InvalidUserFields, ClientNameClash, MisplacedQuery, QueryOfNonObject, PagePagingNotRest3List, FilterableParameter, MethodAndEvent, InvalidEventName, DuplicateEvent, EventNameTaken, UnexpectedFailure);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor For(SpecRule rule) => ById[rule.Id];

    /// <summary>A spec diagnostic as the compiler reports it, at its file, line and column.</summary>
    public static Diagnostic ToDiagnostic(this SpecDiagnostic diagnostic) => Diagnostic.Create(
        For(diagnostic.Rule),
        ToLocation(diagnostic.Location),
        diagnostic.Arguments.Cast<object>().ToArray());

    private static Location ToLocation(SourceLocation location) => Location.Create(
        location.FilePath,
        new TextSpan(location.Start, location.Length),
        new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
}
