using System.Collections.Generic;

namespace Bitrix24.Generated.Specs.Diagnostics;

/// <summary>
/// Every condition a spec can break, one rule each. Errors leave the method (or the type) out of generation,
/// the other specs still generate; warnings flag mistakes that do not stop generation.
/// </summary>
public static class SpecRules
{
    /// <summary>The YAML cannot be read.</summary>
    public static readonly SpecRule InvalidYaml = Error("B24001", "Spec is not valid YAML", "The spec is not valid YAML: {0}");

    /// <summary>A required key is absent.</summary>
    public static readonly SpecRule MissingRequiredKey = Error("B24002", "Required key missing", "{0} is missing the required key '{1}'");

    /// <summary>A key the format does not know, most likely a typo.</summary>
    public static readonly SpecRule UnknownKey = Warning("B24003", "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}");

    /// <summary>A type name that is neither built in nor declared.</summary>
    public static readonly SpecRule UnknownType = Error(
        "B24004", "Unknown type", "{0} has unknown type '{1}'; use a built-in type ({2}) or a type declared under 'types:'");

    /// <summary>The same name twice where names must differ.</summary>
    public static readonly SpecRule DuplicateName = Error("B24005", "Duplicate name", "{0} '{1}' is declared more than once in {2}");

    /// <summary>An example or documented value outside what the type allows.</summary>
    public static readonly SpecRule ValueNotAllowed = Warning(
        "B24006", "Value not among the allowed values", "The {0} '{1}' of {2} is not one of its allowed values: {3}");

    /// <summary>A method name that is not dotted segments.</summary>
    public static readonly SpecRule InvalidMethodName = Error(
        "B24007", "Invalid method name", "'{0}' is not a valid Bitrix24 method name; expected dotted segments such as 'calendar.user.settings.set'");

    /// <summary>Two specs declare a type differently.</summary>
    public static readonly SpecRule ConflictingType = Error(
        "B24008", "Type declared differently twice", "Type '{0}' is also declared in '{1}' with a different definition; declare it once or make both identical");

    /// <summary>Two specs describe the same method.</summary>
    public static readonly SpecRule DuplicateMethod = Error("B24009", "Method specified twice", "Method '{0}' is also specified in '{1}'");

    /// <summary>A key's value has the wrong YAML form (a list where a single value belongs, text for a number).</summary>
    public static readonly SpecRule WrongValueForm = Error("B24010", "Wrong form of value", "'{0}' must be {1}");

    /// <summary>A name that cannot become a C# identifier.</summary>
    public static readonly SpecRule InvalidIdentifier = Error("B24011", "Not a valid C# name", "'{0}' is not a valid C# identifier for {1}");

    /// <summary>A collection without the type of its elements.</summary>
    public static readonly SpecRule MissingElementType = Error("B24012", "Collection without element type", "{0}: {1} needs '{2}', the type of its {3}");

    /// <summary>The same value twice in a list of values.</summary>
    public static readonly SpecRule DuplicateValue = Error("B24013", "Duplicate value", "The value '{0}' appears more than once in {1}");

    /// <summary>An example request or response that is not JSON.</summary>
    public static readonly SpecRule InvalidExampleJson = Warning("B24014", "Example is not valid JSON", "The {0} of example '{1}' is not valid JSON: {2}");

    /// <summary>Two properties of one object get the same C# name.</summary>
    public static readonly SpecRule PropertyNameClash = Error(
        "B24015", "Properties get the same C# name", "{0} becomes the C# name '{1}', which another property of {2} already has; set csharpName");

    /// <summary>Two variants of a union share a JSON shape.</summary>
    public static readonly SpecRule OverlappingVariants = Error(
        "B24016", "Union variants overlap", "Variants '{0}' and '{1}' of type '{2}' both arrive as {3}; the variants of a union must differ in JSON shape");

    /// <summary>A collection of collections written as a bare name.</summary>
    public static readonly SpecRule NestedCollectionShorthand = Error(
        "B24017", "Inner collection needs a mapping", "{0}: a collection of collections names the inner one as a mapping, e.g. {1}: {{type: {2}, {3}: ...}}");

    /// <summary>A union with fewer than two variants.</summary>
    public static readonly SpecRule UnionNeedsVariants = Error("B24018", "Union without variants", "Type '{0}' is a union and needs 'variants', at least two of them");

    /// <summary>An enum without values.</summary>
    public static readonly SpecRule EnumNeedsValues = Error("B24019", "Enum without values", "Type '{0}' is an enum and needs 'values'");

    /// <summary>A key pattern that is not a prefix followed by <c>{id}</c>.</summary>
    public static readonly SpecRule InvalidKeyFormat = Error(
        "B24020", "Invalid key format", "The format '{0}' of type '{1}' is not a prefix of letters followed by {{id}}, e.g. user{{id}}");

    /// <summary>A key type without patterns.</summary>
    public static readonly SpecRule KeyNeedsPatterns = Error("B24021", "Key type without patterns", "Type '{0}' is a key type and needs 'patterns', at least one");

