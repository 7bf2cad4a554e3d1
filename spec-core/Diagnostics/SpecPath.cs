using System.Collections.Generic;
using System.Globalization;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.Generated.Specs.Diagnostics;

/// <summary>
/// Where in a spec a model part came from, as keys and list positions from the root (<c>types/Event/properties/3/type</c>).
/// Linking names places this way, since models hold no positions; the spec's YAML tree turns a path into a location.
/// </summary>
public sealed record SpecPath(EquatableArray<string> Segments)
{
    // Stands for the element type of a collection: 'items' for arrays and sets, 'values' for maps.
    private const string ElementSegment = "*element";
    private const string KeyMark = "@";

    /// <summary>The spec's root.</summary>
    public static SpecPath Root { get; } = new(EquatableArray<string>.Empty);

    /// <summary>The path of a key under this one.</summary>
    public SpecPath Key(string key) => Append(key);

    /// <summary>The path of a list item under this one.</summary>
    public SpecPath Index(int index) => Append("#" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The key itself (not its value) of an entry under this one, e.g. a type's name under <c>types</c>.</summary>
    public SpecPath KeyOf(string key) => Append(KeyMark + key);

    /// <summary>The element type of the collection whose type is written at this path's owner.</summary>
    public SpecPath Element() => Append(ElementSegment);

    /// <summary>The location of the node at this path, or of the deepest node on the way that exists.</summary>
    public SourceLocation Locate(SpecNode root)
    {
        var node = root;
        foreach (var segment in Segments)
        {
            if (segment.StartsWith(KeyMark, System.StringComparison.Ordinal))
            {
                return (node.IsMapping ? node.Find(segment.Substring(KeyMark.Length))?.KeyLocation : null) ?? node.Location;
            }

            var next = Step(node, segment);
            if (next is null)
            {
                break;
            }

            node = next;
        }

        return node.Location;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("/", Segments);

    private static SpecNode? Step(SpecNode node, string segment)
    {
        if (segment == ElementSegment)
        {
            return node.Find("items")?.Value ?? node.Find("values")?.Value;
        }

        if (segment.StartsWith("#", System.StringComparison.Ordinal) && node.IsSequence &&
            int.TryParse(segment.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.Items.Count)
        {
            return node.Items[index];
        }

        return node.IsMapping ? node.Find(segment)?.Value : null;
    }

    private SpecPath Append(string segment)
    {
        var segments = new List<string>(Segments.Count + 1);
        segments.AddRange(Segments);
        segments.Add(segment);
        return new SpecPath(segments.ToEquatableArray());
    }
}
