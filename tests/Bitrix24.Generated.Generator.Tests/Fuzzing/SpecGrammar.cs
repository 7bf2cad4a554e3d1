using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>Whole specs from a small grammar: every name and text drawn from the hostile pool.</summary>
internal static class SpecGrammar
{
    private static readonly string[] BuiltIns =
    {
        "string", "integer", "boolean", "flag", "integer-string", "number", "date", "datetime", "unix-time", "any", "file",
    };

    private static readonly string[] Kinds = { "object", "enum", "key", "union" };

    /// <summary>A method name of one to four segments, valid for the pattern but hostile as C# names.</summary>
    public static string MethodName(Choices choices)
    {
        var count = 1 + choices.Next(4);
        return string.Join(".", Enumerable.Range(0, count).Select(_ => choices.Pick(HostilePool.Segments)));
    }

    public static YamlMappingNode Spec(Choices choices)
    {
        var types = new List<(string Name, string Kind)>();
        for (var i = choices.Next(4); i > 0; i--)
        {
            types.Add((HostilePool.Name(choices), Kinds[choices.Next(Kinds.Length)]));
        }

        // Values may be of any kind but key; map keys are keys.
        var typeNames = types.Where(t => t.Kind != "key").Select(t => t.Name).ToList();
        var keyNames = types.Where(t => t.Kind == "key").Select(t => t.Name).ToList();
        var root = new YamlMappingNode
        {
            { "method", MethodName(choices) },
            { "scope", choices.Chance(70) ? "test" : choices.Pick(HostilePool.Names) },
            { "summary", Scalar(choices.Pick(HostilePool.Strings)) },
        };
        if (choices.Chance(30))
        {
            root.Add("description", Scalar(choices.Pick(HostilePool.Strings)));
        }

        if (choices.Chance(70))
        {
            var parameters = new YamlSequenceNode();
            for (var i = choices.Next(4); i >= 0; i--)
            {
                parameters.Add(Property(choices, typeNames, keyNames));
            }

            root.Add("params", parameters);
        }

        root.Add("result", new YamlMappingNode(TypeExpression(choices, typeNames, keyNames, 0)) { { "description", Scalar(choices.Pick(HostilePool.Strings)) } });
        if (choices.Chance(30))
        {
            var errors = new YamlSequenceNode();
            for (var i = choices.Next(3); i >= 0; i--)
            {
                errors.Add(new YamlMappingNode
                {
                    { "name", Scalar(HostilePool.Name(choices)) },
                    { "code", Scalar(choices.Pick(HostilePool.Strings)) },
                    { "status", "400" },
                    { "message", Scalar(choices.Pick(HostilePool.Strings)) },
                });
            }

            root.Add("errors", errors);
        }

        if (types.Count > 0)
        {
            var declared = new YamlMappingNode();
            foreach (var (name, kind) in types.GroupBy(t => t.Name).Select(g => g.First()))
            {
                declared.Add(Scalar(name), Type(choices, kind, typeNames, keyNames));
            }

            root.Add("types", declared);
        }

        return root;
    }

    private static YamlMappingNode Type(Choices choices, string kind, List<string> typeNames, List<string> keyNames)
    {
        var type = new YamlMappingNode { { "kind", kind }, { "description", Scalar(choices.Pick(HostilePool.Strings)) } };
        var items = new YamlSequenceNode();
        var count = choices.Next(4) + (kind == "union" ? 1 : 0);
        for (var i = 0; i <= count; i++)
        {
            switch (kind)
            {
                case "object":
                    items.Add(Property(choices, typeNames, keyNames));
                    break;
                case "enum":
                    var value = new YamlMappingNode { { "value", Scalar(choices.Pick(HostilePool.Strings)) } };
                    if (choices.Chance(20))
                    {
                        value.Add("csharpName", Scalar(HostilePool.Name(choices)));
                    }

                    items.Add(value);
                    break;
                case "key":
                    items.Add(new YamlMappingNode
                    {
                        { "name", Scalar(HostilePool.Name(choices)) },
                        { "format", choices.Pick(new[] { "user", "group", "User", "x", "a_b" }) + "{id}" },
                    });
                    break;
                default:
                    var shapes = new[] { "integer", "string", "boolean", "array" };
                    var variant = new YamlMappingNode { { "name", Scalar(HostilePool.Name(choices)) } };
                    var shape = shapes[i % shapes.Length];
                    variant.Add("type", shape);
                    if (shape == "array")
                    {
                        variant.Add("items", "string");
                    }

                    items.Add(variant);
                    break;
            }
        }

        type.Add(kind switch { "object" => "properties", "enum" => "values", "key" => "patterns", _ => "variants" }, items);
        return type;
    }

    private static YamlMappingNode Property(Choices choices, List<string> typeNames, List<string> keyNames)
    {
        var property = new YamlMappingNode(TypeExpression(choices, typeNames, keyNames, 0));
        property.Children.Insert(0, new YamlScalarNode("name"), Scalar(choices.Pick(HostilePool.Strings)));
        if (choices.Chance(20))
        {
            property.Add("csharpName", Scalar(HostilePool.Name(choices)));
        }

        if (choices.Chance(30))
        {
            property.Add("required", "true");
        }

        property.Add("description", Scalar(choices.Pick(HostilePool.Strings)));
        return property;
    }

    // The entries of a type expression: type, and items, values or key with it.
    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> TypeExpression(Choices choices, List<string> typeNames, List<string> keyNames, int depth)
    {
        var pick = choices.Next(10);
        if (pick < 2 && typeNames.Count > 0)
        {
            return new[] { Entry("type", Scalar(choices.Pick(typeNames))) };
        }

        if (pick == 2 && depth < 3)
        {
            return new[] { Entry("type", new YamlScalarNode("array")), Entry("items", new YamlMappingNode(TypeExpression(choices, typeNames, keyNames, depth + 1))) };
        }

        if (pick == 3 && depth < 3)
        {
            var entries = new List<KeyValuePair<YamlNode, YamlNode>> { Entry("type", new YamlScalarNode("map")), Entry("values", new YamlMappingNode(TypeExpression(choices, typeNames, keyNames, depth + 1))) };
            if (choices.Chance(30))
            {
                entries.Add(Entry("key", keyNames.Count > 0 && choices.Chance(70) ? Scalar(choices.Pick(keyNames)) : new YamlScalarNode("integer")));
            }

            return entries;
        }

        return new[] { Entry("type", new YamlScalarNode(BuiltIns[choices.Next(BuiltIns.Length)])) };
    }

    private static KeyValuePair<YamlNode, YamlNode> Entry(string key, YamlNode value) => new(new YamlScalarNode(key), value);

    private static YamlScalarNode Scalar(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
}
