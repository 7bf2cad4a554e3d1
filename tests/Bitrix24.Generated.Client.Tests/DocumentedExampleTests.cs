using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bitrix24.Generated.Serialization;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Xunit.Sdk;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Every documented example of the shipped specs, through the generated types: a request reads into its typed request
/// with nothing left over and writes back the same; an answer's result reads into its type and writes back without
/// losing a field (a value may change its form, e.g. an integer sent as a string).
/// </summary>
public class DocumentedExampleTests
{
    internal static readonly Lazy<SpecSet> Shipped = new(() => SpecSet.Read(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "shipped-specs"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, (string?)File.ReadAllText(path)))));

    // The project's own specs replace shipped ones of the same method, so their examples are not the generated types'.
    internal static readonly HashSet<string> Replaced = new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "specs"), "*.yaml").Select(path => Path.GetFileNameWithoutExtension(path)),
        StringComparer.OrdinalIgnoreCase);

    public static TheoryData<string, string> ExampleRequests()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, example) in Examples())
        {
            if (example.Status == 200 && example.Request is not null && !method.Parameters.IsEmpty)
            {
                data.Add(Names.MethodKey(method.Name, method.Api), example.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleRequests))]
    public void The_documented_request_reads_into_the_typed_request_and_writes_back_the_same(string methodName, string exampleName)
    {
        var (method, example) = Find(methodName, exampleName);
        var typeName = Namespace(method.Scope) + "." + Names.RequestTypeName(TypePrefix(method));
        var type = typeof(Bitrix24Client).Assembly.GetType(typeName) ?? throw new InvalidOperationException("No request type " + typeName);
        var info = Bitrix24JsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException("No metadata for " + typeName);

        var request = JsonSerializer.Deserialize(example.Request!, info)!;

        // Nothing fell into the catch-all: the spec knows every field the documentation sends. A property sent as
        // null reads as no value and is kept as sent, which is not a field the spec lacks.
        var kept = ((IDictionary<string, JsonElement>?)type.GetProperty("AdditionalProperties")!.GetValue(request))?
            .Where(field => !(field.Value.ValueKind == JsonValueKind.Null && method.Parameters.Any(parameter => parameter.WireName == field.Key)))
            .ToList();
        Assert.True(kept is null || kept.Count == 0, "Not in the spec: " + string.Join(", ", kept?.Select(field => field.Key + "=" + field.Value.GetRawText()) ?? []));
        JsonAssert.Equal(example.Request!, JsonSerializer.Serialize(request, info), emptyArrayIsEmptyObject: true);
    }

    public static TheoryData<string, string> ExampleResponses()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, example) in Examples())
        {
            if (example.Status == 200 && example.Response is { } response && JsonNode.Parse(response) is JsonObject answer && answer.ContainsKey("result"))
            {
                data.Add(Names.MethodKey(method.Name, method.Api), example.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleResponses))]
    public void The_documented_result_reads_into_its_type_and_writes_back_without_losing_a_field(string methodName, string exampleName)
    {
        var (method, example) = Find(methodName, exampleName);
        var converter = Converter(method.Result.Type);
        var type = converter.Type!;
        var options = new JsonSerializerOptions { Converters = { converter } };
        var result = JsonNode.Parse(example.Response!)!["result"]?.ToJsonString() ?? "null";

        var value = JsonSerializer.Deserialize(result, type, options);
        var written = JsonSerializer.Serialize(value, type, options);

        var lost = Lost(JsonNode.Parse(result), JsonNode.Parse(written), "$");
        if (lost is not null)
        {
            throw new XunitException("Lost " + lost + "\nDocumented: " + result + "\nWritten:    " + written);
        }
    }

    private static IEnumerable<(MethodModel Method, ExampleModel Example)> Examples() =>
        Shipped.Value.Linked
            .Where(linked => linked.Method is not null && !Replaced.Contains(linked.Method.Name))
            .OrderBy(linked => linked.Name, StringComparer.Ordinal)
            .SelectMany(linked => linked.Method!.Examples.Select(example => (linked.Method!, example)));

    private static (MethodModel Method, ExampleModel Example) Find(string method, string example) =>
        Examples().First(found => Names.MethodKey(found.Method.Name, found.Method.Api) == method && found.Example.Name == example);

    // A REST 3.0 twin of a classic method has V3 in its names.
    internal static string TypePrefix(MethodModel method) => Shipped.Value.Index.Method(method.Name, method.Api)!.TypePrefix;

    // ... and is placed under V3 in the client.
    internal static string ClientPath(MethodModel method) => Shipped.Value.Index.Method(method.Name, method.Api)!.ClientPath;

    internal static string Namespace(string scope) => "Bitrix24.Generated." + Names.ScopeNamespace(scope);

    // The converter a generated client reads a result with: the context's for a single value, lists and maps of those.
    internal static JsonConverter Converter(TypeRef type)
    {
        switch (type.Kind)
        {
            case WireKind.Array:
            case WireKind.Set:
                var item = Converter(type.Items!);
                return (JsonConverter)typeof(Bitrix24Converters).GetMethod(nameof(Bitrix24Converters.List))!.MakeGenericMethod(item.Type!).Invoke(null, [item])!;
            case WireKind.Map:
                var value = Converter(type.Items!);
                var (keyType, key) = type.KeyType switch
                {
                    null => (typeof(string), (object)Bitrix24MapKeys.String),
                    TypeRef.IntegerKey => (typeof(int), Bitrix24MapKeys.Int32),
                    _ => throw new InvalidOperationException("Key type " + type.KeyType + " is not covered by this test"),
                };
                return (JsonConverter)typeof(Bitrix24Converters).GetMethod(nameof(Bitrix24Converters.Map))!.MakeGenericMethod(keyType, value.Type!).Invoke(null, [key, value])!;
            default:
                var clr = Clr(type);
                return (Bitrix24JsonContext.Default.GetTypeInfo(clr) ?? throw new InvalidOperationException("No metadata for " + clr)).Converter;
        }
    }

    private static Type Clr(TypeRef type) => type.Kind switch
    {
        WireKind.Boolean or WireKind.Flag => typeof(bool),
        WireKind.Integer or WireKind.IntegerString => typeof(int),
        WireKind.Number => typeof(double),
        WireKind.String => typeof(string),
        WireKind.Date => typeof(Bitrix24Date),
        WireKind.DateTime => typeof(Bitrix24DateTime),
        WireKind.Json => typeof(JsonNode),
        WireKind.File or WireKind.FileData => typeof(Bitrix24File),
        WireKind.Named => typeof(Bitrix24Client).Assembly.GetType(Namespace(type.Target!.Scope) + "." + type.Name) ?? throw new InvalidOperationException("No type " + type.Name),
        _ => throw new InvalidOperationException("Result kind " + type.Kind + " is not covered by this test"),
    };

    // The first path of the documented JSON that the written JSON no longer has; values may change form.
    internal static string? Lost(JsonNode? documented, JsonNode? written, string path)
    {
        switch (documented)
        {
            case JsonObject documentedObject:
                if (documentedObject.Count == 0)
                {
                    return null;
                }

                if (written is not JsonObject writtenObject)
                {
                    return path + " (an object became " + (written?.ToJsonString() ?? "null") + ")";
                }

                foreach (var (key, value) in documentedObject)
                {
                    if (!writtenObject.ContainsKey(key))
                    {
                        return path + "." + key;
                    }

                    if (Lost(value, writtenObject[key], path + "." + key) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray documentedArray:
                if (documentedArray.Count == 0)
                {
                    return null;
                }

                if (written is not JsonArray writtenArray || writtenArray.Count != documentedArray.Count)
                {
                    return path + " (an array of " + documentedArray.Count + " became " + (written?.ToJsonString() ?? "null") + ")";
                }

                for (var i = 0; i < documentedArray.Count; i++)
                {
                    if (Lost(documentedArray[i], writtenArray[i], path + "[" + i + "]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return documented is not null && written is null ? path + " (a value became null)" : null;
        }
    }
}
