namespace Bitrix24.Generated.Specs.Model;

/// <summary>
/// One event spec as read from its file: what the portal posts to a handler when the event occurs, with no positions
/// in the file, so that equal specs compare equal wherever they stand. The <c>auth</c> block is the same for every
/// event and lives in the runtime (<c>Bitrix24EventAuth</c>), not in the spec.
/// </summary>
/// <param name="FilePath">The spec file; it tells specs apart and orders them.</param>
/// <param name="Name">The event as the portal names it, e.g. <c>ONCALENDARENTRYADD</c>.</param>
/// <param name="Scope">The permission scope; the generated class lives in its namespace.</param>
/// <param name="Access">Who may subscribe, as the spec says it, or null.</param>
/// <param name="Summary">One sentence on when the event occurs.</param>
/// <param name="Description">More detail, or null.</param>
/// <param name="Docs">The absolute URL of the event's published documentation page, or null.</param>
/// <param name="CSharpName">The C# name of the event class, e.g. <c>OnCalendarEntryAdd</c>; null to derive it from the name.</param>
/// <param name="Data">The fields of the payload's <c>data</c>.</param>
/// <param name="Types">The types the spec declares.</param>
/// <param name="Examples">Documented payloads.</param>
/// <param name="Shipped">Whether the spec is one of the package's own; set by whoever hands it over.</param>
public sealed record EventModel(
    string FilePath,
    string Name,
    string Scope,
    string? Access,
    string Summary,
    string? Description,
    string? Docs,
    string? CSharpName,
    EquatableArray<PropertyModel> Data,
    EquatableArray<TypeModel> Types,
    EquatableArray<EventExampleModel> Examples,
    bool Shipped = false)
{
    /// <summary>The C# name of the event class.</summary>
    public string TypeName => CSharpName ?? Naming.Names.EventTypeName(Name);

    /// <summary>The C# name of the class of its <c>data</c>.</summary>
    public string DataTypeName => Naming.Names.EventDataTypeName(TypeName);

    /// <summary>The object type of its <c>data</c>, declared by the event beside its <see cref="Types"/>.</summary>
    public TypeModel DataType => new(
        DataTypeName,
        TypeKind.Object,
        Scope,
        "The data of " + Name + ".",
        Data,
        EquatableArray<EnumValueModel>.Empty,
        EquatableArray<KeyPatternModel>.Empty,
        EquatableArray<UnionVariantModel>.Empty);
}

/// <summary>A documented payload of an event, kept as the JSON text the spec carries.</summary>
public sealed record EventExampleModel(string Name, string Payload);
