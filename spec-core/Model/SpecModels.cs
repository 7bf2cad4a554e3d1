namespace Bitrix24.Generated.Specs.Model;

/// <summary>
/// One method spec as read from its file: everything about the method and the types it declares, with no
/// positions in the file (those stay with <see cref="Reading.SpecDocument"/>), so that equal specs compare equal
/// wherever they stand.
/// </summary>
/// <param name="FilePath">The spec file; it tells specs apart and orders them.</param>
/// <param name="Name">The REST method, e.g. <c>calendar.user.settings.set</c>.</param>
/// <param name="Scope">The permission scope; generated types live in its namespace.</param>
/// <param name="Access">Who may call the method, as the spec says it.</param>
/// <param name="Summary">One sentence on what the method does.</param>
/// <param name="Description">More detail, or null.</param>
/// <param name="Idempotent">Whether calling twice does no more than calling once.</param>
/// <param name="Parameters">The method's parameters.</param>
/// <param name="Result">The type of the envelope's <c>result</c>.</param>
/// <param name="Errors">The documented errors.</param>
/// <param name="Types">The types the spec declares.</param>
/// <param name="Examples">Documented requests and answers.</param>
/// <param name="Paged">Whether the method pages its list with <c>start</c>/<c>next</c>.</param>
/// <param name="FastPaging">How to walk the list by id instead, when the method allows it.</param>
/// <param name="CSharpName">The C# name of the last segment when its PascalCase reads wrong, e.g. <c>GetById</c>.</param>
/// <param name="Docs">The absolute URL of the method's published documentation page, or null.</param>
/// <param name="Deprecated">
/// Whether Bitrix24 no longer develops the method: null when it still does, empty when it does not, else the method it
/// points to instead, e.g. <c>crm.item.add</c>.
/// </param>
/// <param name="Shipped">
/// Whether the spec is one of the package's own (not the project's): a project's spec of the same method replaces it.
/// Set by whoever hands the spec over, not read from the file.
/// </param>
/// <param name="PageItems">
/// With paging, the property of the result object that holds a page's items, for a list that answers
/// <c>{"items": [...]}</c> rather than the items themselves; null when the result is the list.
/// </param>
/// <param name="Api">Which version of the REST API serves the method.</param>
/// <param name="Paging">With <paramref name="Paged"/>, how the method is asked for its next page.</param>
/// <param name="Pagination">With <c>paging: page</c>, the C# names of the pagination object's page and limit; filled in by linking.</param>
public sealed record MethodModel(
    string FilePath,
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
    bool Paged = false,
    FastPagingModel? FastPaging = null,
    string? CSharpName = null,
    string? Docs = null,
    string? Deprecated = null,
    bool Shipped = false,
    PageItemsModel? PageItems = null,
    MethodApi Api = MethodApi.Classic,
    MethodPaging Paging = MethodPaging.Start,
    PaginationModel? Pagination = null);

/// <summary>
/// The <c>pagination</c> parameter of a REST 3.0 list (<c>paging: page</c>): the C# names of its object's integer
/// properties <c>page</c> and <c>limit</c>, which the walk over every page sets; both null when the parameter is
/// untyped JSON (<c>any</c>), which the walk sets to <c>{"page": n, "limit": size}</c>.
/// </summary>
public sealed record PaginationModel(string? PageCSharpName, string? LimitCSharpName)
{
    /// <summary>Whether the parameter is untyped JSON.</summary>
    public bool IsJson => PageCSharpName is null;
}

/// <summary>How a paged method (<see cref="MethodModel.Paged"/>) is asked for its next page.</summary>
public enum MethodPaging
{
    /// <summary><c>paging: start</c>: 50 items a page, the next page's offset in <c>start</c>, as the answer's <c>next</c> says.</summary>
    Start,

