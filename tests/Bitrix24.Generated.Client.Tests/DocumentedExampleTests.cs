using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bitrix24.Generated.Serialization;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Every documented example request of the shipped specs goes through its typed request class unchanged.</summary>
public class DocumentedExampleTests
{
    public static TheoryData<string, string, string> ExampleRequests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "shipped-specs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var method = ((YamlScalarNode)root.Children[new YamlScalarNode("method")]).Value!;
            var typePrefix = TypePrefix(method, Scalar(root, "csharpName"));
            if (!root.Children.ContainsKey(new YamlScalarNode("params")) || !root.Children.TryGetValue(new YamlScalarNode("examples"), out var examples))
            {
                continue;
            }

            foreach (var example in ((YamlSequenceNode)examples).Children.Cast<YamlMappingNode>())
            {
                var status = example.Children.TryGetValue(new YamlScalarNode("status"), out var s) ? ((YamlScalarNode)s).Value : "200";
                if (status == "200" && example.Children.TryGetValue(new YamlScalarNode("request"), out var request))
                {
                    data.Add(typePrefix, ((YamlScalarNode)example.Children[new YamlScalarNode("name")]).Value!, ((YamlScalarNode)request).Value!);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleRequests))]
    public void The_documented_request_reads_into_the_typed_request_and_writes_back_the_same(string typePrefix, string example, string json)
    {
        var typeName = typePrefix + "Request";
        var type = typeof(Bitrix24Client).Assembly.GetType(typeName) ?? throw new InvalidOperationException("No request type " + typeName + " for " + example);
        var info = Bitrix24JsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException("No metadata for " + typeName);

        var request = JsonSerializer.Deserialize(json, info)!;
        var written = JsonSerializer.Serialize(request, info);

        JsonAssert.Equal(json, written);
        // Nothing fell into the catch-all: the spec knows every field the documentation sends.
        Assert.Null(type.GetProperty("AdditionalProperties")!.GetValue(request));
    }

    public static TheoryData<string, string, string, string> ExampleResponses()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "shipped-specs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var method = Scalar(root, "method")!;
            var resultType = TypeExpression(root.Children[new YamlScalarNode("result")]);
            if (!root.Children.TryGetValue(new YamlScalarNode("examples"), out var examples))
            {
                continue;
            }

            foreach (var example in ((YamlSequenceNode)examples).Children.Cast<YamlMappingNode>())
            {
                if ((Scalar(example, "status") ?? "200") == "200" && Scalar(example, "response") is { } response)
                {
                    data.Add(method, resultType, Scalar(example, "name")!, response);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleResponses))]
    public void The_documented_result_reads_into_its_type_and_writes_back_without_losing_a_field(string method, string resultType, string example, string response)
    {
        var type = ClrType(resultType) ?? throw new InvalidOperationException("No type for the result of " + method + " (" + example + ")");
        var options = new JsonSerializerOptions { Converters = { Converter(type) } };
        var result = System.Text.Json.Nodes.JsonNode.Parse(response)!["result"]!.ToJsonString();

        var value = JsonSerializer.Deserialize(result, type, options);

        JsonAssert.Equal(result, JsonSerializer.Serialize(value, type, options));
    }

    // The namespace-qualified prefix of a method's generated types: calendar.event.getbyid with csharpName GetById -> ...Calendar.CalendarEventGetById.
    private static string TypePrefix(string method, string? csharpName)
    {
        var segments = method.Split('.').Select(s => char.ToUpperInvariant(s[0]) + s[1..]).ToArray();
        if (csharpName is not null)
        {
            segments[^1] = csharpName;
        }

        return "Bitrix24.Generated." + segments[0] + "." + string.Concat(segments);
    }

    // A spec type as one line: "integer", "array<CalendarSection>", "map<integer,array<CalendarBusyEvent>>".
    private static string TypeExpression(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value!;
        }

        var mapping = (YamlMappingNode)node;
        var type = Scalar(mapping, "type")!;
        return type switch
        {
            "array" => "array<" + TypeExpression(mapping.Children[new YamlScalarNode("items")]) + ">",
            "map" => "map<" + (Scalar(mapping, "key") ?? "string") + "," + TypeExpression(mapping.Children[new YamlScalarNode("values")]) + ">",
            _ => type,
        };
    }

    private static Type? ClrType(string specType)
    {
        if (specType.StartsWith("array<", StringComparison.Ordinal))
        {
            return ClrType(specType["array<".Length..^1]) is { } item ? typeof(System.Collections.Generic.IList<>).MakeGenericType(item) : null;
        }

        if (specType.StartsWith("map<", StringComparison.Ordinal))
        {
            var comma = specType.IndexOf(',', StringComparison.Ordinal);
            var key = ClrType(specType["map<".Length..comma]);
            var value = ClrType(specType[(comma + 1)..^1]);
            return key is null || value is null ? null : typeof(System.Collections.Generic.IDictionary<,>).MakeGenericType(key, value);
        }

        return specType switch
        {
            "boolean" or "flag" => typeof(bool),
            "integer" or "integer-string" => typeof(int),
            "string" => typeof(string),
            _ => typeof(Bitrix24Client).Assembly.GetType("Bitrix24.Generated.Calendar." + specType),
        };
    }

    // The converter a generated client reads the result with: lists and maps of the context's types.
    private static JsonConverter Converter(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IList<>))
        {
            var item = type.GetGenericArguments()[0];
            return (JsonConverter)typeof(Bitrix24Converters).GetMethod(nameof(Bitrix24Converters.List))!.MakeGenericMethod(item).Invoke(null, new object[] { Converter(item) })!;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IDictionary<,>) && type.GetGenericArguments()[0] == typeof(int))
        {
            var value = type.GetGenericArguments()[1];
            return (JsonConverter)typeof(Bitrix24Converters).GetMethod(nameof(Bitrix24Converters.Map))!.MakeGenericMethod(typeof(int), value)
                .Invoke(null, new object[] { Bitrix24MapKeys.Int32, Converter(value) })!;
        }

        return (Bitrix24JsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException("No metadata for " + type)).Converter;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
