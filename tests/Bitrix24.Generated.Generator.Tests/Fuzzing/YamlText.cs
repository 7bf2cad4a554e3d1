using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Generator.Tests.Fuzzing;

/// <summary>
/// Writes a YAML tree as flow-style text that carries any string: quoted scalars escape every character YAML does not
/// take raw, and a node that stands in two places is written once with an anchor, then as an alias.
/// </summary>
internal static class YamlText
{
    private static readonly Regex Plain = new("^[A-Za-z0-9_.+-]+$", RegexOptions.CultureInvariant);

    public static string Write(YamlNode root)
    {
        var seen = new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance);
        Count(root, seen);
        var anchors = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var builder = new StringBuilder();
        Write(root, builder, seen, anchors);
        return builder.Append('\n').ToString();
    }

    /// <summary>A double-quoted YAML scalar of any text; lone surrogates stay raw, since YAML has no escape for them.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static void Count(YamlNode node, Dictionary<YamlNode, int> seen)
    {
        seen[node] = seen.TryGetValue(node, out var count) ? count + 1 : 1;
        if (seen[node] > 1)
        {
            return;
        }

        foreach (var child in Children(node))
        {
            Count(child, seen);
        }
    }

    private static IEnumerable<YamlNode> Children(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(e => new[] { e.Key, e.Value }),
        YamlSequenceNode sequence => sequence.Children,
        _ => Enumerable.Empty<YamlNode>(),
    };

    private static void Write(YamlNode node, StringBuilder builder, Dictionary<YamlNode, int> seen, Dictionary<YamlNode, string> anchors)
    {
        if (anchors.TryGetValue(node, out var alias))
        {
            builder.Append('*').Append(alias).Append(' ');
            return;
        }

        if (seen[node] > 1 && node is not YamlScalarNode)
        {
            var anchor = "n" + anchors.Count.ToString(CultureInfo.InvariantCulture);
            anchors[node] = anchor;
            builder.Append('&').Append(anchor).Append(' ');
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                builder.Append(scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && Plain.IsMatch(value) ? value : Quote(value));
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                var first = true;
                foreach (var entry in mapping.Children)
                {
                    builder.Append(first ? string.Empty : ", ");
                    first = false;
                    Write(entry.Key, builder, seen, anchors);
                    builder.Append(": ");
                    Write(entry.Value, builder, seen, anchors);
                }

                builder.Append('}');
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty);
                    Write(sequence.Children[i], builder, seen, anchors);
                }

                builder.Append(']');
                break;
        }
    }
}
