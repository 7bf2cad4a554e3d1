using System.Collections.Generic;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.SpecImporter.Corrections;

/// <summary>
/// Reads the values of a correction entry from the YAML tree spec-core parses (every node keeps its place in the
/// file): scalars, booleans, names, and type expressions in spec syntax. Every problem is an error at the node.
/// </summary>
internal sealed class CorrectionNodes
{
    /// <summary>The errors found so far.</summary>
    public List<CorrectionError> Errors { get; } = [];

    /// <summary>Reports an error at a node.</summary>
    public void Error(SpecNode node, string message) => Errors.Add(new CorrectionError(node.Location, message));

    /// <summary>Whether a mapping holds only the known keys; each other key is an error at the key.</summary>
    public bool KnownKeys(SpecNode mapping, string what, params string[] known)
    {
        var good = true;
        foreach (var entry in mapping.Entries.Where(entry => !known.Contains(entry.Key, StringComparer.Ordinal)))
        {
            Errors.Add(new CorrectionError(entry.KeyLocation, $"'{entry.Key}' is not a key of {what}; the keys are {string.Join(", ", known)}"));
            good = false;
        }

        return good;
    }

    /// <summary>The text of a scalar entry, or null (an error unless the entry is absent).</summary>
    public string? Text(SpecNode owner, string key, bool required = false)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            if (required)
            {
                Error(owner, $"'{key}' is required here");
            }

            return null;
        }

        if (!entry.Value.IsScalar || entry.Value.IsNull || string.IsNullOrWhiteSpace(entry.Value.Value))
        {
            Error(entry.Value, $"'{key}' needs a value written as text");
            return null;
        }

        return entry.Value.Value!.Trim();
    }

    /// <summary>A <c>true</c>/<c>false</c> entry as its text, or null.</summary>
    public string? Boolean(SpecNode owner, string key)
    {
        var text = Text(owner, key);
        if (text is null or "true" or "false")
        {
            return text;
        }

        Error(owner.Find(key)!.Value, $"'{key}' is true or false, not '{text}'");
        return null;
    }

    /// <summary>An entry that must be a C# identifier, or null.</summary>
    public string? Identifier(SpecNode owner, string key)
    {
        var text = Text(owner, key);
        if (text is null || Names.IsValidIdentifier(text))
        {
            return text;
        }

        Error(owner.Find(key)!.Value, $"'{text}' is not a C# identifier");
        return null;
    }

    /// <summary>
    /// The type expression of a mapping with <c>type</c> and its companions: <c>items</c> for an array or set,
    /// <c>key</c> and <c>values</c> for a map; null after an error.
    /// </summary>
    public TypeRef? Type(SpecNode owner)
    {
        var name = Text(owner, "type", required: true);
        if (name is null)
        {
            return null;
        }

        var node = owner.Find("type")!.Value;
        switch (BuiltInTypes.Find(name))
        {
            case null when Names.IsValidIdentifier(name):
                return new TypeRef(WireKind.Named, name, null, null);
            case null:
                Error(node, $"'{name}' is neither a built-in type ({BuiltInTypes.List}) nor a type name");
                return null;
            case WireKind.Array or WireKind.Set when Element(owner, "items") is { } items:
                return new TypeRef(BuiltInTypes.Find(name)!.Value, null, items, null);
            case WireKind.Map when Element(owner, "values") is { } values && MapKey(owner) is var (key, good) && good:
                return new TypeRef(WireKind.Map, null, values, key);
            case WireKind.Array or WireKind.Set or WireKind.Map:
                return null;
            case { } kind:
                return TypeRef.Of(kind);
        }
    }

    /// <summary>The element type under a key: a type name, or a mapping with its own <c>type</c>; null after an error.</summary>
    public TypeRef? Element(SpecNode owner, string key)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            Error(owner, $"the collection needs '{key}': the type of its elements");
            return null;
        }

        return TypeOf(entry.Value);
    }

    /// <summary>A type written as a name or as a mapping with <c>type</c>; a collection must be a mapping.</summary>
    public TypeRef? TypeOf(SpecNode node)
    {
        if (node.IsMapping)
        {
            return KnownKeys(node, "a type", "type", "items", "key", "values") ? Type(node) : null;
        }

        if (!node.IsScalar || node.IsNull)
        {
            Error(node, "a type is a name or a mapping with 'type'");
            return null;
        }

        var name = node.Value!.Trim();
        var kind = BuiltInTypes.Find(name);
        if (kind is WireKind.Array or WireKind.Set or WireKind.Map)
        {
            Error(node, $"'{name}' needs its elements; write it as a mapping with 'type: {name}'");
            return null;
        }

        if (kind is null && !Names.IsValidIdentifier(name))
        {
            Error(node, $"'{name}' is neither a built-in type ({BuiltInTypes.List}) nor a type name");
            return null;
        }

        return kind is null ? new TypeRef(WireKind.Named, name, null, null) : TypeRef.Of(kind.Value);
    }

    /// <summary>A list of documented values: each a value, or a mapping with <c>value</c> and <c>description</c>.</summary>
    public EquatableArray<ValueModel>? Values(SpecNode node)
    {
        if (!node.IsSequence)
        {
            Error(node, "'values' is a list of values here");
            return null;
        }

        var values = new List<ValueModel>();
        foreach (var item in node.Items)
        {
            if (item.IsScalar && !item.IsNull)
            {
                values.Add(new ValueModel(item.Value!, null));
            }
            else if (item.IsMapping && KnownKeys(item, "a value", "value", "description") && Text(item, "value", required: true) is { } value)
            {
                values.Add(new ValueModel(value, Text(item, "description")));
            }
            else if (!item.IsMapping)
            {
                Error(item, "a value is a scalar or a mapping with 'value'");
            }
        }

        return new(values);
    }

    // A map's key: integer keys, a declared key type, or string keys (no key).
    private (string? Key, bool Good) MapKey(SpecNode owner)
    {
        var key = Text(owner, "key");
        if (key is null or "string")
        {
            return (null, owner.Find("key") is null || key is not null);
        }

        if (key == TypeRef.IntegerKey || Names.IsValidIdentifier(key))
        {
            return (key, true);
        }

        Error(owner.Find("key")!.Value, $"'{key}' is not a map key: integer, string or a key type's name");
        return (null, false);
    }
}
