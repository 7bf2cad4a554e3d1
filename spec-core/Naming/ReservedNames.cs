using System;
using System.Collections.Generic;

namespace Bitrix24.Generated.Specs.Naming;

/// <summary>
/// Names that declared types may not take, because the code generated into a scope's namespace uses them
/// unqualified: .NET and runtime types it imports, and the names it generates itself. A type of the same name in
/// that namespace would stand in their place. Kept in step with the generator's emitters.
/// </summary>
public static class ReservedNames
{
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        // .NET types the generated code names.
        "ArgumentNullException", "CancellationToken", "DateTimeOffset", "Dictionary", "GeneratedCode", "GeneratedCodeAttribute",
        "IAsyncEnumerable", "IDictionary", "IList", "JsonConverter", "JsonConverterAttribute", "JsonElement", "JsonNode", "JsonSerializerOptions", "JsonTokenType", "Task",
        "Type", "Utf8JsonReader", "Utf8JsonWriter",

        // The other node types: code that builds a value of type any imports their namespace beside a scope's.
        "JsonArray", "JsonObject", "JsonValue",

        // Runtime types the generated code names.
        "Bitrix24Client", "Bitrix24Connection", "Bitrix24Converters", "Bitrix24Date", "Bitrix24DateTime", "Bitrix24EnumConverter",
        "Bitrix24ErrorMap", "Bitrix24Fields", "Bitrix24File", "Bitrix24JsonContext", "Bitrix24KeyFormat",
        "Bitrix24MapKeys", "Bitrix24Method", "Bitrix24Object", "Bitrix24ObjectConverter", "Bitrix24Paging", "Bitrix24Response",
        "Bitrix24Wire", "IBitrix24Key", "IBitrix24Object", "IBitrix24UserFields",
    };

    // Members every generated object class declares or inherits: a property of the same name would hide them.
    private static readonly HashSet<string> MemberNames = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "s_fields", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>The member a generated class whose type has <c>userFields</c> keeps the portal's custom fields in.</summary>
    public const string UserFieldsMember = "UserFields";

    /// <summary>
    /// Whether a property of a generated class may not take this C# name; <paramref name="userFields"/> when the class
    /// has <see cref="UserFieldsMember"/> too.
    /// </summary>
    public static bool IsReservedMemberName(string name, bool userFields = false) =>
        MemberNames.Contains(name) || (userFields && name == UserFieldsMember);

    /// <summary>Whether a declared type may not take this name.</summary>
    public static bool IsReservedTypeName(string name) => TypeNames.Contains(name) || CSharpKeywords.IsKeyword(name);
}
