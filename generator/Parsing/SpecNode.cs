using Bitrix24.Generated.Generator.Model;

namespace Bitrix24.Generated.Generator.Parsing;

internal enum SpecNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A YAML node without YamlDotNet: its kind, its text (scalars), children and where it stands in the file.
/// </summary>
internal sealed record SpecNode(
    SpecNodeKind Kind,
    string? Value,
    // A quoted scalar is always text; a plain one may be a boolean or a number.
    bool IsQuoted,
    EquatableArray<SpecEntry> Entries,
    EquatableArray<SpecNode> Items,
    SourceLocation Location)
{
    public bool IsScalar => Kind == SpecNodeKind.Scalar;

    public bool IsMapping => Kind == SpecNodeKind.Mapping;

    public bool IsSequence => Kind == SpecNodeKind.Sequence;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => Kind == SpecNodeKind.Scalar && !IsQuoted && (Value is null || Value.Length == 0 || Value == "~" || Value == "null");

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
internal sealed record SpecEntry(string Key, SourceLocation KeyLocation, SpecNode Value);

/// <summary>The outcome of parsing one spec file.</summary>
internal sealed record ParsedSpec(
    string FilePath,
    SpecNode? Root,
    EquatableArray<DiagnosticInfo> Diagnostics);
