using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>The strings a careless or hostile spec puts where names and texts belong.</summary>
internal static class HostilePool
{
    private static readonly string[] Words =
    {
        // Reserved and contextual keywords.
        "class", "string", "object", "event", "null", "true", "default", "namespace", "operator", "this", "base",
        "var", "record", "required", "file", "scoped", "value", "nameof", "async", "await", "get", "set", "init", "global",
        "dynamic", "partial", "where", "when", "with", "field", "extension", "allows", "args", "and", "or", "not",
        "_", "__", "value__",

        // Framework, runtime and generated names.
        "String", "Int32", "Boolean", "Double", "Object", "Type", "Task", "Date", "DateTime", "File", "Json", "Value",
        "Info", "Create", "Options", "Default", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "ToString",
        "GetHashCode", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize", "Deconstruct", "Parse", "TryParse",
        "Instance", "Read", "Write", "ReadValue", "Id", "Kind", "Connection", "Batch", "Dispose", "FromWebhook", "Over",
        "AdditionalProperties", "UserFields", "s_fields", "s_format", "Fields", "Nullable", "Action", "HttpClient",
        "Bitrix24Client", "Bitrix24JsonContext", "Bitrix24Object", "Bitrix24ClientBase", "Bitrix24Batch", "Bitrix24Exception",
        "Bitrix24ApiException", "Bitrix24ClientServiceCollectionExtensions", "Bitrix24EmulatorExtensions", "IServiceCollection",
        "JsonTypeInfo", "FormatException", "System", "Microsoft", "Bitrix24", "Generated",
        "CalendarApi", "CalendarEventApi", "CalendarEventGet", "CalendarEventGetRequest", "CalendarEventGetError",
        "ThingJsonConverter", "ThingKind", "Thing", "thing", "THING", "ABApi", "TestItemGetRequest", "TestItemApi",
        "request", "cancellationToken", "cancellationTokenValue", "requestValue", "limit", "reader", "writer", "options",
        "typeToConvert", "o", "v", "f", "v0", "id", "kind", "text", "key", "parsed", "connection", "_connection",
        "FromX", "X", "x", "Name", "name", "Calendar", "calendar",

        // Shapes of names.
        "1st", "9", "a1", "Ünïcode", "имя", "名前", "ǅungla", "x\u0301", "\u2160",
        "Get Async", "a-b", "a.b", "a_b", "aB", "AB", "A_B", "Ab",
    };

    private static readonly string[] Texts =
    {
        "", " ", "line\u2028break", "para\u2029graph", "next\u0085line", "tab\there", "cr\rlf\n", "nul\0char", "bell\u0007",
        "lone \ud800 high", "lone \udc00 low", "pair \ud83d\ude00", "\ufffe\uffff", "quote \" quote", "back\\slash", "*/ end",
        "<tag>", "&amp; &", "`code` `open", "]]>", "<!-- -->", "\"\"\"", "{0} {1}", "{{", "#if DEBUG", "#region", "/* open",
        "// comment", "\\u0041", "@\"verbatim\"", "$\"{x}\"", "\u202e reversed", "\u200b zero width", "\ufeff bom",
    };

    /// <summary>Names: keywords, framework and generated names, odd shapes, and case variants of each other.</summary>
    public static IReadOnlyList<string> Names { get; } = Words
        .Concat(Words.Where(w => w.Length > 1).Select(w => w.ToUpperInvariant()))
        .Concat(Words.Where(w => w.Length > 1).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)))
        .Append(new string('a', 600))
        .Append("Name" + new string('x', 300))
        .Distinct()
        .ToArray();

    /// <summary>
    /// The names of the pool that a spec may give as they stand (identifiers the analyzer takes), so that a good share
    /// of cases generates code and gets compiled.
    /// </summary>
    public static IReadOnlyList<string> AcceptedNames { get; } = Names
        .Where(n => Specs.Naming.Names.IsValidIdentifier(n) && ReservedNames.TypeNameProblem(n, TypeKind.Union) is null && ReservedNames.TypeNameProblem(n, TypeKind.Key) is null)
        .ToArray();

    /// <summary>Mostly a name a spec may give, sometimes any name of the pool.</summary>
    public static string Name(Choices choices) => choices.Chance(85) ? choices.Pick(AcceptedNames) : choices.Pick(Names);

    /// <summary>Texts for summaries, descriptions, messages and wire values; names too.</summary>
    public static IReadOnlyList<string> Strings { get; } = Texts.Concat(Names).ToArray();

    /// <summary>Method name segments: valid for the method name pattern, but hostile once they become C# names.</summary>
    public static IReadOnlyList<string> Segments { get; } = new[]
    {
        "calendar", "event", "get", "batch", "dispose", "fromWebhook", "connection", "over", "bitrix24Client", "equals",
        "toString", "getType", "class", "string", "var", "value", "a", "b", "c", "b_c", "bC", "B", "list", "listAll",
        "getAsync", "async", "api", "aApi", "item", "test", "methods", "profile", "x1", "task", "system", "global",
        "default", "request", "json",
    };
}