    /// <summary>A result type the client cannot read as a whole result.</summary>
    public static readonly SpecRule UnsupportedResultType = Error(
        "B24022", "Unsupported result type", "The result of '{0}' is {1}, which is supported inside objects only; wrap it in a named object type");

    /// <summary>A paged method whose result is not a list.</summary>
    public static readonly SpecRule PagedResultNotArray = Error("B24023", "Paged result is not an array", "'{0}' has paging: start, so its result must be an array");

    /// <summary><c>pageItems</c> that does not name a list property of the result's object type.</summary>
    public static readonly SpecRule PageItemsNotAList = Error(
        "B24042", "pageItems is not a list of the result", "The pageItems '{0}' of '{1}' must name an array property of its result, which must be an object type with paging: start");

    /// <summary>A paged method without the <c>start</c> parameter.</summary>
    public static readonly SpecRule PagedMethodWithoutStart = Error(
        "B24024", "Paged method without start", "'{0}' has paging: start, so it must take an integer parameter 'start'");

    /// <summary><c>fastPaging</c> on a method that does not page.</summary>
    public static readonly SpecRule FastPagingWithoutPaging = Error("B24025", "fastPaging without paging", "'{0}' has fastPaging, which needs paging: start");

    /// <summary><c>fastPaging</c> naming a parameter that cannot take the filter or order.</summary>
    public static readonly SpecRule FastPagingParameter = Error(
        "B24026", "fastPaging parameter is not a map of strings", "The fastPaging {0} of '{1}' must name a parameter of type map with string values (a filter's may also be any)");

    /// <summary><c>fastPaging</c> whose id is not an integer property of the listed items.</summary>
    public static readonly SpecRule FastPagingId = Error(
        "B24027", "fastPaging id is not an item id", "The fastPaging id '{0}' of '{1}' must name an integer property of the listed items, which must be objects");

    /// <summary>A property with the C# name of its own type.</summary>
    public static readonly SpecRule PropertyNamedLikeType = Error(
        "B24028", "Property named like its type", "Property '{0}' of type '{1}' would have the same C# name as its type; set csharpName");

    /// <summary>A variant with the name of its union or of another variant.</summary>
    public static readonly SpecRule VariantNameClash = Error(
        "B24029", "Variant name taken", "Variant '{0}' of type '{1}' has the name of the type or of another variant");

    /// <summary>Two enum values that get the same C# member name.</summary>
    public static readonly SpecRule EnumMemberClash = Error(
        "B24030", "Enum values get the same C# name", "Value '{0}' of type '{1}' becomes the C# name '{2}', which another value already has; set csharpName");

    /// <summary>A declared type that takes a name generated for a method.</summary>
    public static readonly SpecRule GeneratedNameTaken = Error(
        "B24031", "Type takes a generated name", "Type '{0}' has the name generated for {1}; rename the type");

    /// <summary>A declared type whose name the generated code uses for something else.</summary>
    public static readonly SpecRule ReservedTypeName = Error(
        "B24032", "Reserved type name", "Type '{0}' has a name the generated code cannot give it: {1}; rename the type");

    /// <summary>A key type where a value belongs.</summary>
    public static readonly SpecRule KeyTypeAsValue = Error(
        "B24033", "Key type used as a value", "{0} uses the key type '{1}'; key types are only for a map's 'key'");

    /// <summary>Set members that are neither strings nor an enum.</summary>
    public static readonly SpecRule SetMemberType = Error(
        "B24034", "Set of other than strings or an enum", "{0} is a set of '{1}'; set members are also its keys, so they must be string or an enum type");

    /// <summary>A union among the variants of a union.</summary>
    public static readonly SpecRule NestedUnion = Error(
        "B24035", "Union inside a union", "Variant '{0}' of type '{1}' is itself a union; list its variants in '{1}' instead");

    /// <summary>A map key that is neither <c>integer</c> nor a key type.</summary>
    public static readonly SpecRule InvalidMapKey = Error(
        "B24036", "Invalid map key", "{0} has the map key '{1}'; a map's key is integer or a type of kind 'key' (omit it for string keys)");

    /// <summary>A property whose C# name a generated class already has for itself.</summary>
    public static readonly SpecRule ReservedMemberName = Error(
        "B24037", "Reserved member name", "{0} would be called '{1}', a name the generated code uses itself; give it another name or csharpName");

    /// <summary><c>userFields</c> that is not the prefix of custom field names, or stands on a type that is not an object.</summary>
    public static readonly SpecRule InvalidUserFields = Error(
        "B24043", "Invalid userFields", "userFields of type '{0}' {1}; it takes the prefix the names of the portal's custom fields start with, such as UF_ or ufCrm, on an object type");

    /// <summary>A union variant of type <c>any</c> or a file, which no JSON shape tells apart from the others.</summary>
    public static readonly SpecRule AnyVariant = Error(
        "B24038", "Union variant of type any or file", "Variant '{0}' of type '{1}' is of type {2}, which arrives in more than one JSON shape; give the property type {2} instead of a union");

