using System.Collections.Generic;

namespace Bitrix24.Generated.Generator.Emitting;

/// <summary>
/// The namespaces a piece of generated code imports: those whose types it names. The names it looks for are the ones
/// the emitters write unqualified; declared types may not take them (<c>ReservedNames</c>).
/// </summary>
internal static class Usings
{
    private static readonly (string Namespace, string[] Markers)[] Imports =
    {
        ("System", new[] { "ArgumentNullException", "DateTimeOffset", "FormatException", "Type typeToConvert", "Action<" }),
        ("System.CodeDom.Compiler", new[] { "[GeneratedCode(" }),
        ("System.Collections.Generic", new[] { "IList<", "IDictionary<", "Dictionary<", "IAsyncEnumerable<" }),
        ("System.Text.Json", new[] { "Utf8JsonReader", "Utf8JsonWriter", "JsonTokenType", "JsonSerializerOptions" }),
        ("System.Text.Json.Nodes", new[] { "JsonNode", "JsonObject" }),
        ("System.Text.Json.Serialization", new[] { "JsonConverter" }),
        ("System.Text.Json.Serialization.Metadata", new[] { "JsonTypeInfo" }),
        ("System.Threading", new[] { "CancellationToken" }),
        ("System.Net.Http", new[] { "HttpClient?" }),
        ("System.Threading.Tasks", new[] { "Task<" }),
        ("Microsoft.Extensions.DependencyInjection", new[] { "IServiceCollection" }),
    };

    private static readonly string[] RuntimeMarkers = { "Bitrix24" };

    private static readonly string[] SerializationMarkers =
    {
        "Bitrix24Object", "Bitrix24Field", "Bitrix24Converters", "Bitrix24EnumConverter", "Bitrix24MapKeys", "Bitrix24KeyFormat",
        "IBitrix24Key", "Bitrix24Wire", "Bitrix24SerializerContext",
    };

    private static readonly string[] EventMarkers = { "Bitrix24Event" };

    public static IEnumerable<string> For(string rootNamespace, string code)
    {
        foreach (var (ns, markers) in Imports)
        {
            if (ContainsAny(code, markers))
            {
                yield return ns;
            }
        }

        // Code under Bitrix24.Generated sees the runtime's own namespace already.
        if (ContainsAny(code, RuntimeMarkers) && rootNamespace != "Bitrix24.Generated" && !rootNamespace.StartsWith("Bitrix24.Generated.", System.StringComparison.Ordinal))
        {
            yield return "Bitrix24.Generated";
        }

        if (ContainsAny(code, SerializationMarkers))
        {
            yield return "Bitrix24.Generated.Serialization";
        }

        if (ContainsAny(code, EventMarkers))
        {
            yield return "Bitrix24.Generated.Events";
        }
    }

    private static bool ContainsAny(string code, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (code.IndexOf(marker, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
