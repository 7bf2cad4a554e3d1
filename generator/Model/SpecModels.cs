namespace Bitrix24.Generated.Generator.Model;

/// <summary>One validated method spec: everything the emitters need, nothing from YamlDotNet or Roslyn.</summary>
internal sealed record MethodModel(
    string FilePath,
    // The REST method, e.g. calendar.user.settings.set.
    string Name,
    string Scope,
    string? Access,
    string Summary,
    string? Description,
    bool Idempotent,
    EquatableArray<PropertyModel> Parameters,
    ResultModel Result,
    EquatableArray<ErrorModel> Errors,
    EquatableArray<TypeModel> Types,
    EquatableArray<ExampleModel> Examples,
    SourceLocation Location,
    // Whether the method pages its list with start/next (spec key `paging: start`).
    bool Paged = false,
    // How to walk the list by id instead (spec key `fastPaging`), when the method allows it.
    FastPagingModel? FastPaging = null,
    // The C# name of the last segment when PascalCase of it reads wrong (spec key `csharpName`), e.g. GetById.
    string? CSharpName = null);

/// <summary>
/// The fast walk of a list: <c>start=-1</c>, a filter on ids above the last one seen, optionally an order by id.
/// Names are wire names.
/// </summary>
internal sealed record FastPagingModel(string IdProperty, string FilterParameter, string? OrderParameter, SourceLocation Location);

/// <summary>A method parameter or a property of an object type.</summary>
internal sealed record PropertyModel(
    string WireName,
    string CSharpName,
    TypeRef Type,
    bool Required,
    string? Description,
    string? Default,
    string? Example,
    EquatableArray<ValueModel> Values,
    SourceLocation Location,
    // Where the example value stands, so a wrong example is reported at the value itself.
    SourceLocation? ExampleLocation);

/// <summary>How a value travels on the wire and which .NET type stands for it.</summary>
internal enum WireKind
{
    /// <summary>JSON string; <c>string</c>.</summary>
    String,

    /// <summary>JSON <c>true</c>/<c>false</c>; <c>bool</c>.</summary>
    Boolean,

    /// <summary>The string <c>"Y"</c> or <c>"N"</c>; <c>bool</c>.</summary>
    Flag,

    /// <summary>JSON number without fraction; <c>int</c>.</summary>
    Integer,

    /// <summary>An integer written as a JSON string, e.g. <c>"3"</c>; <c>int</c>.</summary>
    IntegerString,

    /// <summary>JSON number; <c>double</c>.</summary>
    Number,

    /// <summary>A date, ISO on input and the portal's regional form in answers; <c>Bitrix24Date</c>, keeping the text.</summary>
    Date,

    /// <summary>A date and time, ISO on input and the portal's regional form in answers; <c>Bitrix24DateTime</c>, keeping the text.</summary>
    DateTime,

    /// <summary>Seconds since 1970 as a JSON number; <c>DateTimeOffset</c>.</summary>
    UnixTime,

    /// <summary>Seconds since 1970 as a JSON string, e.g. <c>"1733158800"</c>; <c>DateTimeOffset</c>.</summary>
    UnixTimeString,

    /// <summary>A type declared under <c>types:</c> (object, enum or key), by <see cref="TypeRef.Name"/>.</summary>
    Named,

    /// <summary>JSON array of <see cref="TypeRef.Items"/>; <c>IList&lt;T&gt;</c>.</summary>
    Array,

    /// <summary>A PHP set: a JSON object whose keys are its values (<c>{"MO":"MO"}</c>), items of <see cref="TypeRef.Items"/>; <c>IList&lt;T&gt;</c>.</summary>
    Set,

    /// <summary>JSON object with dynamic keys (<see cref="TypeRef.KeyType"/>, or strings when null)
    /// and values of <see cref="TypeRef.Items"/>; <c>IDictionary&lt;TKey, TValue&gt;</c>.</summary>
    Map,
}

/// <summary>
/// A reference to a type, as written in a spec. <see cref="KeyType"/> names a map's key type: a declared
/// key type, or <see cref="IntegerKey"/> for integer keys.
/// </summary>
internal sealed record TypeRef(
    WireKind Kind,
    string? Name,
    TypeRef? Items,
    string? KeyType,
    SourceLocation Location)
{
    /// <summary>The <c>key</c> of a map whose keys are integers (<c>{"34": ...}</c>).</summary>
    public const string IntegerKey = "integer";
}

internal sealed record ResultModel(TypeRef Type, string? Description);

/// <summary>A documented value of a property (e.g. the meaning of <c>Y</c> and <c>N</c> for a flag).</summary>
internal sealed record ValueModel(string Value, string? Description);

/// <summary>A method-specific error; calendar errors share the empty code and differ only by message.</summary>
internal sealed record ErrorModel(
    string Name,
    string Code,
    int Status,
    string? Message,
    string? Description,
    SourceLocation Location);

internal enum TypeKind
{
    /// <summary>A JSON object with fixed properties: a DTO class.</summary>
    Object,

    /// <summary>A string from a fixed set: a C# enum.</summary>
    Enum,

    /// <summary>A dictionary key made of a prefix and an integer id (<c>user12</c>): a record struct.</summary>
    Key,

    /// <summary>One of several values told apart by their JSON shape (a number or an object): a class with a property per variant.</summary>
    Union,
}

/// <summary>A type declared under <c>types:</c> in a spec.</summary>
internal sealed record TypeModel(
    string Name,
    TypeKind Kind,
    // The scope of the spec that declared it: types live in that scope's namespace.
    string Scope,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumValueModel> Values,
    EquatableArray<KeyPatternModel> Patterns,
    SourceLocation Location,
    EquatableArray<UnionVariantModel> Variants = default);

/// <summary>One variant of a union: <c>EventId</c> an integer, <c>Occurrence</c> an object.</summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type, string? Description, SourceLocation Location);

internal sealed record EnumValueModel(string Value, string CSharpName, string? Description);

/// <summary>One form of a key type: <c>user{id}</c> gives Name <c>User</c>, Prefix <c>user</c>.</summary>
internal sealed record KeyPatternModel(string Name, string Prefix, string? Description);

/// <summary>An example exchange from the docs, kept as the JSON text the spec carries.</summary>
internal sealed record ExampleModel(string Name, string? Request, int Status, string? Response);

/// <summary>A diagnostic to report, with its descriptor id and message arguments, equatable.</summary>
internal sealed record DiagnosticInfo(string Id, SourceLocation Location, EquatableArray<string> Arguments);
