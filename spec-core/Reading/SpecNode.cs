using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>The three kinds of YAML nodes.</summary>
public enum SpecNodeKind
{
    /// <summary>A single value.</summary>
    Scalar,

    /// <summary>Keys with values.</summary>
    Mapping,

    /// <summary>A list.</summary>
    Sequence,
}

/// <summary>
/// A YAML node without YamlDotNet: its kind, its text (scalars), children and where it stands in the file.
/// </summary>
/// <param name="Kind">Scalar, mapping or sequence.</param>
/// <param name="Value">A scalar's text.</param>
/// <param name="IsQuoted">Whether a scalar was quoted: a quoted scalar is always text, a plain one may be a boolean or a number.</param>
/// <param name="Entries">A mapping's keys and values.</param>
/// <param name="Items">A sequence's items.</param>
/// <param name="Location">Where the node stands.</param>
public sealed record SpecNode(
    SpecNodeKind Kind,
    string? Value,
    bool IsQuoted,
    EquatableArray<SpecEntry> Entries,
    EquatableArray<SpecNode> Items,
    SourceLocation Location)
{
    /// <summary>Whether this is a scalar.</summary>
    public bool IsScalar => Kind == SpecNodeKind.Scalar;

    /// <summary>Whether this is a mapping.</summary>
    public bool IsMapping => Kind == SpecNodeKind.Mapping;

    /// <summary>Whether this is a sequence.</summary>
    public bool IsSequence => Kind == SpecNodeKind.Sequence;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => Kind == SpecNodeKind.Scalar && !IsQuoted && (Value is null || Value.Length == 0 || Value == "~" || Value == "null");

    /// <summary>The entry of a mapping with the given key, or null.</summary>
    public SpecEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>A key of a mapping with its value.</summary>
public sealed record SpecEntry(string Key, SourceLocation KeyLocation, SpecNode Value);