    /// <summary>
    /// <c>paging: page</c>: a REST 3.0 list, asked for page after page in <c>pagination.page</c> until a page comes
    /// back short; its result object holds the page in <c>items</c>.
    /// </summary>
    Page,
}

/// <summary>
/// The version of the REST API a method belongs to: the two are served side by side at different addresses, with
/// different envelopes, and a method may exist in one or both.
/// </summary>
public enum MethodApi
{
    /// <summary>The API at <c>/rest/</c>, where every method began.</summary>
    Classic,

    /// <summary>REST 3.0 at <c>/rest/api/</c>: JSON only, one envelope for every method, idempotency keys.</summary>
    V3,
}

/// <summary>
/// The list inside a paged result object (<c>{"items": [...]}</c>): its wire name, and, filled in by linking, its C#
/// name and the type of its items.
/// </summary>
public sealed record PageItemsModel(string WireName, string? CSharpName = null, TypeRef? Items = null);

/// <summary>
/// The fast walk of a list: <c>start=-1</c>, a filter on ids above the last one seen, optionally an order by id.
/// Names are wire names; <see cref="IdCSharpName"/> is filled in by linking, from the listed item type.
/// </summary>
public sealed record FastPagingModel(string IdProperty, string FilterParameter, string? OrderParameter, string? IdCSharpName = null);

/// <summary>A method parameter or a property of an object type.</summary>
/// <param name="WireName">The name on the wire.</param>
/// <param name="CSharpName">The C# name.</param>
/// <param name="Type">The type.</param>
/// <param name="Required">Whether a call must give it.</param>
/// <param name="Description">What it is, or null.</param>
/// <param name="Default">The value the portal assumes when it is not given, as text, or null.</param>
/// <param name="Example">An example value, as text, or null.</param>
/// <param name="Values">The documented values.</param>
/// <param name="Filterable">
/// Whether a REST 3.0 filter over the object may name the property (<c>filterable: true</c>); only properties of
/// object types carry it.
/// </param>
public sealed record PropertyModel(
    string WireName,
    string CSharpName,
    TypeRef Type,
    bool Required,
    string? Description,
    string? Default,
    string? Example,
    EquatableArray<ValueModel> Values,
    bool Filterable = false);

/// <summary>How a value travels on the wire and which .NET type stands for it.</summary>
public enum WireKind
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

    /// <summary>A date and time, ISO on input and the portal's regional form in answers; <c>Bitrix24DateTime</c>.</summary>
    DateTime,

    /// <summary>Seconds since 1970 as a JSON number; <c>DateTimeOffset</c>.</summary>
    UnixTime,

    /// <summary>Seconds since 1970 as a JSON string, e.g. <c>"1733158800"</c>; <c>DateTimeOffset</c>.</summary>
    UnixTimeString,

    /// <summary>Any JSON value, for what the docs leave untyped; <c>JsonNode</c>, kept and written back exactly.</summary>
    Json,

    /// <summary>
    /// A file: a stored file's id, base64 content, <c>["name", "base64"]</c> or an object; <c>Bitrix24File</c>, kept
    /// as sent. A new upload is written as <c>["name", "base64"]</c>.
    /// </summary>
    File,

    /// <summary>A file like <see cref="File"/>, except that a new upload is written as <c>{"fileData": ["name", "base64"]}</c>.</summary>
    FileData,

    /// <summary>A type declared under <c>types:</c> (object, enum, key or union), by <see cref="TypeRef.Name"/>.</summary>
    Named,

    /// <summary>JSON array of <see cref="TypeRef.Items"/>; <c>IList&lt;T&gt;</c>.</summary>
    Array,

    /// <summary>A PHP set: an object whose keys are its values (<c>{"MO":"MO"}</c>), of <see cref="TypeRef.Items"/>.</summary>
    Set,

    /// <summary>
    /// A REST 3.0 filter over the fields of the object type <see cref="TypeRef.Items"/> names: a JSON array of
    /// conditions (<c>["id", "&gt;", 10]</c>) and groups (<c>{"logic": "or", "conditions": [...]}</c>). Only a parameter.
    /// </summary>
    Filter,

    /// <summary>
    /// A REST 3.0 select of the fields of the object type <see cref="TypeRef.Items"/> names, related fields dotted
    /// (<c>["id", "responsible.name"]</c>): a JSON array of strings. Only a parameter.
    /// </summary>
    Select,

    /// <summary>JSON object with dynamic keys (<see cref="TypeRef.KeyType"/>, or strings when null) and values of
    /// <see cref="TypeRef.Items"/>; <c>IDictionary&lt;TKey, TValue&gt;</c>.</summary>
    Map,
}

