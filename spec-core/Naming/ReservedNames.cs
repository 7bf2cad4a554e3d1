using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Naming;

/// <summary>
/// Names that declared types and members may not take, because the generated code uses them: .NET and runtime types
/// it names unqualified (a type of the same name in a scope's namespace would stand in their place), the members of
/// the classes it generates or derives from, and names C# keeps for itself. Kept in step with the generator's emitters.
/// </summary>
public static class ReservedNames
{
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        // .NET types the generated code names.
        "Action", "ArgumentNullException", "CancellationToken", "DateTimeOffset", "Dictionary", "FormatException", "GeneratedCode",
        "GeneratedCodeAttribute", "HttpClient", "IAsyncEnumerable", "IDictionary", "IHttpClientBuilder", "IList", "IServiceCollection",
        "JsonConverter", "JsonConverterAttribute", "JsonElement", "JsonNode", "JsonObject", "JsonSerializerOptions", "JsonTokenType", "JsonTypeInfo",
        "Task", "Type", "Utf8JsonReader", "Utf8JsonWriter",

        // The other node types: code that builds a value of type any imports their namespace beside a scope's.
        "JsonArray", "JsonObject", "JsonValue",

        // The first parts of the namespaces it imports: a type or namespace of that name would stand in for them.
        "System", "Microsoft", "Bitrix24",

        // Runtime types the generated code names, and the types it generates beside the specs' own.
        "Bitrix24ApiException", "Bitrix24Batch", "Bitrix24Client", "Bitrix24ClientBase", "Bitrix24ClientOptions",
        "Bitrix24ClientServiceCollectionExtensions", "Bitrix24Condition", "Bitrix24Connection", "Bitrix24Converters", "Bitrix24Date",
        "Bitrix24DateTime", "Bitrix24EmulatorExtensions", "Bitrix24EnumConverter", "Bitrix24ErrorMap", "Bitrix24Exception",
        "Bitrix24Fields", "Bitrix24File", "Bitrix24Filter", "Bitrix24FilterField", "Bitrix24JsonContext", "Bitrix24KeyFormat",
        "Bitrix24MapKeys", "Bitrix24Method", "Bitrix24Object", "Bitrix24ObjectConverter", "Bitrix24Paging", "Bitrix24QueryField",
        "Bitrix24Response", "Bitrix24Select", "Bitrix24SerializerContext", "Bitrix24Wire", "IBitrix24Key", "IBitrix24Object",
        "IBitrix24UserFields", "Bitrix24Event", "Bitrix24EventAuth", "Bitrix24EventCatalog", "Bitrix24EventConverter", "Bitrix24Events",
        "Bitrix24EventTypeInfo",
    };

    // What every class inherits from object: a member of the same name would hide it.
    private static readonly string[] ObjectMembers =
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    // Members every generated object class declares or inherits: a property of the same name would hide them.
    private static readonly HashSet<string> MemberNames = new(ObjectMembers.Concat(new[] { "AdditionalProperties", "s_fields" }), StringComparer.Ordinal);

    // The JSON context has a property per type, named as the type, beside its own members and those it inherits.
    private static readonly HashSet<string> ContextMembers = new(
        ObjectMembers.Concat(new[]
        {
            "Default", "Options", "Create", "Info", "Object", "Value", "Event", "GetTypeInfo", "GeneratedSerializerOptions",
            "Boolean", "Int32", "Double", "String", "Date", "DateTime", "File", "Json",
        }),
        StringComparer.Ordinal);

    // An enum's or a union's converter names its type in its body, where its own members and the parameters of Read
    // and Write come first.
    private static readonly HashSet<string> ConverterMembers = new(StringComparer.Ordinal)
    {
        "reader", "typeToConvert", "options", "writer", "value",
        "Instance", "Read", "Write", "CanConvert", "HandleNull", "ReadAsPropertyName", "WriteAsPropertyName", "ReadValue", "ReadKnown",
        "ToWire", "WriteValue",
    };

    // A union class has a property and a From… factory per variant, and a ToString of its own.
    // nameof as a member would turn the factories' nameof(value) into a call of it.
    private static readonly HashSet<string> UnionMembers = new(ObjectMembers.Append("nameof"), StringComparer.Ordinal);

    // A key type is a record struct of Kind and Id, with a factory per pattern and Parse and TryParse, which says nameof(…).
    private static readonly HashSet<string> KeyMembers = new(
        ObjectMembers.Concat(new[] { "Kind", "Id", "Parse", "TryParse", "Deconstruct", "PrintMembers", "s_format", "nameof" }),
        StringComparer.Ordinal);

    /// <summary>The member a generated class whose type has <c>userFields</c> keeps the portal's custom fields in.</summary>
    public const string UserFieldsMember = "UserFields";

    /// <summary>The name C# keeps for the field that holds an enum's value: no enum member may take it.</summary>
    public const string EnumValueField = "value__";

    /// <summary>
    /// Whether a property of a generated class may not take this C# name; <paramref name="userFields"/> when the class
    /// has <see cref="UserFieldsMember"/> too.
    /// </summary>
    public static bool IsReservedMemberName(string name, bool userFields = false) =>
        MemberNames.Contains(name) || (userFields && name == UserFieldsMember);

    /// <summary>Whether every class has a member of this name, from <see cref="object"/>.</summary>
    public static bool IsObjectMember(string name) => Array.IndexOf(ObjectMembers, name) >= 0;

    /// <summary>Whether a variant of a union may not take this name.</summary>
    public static bool IsReservedVariantName(string name) => UnionMembers.Contains(name);

    /// <summary>Whether a pattern of a key type may not take this name (it is a member of the key and of its kind enum).</summary>
    public static bool IsReservedPatternName(string name) => KeyMembers.Contains(name) || name == EnumValueField;

    /// <summary>Whether a declared type may not take this name.</summary>
    public static bool IsReservedTypeName(string name) => TypeNames.Contains(name) || CSharpKeywords.IsKeyword(name);

    /// <summary>Why a declared type of this kind may not take this name, or null when it may.</summary>
    public static string? TypeNameProblem(string name, TypeKind kind)
    {
        if (CSharpKeywords.IsKeyword(name) || name == "_")
        {
            return "it is a C# keyword";
        }

        if (TypeNames.Contains(name))
        {
            return "the generated code uses it for a .NET or runtime type";
        }

        if (ContextMembers.Contains(name))
        {
            return "Bitrix24JsonContext has a member of that name";
        }

        if (kind is TypeKind.Enum or TypeKind.Union && ConverterMembers.Contains(name))
        {
            return "its converter has a member of that name";
        }

        // A member may not have the name of its class.
        var members = kind switch { TypeKind.Object => MemberNames, TypeKind.Key => KeyMembers, TypeKind.Union => UnionMembers, _ => null };
        if (members is not null && members.Contains(name))
        {
            return "the generated " + (kind == TypeKind.Key ? "struct" : "class") + " has a member of that name";
        }

        // CS8981: C# may make such names keywords, and warns of them.
        return name.All(c => c is >= 'a' and <= 'z') ? "it has lower-case ASCII letters only, which C# keeps for future keywords" : null;
    }
}
