using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>
/// Reads values out of <see cref="SpecNode"/>s and collects the diagnostics for what is wrong with them.
/// </summary>
internal sealed class SpecReader
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfoExtensions.Create(descriptor, location, arguments));

    /// <summary>Checks that a node is a mapping with only known keys and all required ones.</summary>
    public bool ExpectMapping(SpecNode node, string what, string[] knownKeys, params string[] requiredKeys)
    {
        if (!node.IsMapping)
        {
            Report(DiagnosticDescriptors.WrongValueType, node.Location, what, "a mapping of keys to values");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in node.Entries)
        {
            if (!seen.Add(entry.Key))
            {
                Report(DiagnosticDescriptors.DuplicateName, entry.KeyLocation, "Key", entry.Key, what);
            }
            else if (Array.IndexOf(knownKeys, entry.Key) < 0)
            {
                Report(DiagnosticDescriptors.UnknownKey, entry.KeyLocation, entry.Key, what, string.Join(", ", knownKeys));
            }
        }

        var complete = true;
        foreach (var key in requiredKeys)
        {
            if (node.Find(key) is null)
            {
                Report(DiagnosticDescriptors.MissingRequiredKey, node.Location, what, key);
                complete = false;
            }
        }

        return complete;
    }

    /// <summary>The text of a scalar key, or null (with a diagnostic when present but not a scalar).</summary>
    public string? String(SpecNode owner, string key)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            return null;
        }

        if (!entry.Value.IsScalar)
        {
            Report(DiagnosticDescriptors.WrongValueType, entry.Value.Location, key, "a single value");
            return null;
        }

        return entry.Value.IsNull ? null : entry.Value.Value;
    }

    public bool Boolean(SpecNode owner, string key, bool fallback)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            return fallback;
        }

        var value = entry.Value;
        if (value.IsScalar && !value.IsQuoted && value.Value is "true" or "false")
        {
            return value.Value == "true";
        }

        Report(DiagnosticDescriptors.WrongValueType, value.Location, key, "true or false");
        return fallback;
    }

    public int Integer(SpecNode owner, string key, int fallback)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            return fallback;
        }

        var value = entry.Value;
        if (value.IsScalar && !value.IsQuoted &&
            int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        Report(DiagnosticDescriptors.WrongValueType, value.Location, key, "a whole number");
        return fallback;
    }

    /// <summary>The items of a sequence key; an absent key is an empty list.</summary>
    public IReadOnlyList<SpecNode> Sequence(SpecNode owner, string key)
    {
        var entry = owner.Find(key);
        if (entry is null || entry.Value.IsNull)
        {
            return Array.Empty<SpecNode>();
        }

        if (!entry.Value.IsSequence)
        {
            Report(DiagnosticDescriptors.WrongValueType, entry.Value.Location, key, "a list");
            return Array.Empty<SpecNode>();
        }

        return entry.Value.Items;
    }

    public IReadOnlyList<SpecEntry> MappingEntries(SpecNode owner, string key)
    {
        var entry = owner.Find(key);
        if (entry is null || entry.Value.IsNull)
        {
            return Array.Empty<SpecEntry>();
        }

        if (!entry.Value.IsMapping)
        {
            Report(DiagnosticDescriptors.WrongValueType, entry.Value.Location, key, "a mapping of names to definitions");
            return Array.Empty<SpecEntry>();
        }

        return entry.Value.Entries;
    }

    public SourceLocation LocationOf(SpecNode owner, string key) =>
        owner.Find(key)?.Value.Location ?? owner.Location;
}