/// <summary>
/// A reference to a type, as written in a spec. <see cref="KeyType"/> names a map's key type: a declared key
/// type, or <see cref="IntegerKey"/> for integer keys. Linking fills <see cref="Target"/> for a named type and
/// <see cref="KeyScope"/> for a declared key type, so that emitting needs nothing but the reference.
/// </summary>
public sealed record TypeRef(
    WireKind Kind,
    string? Name,
    TypeRef? Items,
    string? KeyType,
    TypeTarget? Target = null,
    string? KeyScope = null)
{
    /// <summary>The <c>key</c> of a map whose keys are integers (<c>{"34": ...}</c>).</summary>
    public const string IntegerKey = "integer";

    /// <summary>A reference to a built-in type without items.</summary>
    public static TypeRef Of(WireKind kind) => new(kind, null, null, null);
}

/// <summary>What a named type reference resolved to: the declaring scope and the kind of type.</summary>
public sealed record TypeTarget(string Scope, TypeKind Kind);

/// <summary>The type of a method's result and what it means.</summary>
public sealed record ResultModel(TypeRef Type, string? Description);

/// <summary>A documented value of a property (e.g. the meaning of <c>Y</c> and <c>N</c> for a flag).</summary>
public sealed record ValueModel(string Value, string? Description);

/// <summary>A method-specific error; calendar errors share the empty code and differ only by message.</summary>
public sealed record ErrorModel(string Name, string Code, int Status, string? Message, string? Description);

/// <summary>The kinds of declared types.</summary>
public enum TypeKind
{
    /// <summary>A JSON object with fixed properties: a DTO class.</summary>
    Object,

    /// <summary>A string from a fixed set: a C# enum.</summary>
    Enum,

    /// <summary>A dictionary key made of a prefix and an integer id (<c>user12</c>): a record struct.</summary>
    Key,

    /// <summary>One of several values told apart by their JSON shape (a number or an object).</summary>
    Union,
}

/// <summary>A type declared under <c>types:</c> in a spec.</summary>
public sealed record TypeModel(
    string Name,
    TypeKind Kind,
    // The scope of the spec that declared it: types live in that scope's namespace.
    string Scope,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumValueModel> Values,
    EquatableArray<KeyPatternModel> Patterns,
    EquatableArray<UnionVariantModel> Variants,
    // For an object, the prefix of the portal's custom fields (UF_, ufCrm): the fields whose names start with it and
    // that no property names are kept in the class's UserFields; null when it has none.
    string? UserFields = null);

/// <summary>One variant of a union: <c>EventId</c> an integer, <c>SeriesSplit</c> an object.</summary>
public sealed record UnionVariantModel(string Name, TypeRef Type, string? Description);

/// <summary>A member of an enum: its wire value and C# name.</summary>
public sealed record EnumValueModel(string Value, string CSharpName, string? Description);

/// <summary>One form of a key type: <c>user{id}</c> gives Name <c>User</c>, Prefix <c>user</c>.</summary>
public sealed record KeyPatternModel(string Name, string Prefix, string? Description);

/// <summary>An example exchange from the docs, kept as the JSON text the spec carries.</summary>
public sealed record ExampleModel(string Name, string? Request, int Status, string? Response);
