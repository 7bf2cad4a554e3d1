using System;
using System.Collections.Generic;
using System.Globalization;
using Bitrix24.Generated.Specs.Diagnostics;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>
/// Reads values out of <see cref="SpecNode"/>s and collects the diagnostics for what is wrong with them.
/// </summary>
internal sealed class NodeReader
{
    private readonly List<SpecDiagnostic> _diagnostics = new();

    public IReadOnlyList<SpecDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors { get; private set; }

    public void Report(SpecRule rule, SourceLocation location, params string[] arguments)
    {
        _diagnostics.Add(SpecDiagnostic.Create(rule, location, arguments));
        HasErrors |= rule.Severity == SpecSeverity.Error;
    }

    /// <summary>Checks that a node is a mapping with only known keys and all required ones.</summary>
    public bool ExpectMapping(SpecNode node, string what, string[] knownKeys, params string[] requiredKeys)
    {
        if (!node.IsMapping)
        {
            Report(SpecRules.WrongValueForm, node.Location, what, "a mapping of keys to values");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in node.Entries)
        {
            if (!seen.Add(entry.Key))
            {
                Report(SpecRules.DuplicateName, entry.KeyLocation, "Key", entry.Key, what);
            }
            else if (Array.IndexOf(knownKeys, entry.Key) < 0)
            {
                Report(SpecRules.UnknownKey, entry.KeyLocation, entry.Key, what, string.Join(", ", knownKeys));
            }
        }

        var complete = true;
        foreach (var key in requiredKeys)
        {
            if (node.Find(key) is null)
            {
                Report(SpecRules.MissingRequiredKey, node.Location, what, key);
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
            Report(SpecRules.WrongValueForm, entry.Value.Location, key, "a single value");
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

        Report(SpecRules.WrongValueForm, value.Location, key, "true or false");
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

        Report(SpecRules.WrongValueForm, value.Location, key, "a whole number");
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
            Report(SpecRules.WrongValueForm, entry.Value.Location, key, "a list");
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
            Report(SpecRules.WrongValueForm, entry.Value.Location, key, "a mapping of names to definitions");
            return Array.Empty<SpecEntry>();
        }

        return entry.Value.Entries;
    }

    public SourceLocation LocationOf(SpecNode owner, string key) =>
        owner.Find(key)?.Value.Location ?? owner.Location;
}
