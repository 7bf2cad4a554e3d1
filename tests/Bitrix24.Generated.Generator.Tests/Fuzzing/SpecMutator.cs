using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>Mutates a spec: hostile names and texts where the spec has names and texts, and changes of its structure.</summary>
internal static class SpecMutator
{
    private static readonly HashSet<string> TextKeys = new()
    {
        "name", "value", "summary", "description", "message", "csharpName", "format", "scope", "code", "access", "example", "default",
    };

    private static readonly int[] Depths = { 1, 2, 3, 5, 10, 30, 45, 60, 200 };

    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Applies one mutation; the flow-style entries it wants added to the top level, if any.</summary>
    public static string? Mutate(YamlMappingNode root, Choices choices)
    {
        switch (choices.Next(12))
        {
            case 0:
            case 1:
                // A name or text replaced.
                var slots = Entries(root).Where(e => e.Value is YamlScalarNode && e.Key is YamlScalarNode { Value: { } k } && TextKeys.Contains(k)).ToList();
                if (slots.Count > 0)
                {
                    var (owner, key, _) = choices.Pick(slots);
                    owner.Children[key] = new YamlScalarNode(choices.Pick(HostilePool.Strings));
                }

                return null;
            case 2:
                RenameType(root, choices);
                return null;
            case 3:
                root.Children[new YamlScalarNode("method")] = new YamlScalarNode(SpecGrammar.MethodName(choices));
                return null;
            case 4:
                // A key deleted.
                var entries = Entries(root).ToList();
                var (mapping, removed, _) = choices.Pick(entries);
                mapping.Children.Remove(removed);
                return null;
            case 5:
                Duplicate(root, choices);
                return null;
            case 6:
                // A collection nested deeply.
                var types = Entries(root).Where(e => e.Key is YamlScalarNode { Value: "type" }).ToList();
                if (types.Count > 0)
                {
                    var (owner, _, _) = choices.Pick(types);
                    Nest(owner, Depths[choices.Next(Depths.Length)]);
                }

                return null;
            case 7:
                var sequences = Entries(root).Where(e => e.Value is YamlSequenceNode).ToList();
                if (sequences.Count > 0)
                {
                    var (owner, key, _) = choices.Pick(sequences);
                    owner.Children[key] = new YamlSequenceNode();
                }

                return null;
            case 8:
                Share(root, choices);
                return null;
            case 9:
                var named = Entries(root).Where(e => e.Value is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("name"))).Select(e => (YamlMappingNode)e.Value).ToList();
                named.AddRange(Sequences(root).SelectMany(s => s.Children.OfType<YamlMappingNode>()).Where(m => m.Children.ContainsKey(new YamlScalarNode("name")) || m.Children.ContainsKey(new YamlScalarNode("value"))));
                if (named.Count > 0)
                {
                    choices.Pick(named).Children[new YamlScalarNode("csharpName")] = new YamlScalarNode(HostilePool.Name(choices));
                }

                return null;
            case 10:
                return choices.Next(2) == 0 ? "selfAlias: &s [*s]" : AliasBomb();
            default:
                root.Children[new YamlScalarNode("scope")] = new YamlScalarNode(HostilePool.Name(choices));
                return null;
        }
    }

    /// <summary>Nine levels of ten aliases each: a billion nodes if aliases were copies.</summary>
    public static string AliasBomb()
    {
        var lines = new List<string> { "bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++)
        {
            var previous = "*b" + (i - 1);
            lines.Add("bomb" + i + ": &b" + i + " [" + string.Join(", ", Enumerable.Repeat(previous, 10)) + "]");
        }

        return string.Join(", ", lines);
    }

    private static void RenameType(YamlMappingNode root, Choices choices)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("types"), out var node) || node is not YamlMappingNode types || types.Children.Count == 0)
        {
            return;
        }

        var old = ((YamlScalarNode)choices.Pick(types.Children.Keys.ToList())).Value!;
        var name = HostilePool.Name(choices);
        var definition = types.Children[new YamlScalarNode(old)];
        types.Children.Remove(new YamlScalarNode(old));
        types.Children[new YamlScalarNode(name)] = definition;
        foreach (var (owner, key, value) in Entries(root).ToList())
        {
            if (value is YamlScalarNode { Value: { } text } && text == old && key is YamlScalarNode { Value: "type" or "items" or "values" or "key" })
            {
                owner.Children[key] = new YamlScalarNode(name);
            }
        }
    }

    private static void Duplicate(YamlMappingNode root, Choices choices)
    {
        if (choices.Next(2) == 0 && root.Children.TryGetValue(new YamlScalarNode("types"), out var node) && node is YamlMappingNode { Children.Count: > 0 } types)
        {
            var copied = choices.Pick(types.Children.Values.ToList());
            types.Children[new YamlScalarNode(HostilePool.Name(choices))] = Clone(copied);
            return;
        }

        var sequences = Sequences(root).Where(s => s.Children.Count > 0).ToList();
        if (sequences.Count > 0)
        {
            var sequence = choices.Pick(sequences);
            sequence.Children.Add(Clone(choices.Pick(sequence.Children.ToList())));
        }
    }

    // One node made to stand in two places, which the writer puts as an anchor and an alias.
    private static void Share(YamlMappingNode root, Choices choices)
    {
        var candidates = Entries(root).Where(e => e.Value is YamlMappingNode or YamlSequenceNode).ToList();
        if (candidates.Count < 2)
        {
            return;
        }

        var (_, _, shared) = choices.Pick(candidates);
        var (owner, key, _) = choices.Pick(candidates);
        if (!Contains(shared, owner))
        {
            owner.Children[key] = shared;
        }
    }

    private static void Nest(YamlMappingNode owner, int depth)
    {
        YamlNode inner = new YamlScalarNode(owner.Children[new YamlScalarNode("type")] is YamlScalarNode { Value: { } type } ? type : "string");
        for (var i = 0; i < depth; i++)
        {
            inner = new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode("array"), new YamlScalarNode("items"), inner);
        }

        owner.Children[new YamlScalarNode("type")] = new YamlScalarNode("array");
        owner.Children[new YamlScalarNode("items")] = inner;
    }

    private static bool Contains(YamlNode node, YamlNode target) =>
        ReferenceEquals(node, target) || node switch
        {
            YamlMappingNode mapping => mapping.Children.Values.Any(v => Contains(v, target)),
            YamlSequenceNode sequence => sequence.Children.Any(c => Contains(c, target)),
            _ => false,
        };

    private static YamlNode Clone(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(e => new KeyValuePair<YamlNode, YamlNode>(Clone(e.Key), Clone(e.Value)))),
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        _ => node,
    };

    // Every mapping entry of the tree, with the mapping that holds it; each shared node visited once.
    private static IEnumerable<(YamlMappingNode Owner, YamlNode Key, YamlNode Value)> Entries(YamlNode node)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (current is YamlMappingNode mapping)
            {
                foreach (var entry in mapping.Children.ToList())
                {
                    yield return (mapping, entry.Key, entry.Value);
                    stack.Push(entry.Value);
                }
            }
            else if (current is YamlSequenceNode sequence)
            {
                foreach (var child in sequence.Children)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static IEnumerable<YamlSequenceNode> Sequences(YamlMappingNode root) =>
        Entries(root).Select(e => e.Value).OfType<YamlSequenceNode>().Distinct(ReferenceEqualityComparer.Instance).Cast<YamlSequenceNode>();
}