    /// <summary>A <c>docs</c> link that is not an absolute http(s) URL; the link is left out of the docs.</summary>
    public static readonly SpecRule InvalidDocsUrl = Warning(
        "B24039", "Invalid documentation URL", "'{0}' is not an absolute http or https URL; docs takes the address of the method's published page");

    /// <summary>A <c>deprecated</c> value that is neither a boolean nor a method name; the method is not marked.</summary>
    public static readonly SpecRule InvalidDeprecated = Warning(
        "B24040", "Invalid deprecated value", "deprecated is '{0}'; expected true, false or the name of the method to use instead, such as 'crm.item.add'");

    /// <summary>A project's spec of a method that the package also ships: the project's is generated.</summary>
    public static readonly SpecRule ShippedSpecReplaced = Info(
        "B24041", "Spec replaces a shipped spec", "This spec of '{0}' replaces the shipped spec of the same method");

    /// <summary>Two methods whose generated client names (classes, members, files) would be the same.</summary>
    public static readonly SpecRule ClientNameClash = Error(
        "B24044", "Method's C# names taken", "'{0}' would give the client {1}, which {2}; set csharpName or rename the method");

    /// <summary>A filter or select anywhere but a parameter of a REST 3.0 method.</summary>
    public static readonly SpecRule MisplacedQuery = Error(
        "B24045", "Filter or select misplaced", "{0} is of type {1}, which only a parameter of a REST 3.0 method (api: v3) may be");

    /// <summary>A filter or select whose items name no object type.</summary>
    public static readonly SpecRule QueryOfNonObject = Error(
        "B24046", "Filter or select of other than an object", "{0} is a {1} of '{2}', which is not an object type; items names the object whose fields it names");

    /// <summary><c>paging: page</c> on a method that is not a REST 3.0 list with pagination.</summary>
    public static readonly SpecRule PagePagingNotRest3List = Error(
        "B24047", "paging: page without a REST 3.0 list", "'{0}' has paging: page, which needs {1}");

    /// <summary><c>filterable</c> on a parameter: filters name properties of object types.</summary>
    public static readonly SpecRule FilterableParameter = Warning(
        "B24048", "filterable on a parameter", "Parameter '{0}' is marked filterable; filterable marks properties of object types, which filters name");

    /// <summary>A spec with both <c>method</c> and <c>event</c>: a spec describes one or the other.</summary>
    public static readonly SpecRule MethodAndEvent = Error(
        "B24049", "Spec is both a method and an event", "The spec has both 'method' and 'event'; a spec describes a method or an event, not both");

    /// <summary>An event name that is not the portal's upper-case form.</summary>
    public static readonly SpecRule InvalidEventName = Error(
        "B24050", "Invalid event name", "'{0}' is not a valid Bitrix24 event name; expected upper case such as 'ONCALENDARENTRYADD' or 'CATALOG.PRICE.ON.ADD'");

    /// <summary>Two specs describe the same event.</summary>
    public static readonly SpecRule DuplicateEvent = Error("B24051", "Event specified twice", "Event '{0}' is also specified in '{1}'");

    /// <summary>Two events get the same class name, or an event's class takes a name a type or a method already has.</summary>
    public static readonly SpecRule EventNameTaken = Error(
        "B24052", "Event's class name taken", "Event '{0}' becomes the class '{1}', which {2} already takes; set csharpName");

    /// <summary>Anything unforeseen: reading a spec never throws, it reports this instead.</summary>
    public static readonly SpecRule UnexpectedFailure = Error("B24099", "Spec could not be processed", "The spec could not be processed: {0}");

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<SpecRule> All { get; } = new[]
    {
        InvalidYaml, MissingRequiredKey, UnknownKey, UnknownType, DuplicateName, ValueNotAllowed, InvalidMethodName, ConflictingType,
        DuplicateMethod, WrongValueForm, InvalidIdentifier, MissingElementType, DuplicateValue, InvalidExampleJson, PropertyNameClash,
        OverlappingVariants, NestedCollectionShorthand, UnionNeedsVariants, EnumNeedsValues, InvalidKeyFormat, KeyNeedsPatterns,
        UnsupportedResultType, PagedResultNotArray, PagedMethodWithoutStart, FastPagingWithoutPaging, FastPagingParameter, FastPagingId,
        PropertyNamedLikeType, VariantNameClash, EnumMemberClash, GeneratedNameTaken, ReservedTypeName, KeyTypeAsValue, SetMemberType,
        NestedUnion, InvalidMapKey, ReservedMemberName, AnyVariant, InvalidDocsUrl, InvalidDeprecated, ShippedSpecReplaced, PageItemsNotAList,
        InvalidUserFields, ClientNameClash, MisplacedQuery, QueryOfNonObject, PagePagingNotRest3List, FilterableParameter,
        MethodAndEvent, InvalidEventName, DuplicateEvent, EventNameTaken, UnexpectedFailure,
    };

    private static SpecRule Error(string id, string title, string message) => new(id, title, message, SpecSeverity.Error);

    private static SpecRule Warning(string id, string title, string message) => new(id, title, message, SpecSeverity.Warning);

    private static SpecRule Info(string id, string title, string message) => new(id, title, message, SpecSeverity.Info);
}
