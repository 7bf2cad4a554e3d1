using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.SpecImporter.Corrections;

/// <summary>
/// Reads one correction file (<c>corrections/&lt;scope&gt;.yaml</c>): a list of entries, each with <c>method</c>,
/// <c>reason</c> and exactly one change. YamlDotNet reads the YAML through spec-core's parser, so every error has a
/// line and column; an entry with an error is not applied, and any error fails the command.
/// </summary>
internal static partial class CorrectionReader
{
    private static readonly string[] EntryKeys = ["method", "reason", "skip", "set", "property", "remove", "to", "add", "result", "example"];
    private static readonly string[] MethodKeys = ["idempotent", "csharpName", "paging", "summary", "deprecated"];
    private static readonly string[] PropertyKeys = ["type", "items", "key", "values", "required", "csharpName", "default", "description", "example"];

    /// <summary>The corrections of a file and the errors in it.</summary>
    public static (IReadOnlyList<Correction> Corrections, IReadOnlyList<CorrectionError> Errors) Read(string filePath, string scope, string text)
    {
        // A file of comments only corrects nothing; the parser would call it empty.
        if (text.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
        {
            return ([], []);
        }

        var parsed = SpecParser.Parse(filePath, text);
        if (parsed.Root is not { } root)
        {
            return ([], parsed.Diagnostics.Select(diagnostic => new CorrectionError(diagnostic.Location, diagnostic.Message)).ToList());
        }

        var nodes = new CorrectionNodes();
        var corrections = new List<Correction>();
        if (!root.IsSequence)
        {
            nodes.Error(root, "a correction file is a list of entries, each starting with '- method:'");
            return ([], nodes.Errors);
        }

        foreach (var item in root.Items)
        {
            var before = nodes.Errors.Count;
            var correction = Entry(nodes, scope, item);
            if (correction is not null && nodes.Errors.Count == before)
            {
                corrections.Add(correction);
            }
        }

        return (corrections, nodes.Errors);
    }

    private static Correction? Entry(CorrectionNodes nodes, string scope, SpecNode entry)
    {
        if (!entry.IsMapping)
        {
            nodes.Error(entry, "an entry is a mapping with 'method', 'reason' and one change");
            return null;
        }

        nodes.KnownKeys(entry, "a correction", EntryKeys);
        var method = nodes.Text(entry, "method", required: true);
        if (method is not null && !MethodName().IsMatch(method))
        {
            nodes.Error(entry.Find("method")!.Value, $"'{method}' is not a method name");
        }

        var reason = nodes.Text(entry, "reason", required: true);
        var changes = new[] { "skip", "property", "to", "result", "example" }.Where(key => entry.Find(key) is not null).ToList();
        if (entry.Find("set") is not null && entry.Find("property") is null)
        {
            changes.Add("set");
        }

        if (changes.Count != 1)
        {
            nodes.Error(entry, changes.Count == 0
                ? "the entry changes nothing: give one of skip, set, property (with set or remove), to (with add), result, example"
                : "an entry makes one change; this one has " + string.Join(", ", changes));
            return null;
        }

        var operation = changes[0] switch
        {
            "skip" => Skip(nodes, entry),
            "set" => MethodSet(nodes, entry.Find("set")!.Value),
            "property" => Property(nodes, entry),
            "to" => Add(nodes, entry),
            "result" => nodes.TypeOf(entry.Find("result")!.Value) is { } type ? new ResultOperation(type, entry.Find("result")!.Value.Location) : null,
            _ => DropExample(nodes, entry.Find("example")!.Value),
        };
        Unused(nodes, entry, changes[0]);
        return method is null || reason is null || operation is null ? null : new Correction(scope, method, reason, entry.Find("method")!.Value.Location, operation);
    }

    // Keys that belong to another kind of change than the entry's.
    private static void Unused(CorrectionNodes nodes, SpecNode entry, string change)
    {
        var allowed = change switch
        {
            "property" => new[] { "set", "remove" },
            "to" => ["add"],
            _ => [],
        };
        foreach (var key in new[] { "set", "remove", "add" }.Where(key => entry.Find(key) is not null && !allowed.Contains(key) && !(key == "set" && change == "set")))
        {
            nodes.Error(entry.Find(key)!.Value, $"'{key}' does not go with '{change}'");
        }
    }

    private static SkipOperation? Skip(CorrectionNodes nodes, SpecNode entry)
    {
        if (nodes.Boolean(entry, "skip") == "true")
        {
            return new SkipOperation();
        }

        nodes.Error(entry.Find("skip")!.Value, "'skip' is written 'skip: true'");
        return null;
    }

    private static MethodSetOperation? MethodSet(CorrectionNodes nodes, SpecNode set)
    {
        if (!set.IsMapping || set.Entries.IsEmpty)
        {
            nodes.Error(set, "'set' is a mapping of the keys to set: " + string.Join(", ", MethodKeys));
            return null;
        }

        nodes.KnownKeys(set, "a method's 'set'", MethodKeys);
        var settings = new List<Setting>();
        foreach (var entry in set.Entries.Where(entry => MethodKeys.Contains(entry.Key)))
        {
            var value = entry.Key switch
            {
                "idempotent" => nodes.Boolean(set, entry.Key),
                "csharpName" => nodes.Identifier(set, entry.Key),
                "paging" => OneOf(nodes, set, entry.Key, "start", "none"),
                "deprecated" => Deprecated(nodes, set),
                _ => nodes.Text(set, entry.Key),
            };
            if (value is not null)
            {
                settings.Add(new Setting(entry.Key, value, null, null, entry.Value.Location));
            }
        }

        return new MethodSetOperation(settings);
    }

    private static string? Deprecated(CorrectionNodes nodes, SpecNode set)
    {
        var text = nodes.Text(set, "deprecated");
        if (text is null or "true" or "false" || MethodName().IsMatch(text))
        {
            return text;
        }

        nodes.Error(set.Find("deprecated")!.Value, "'deprecated' is true, false or the method to use instead");
        return null;
    }

    private static string? OneOf(CorrectionNodes nodes, SpecNode owner, string key, params string[] allowed)
    {
        var text = nodes.Text(owner, key);
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        nodes.Error(owner.Find(key)!.Value, $"'{key}' is one of {string.Join(", ", allowed)}");
        return null;
    }

    private static CorrectionOperation? Property(CorrectionNodes nodes, SpecNode entry)
    {
        var address = Address(nodes, entry.Find("property")!.Value, owner: false);
        var set = entry.Find("set")?.Value;
        var remove = entry.Find("remove")?.Value;
        if ((set is null) == (remove is null))
        {
            nodes.Error(entry, "'property' goes with either 'set' or 'remove: true'");
            return null;
        }

        if (remove is not null)
        {
            if (nodes.Boolean(entry, "remove") != "true")
            {
                nodes.Error(remove, "'remove' is written 'remove: true'");
                return null;
            }

            return address is null ? null : new PropertyRemoveOperation(address);
        }

        var settings = PropertySettings(nodes, set!);
        return address is null || settings is null ? null : new PropertySetOperation(address, settings);
    }

    private static List<Setting>? PropertySettings(CorrectionNodes nodes, SpecNode set)
    {
        if (!set.IsMapping || set.Entries.IsEmpty)
        {
            nodes.Error(set, "'set' is a mapping of the keys to set: " + string.Join(", ", PropertyKeys));
            return null;
        }

        nodes.KnownKeys(set, "a property's 'set'", PropertyKeys);
        var settings = new List<Setting>();
        var typed = set.Find("type") is not null;
        var type = typed ? nodes.Type(set) : null;
        if (type is not null)
        {
            settings.Add(new Setting("type", null, type, null, set.Find("type")!.Value.Location));
        }

        foreach (var entry in set.Entries.Where(entry => PropertyKeys.Contains(entry.Key) && entry.Key != "type"))
        {
            var location = entry.Value.Location;
            switch (entry.Key)
            {
                // With 'type' these belong to the type expression; alone they change the existing collection.
                case "items" or "key" when typed:
                    break;
                case "values" when typed && type?.Kind == WireKind.Map:
                    break;
                case "values" when entry.Value.IsSequence:
                    settings.Add(new Setting("values", null, null, nodes.Values(entry.Value), location));
                    break;
                case "items" or "values":
                    if (nodes.TypeOf(entry.Value) is { } element)
                    {
                        settings.Add(new Setting(entry.Key, null, element, null, location));
                    }

                    break;
                case "key":
                    if (nodes.Text(set, "key") is { } key)
                    {
                        settings.Add(new Setting("key", key, null, null, location));
                    }

                    break;
                case "required":
                    if (nodes.Boolean(set, "required") is { } required)
                    {
                        settings.Add(new Setting("required", required, null, null, location));
                    }

                    break;
                case "csharpName":
                    if (nodes.Identifier(set, "csharpName") is { } name)
                    {
                        settings.Add(new Setting("csharpName", name, null, null, location));
                    }

                    break;
                default:
                    if (nodes.Text(set, entry.Key) is { } text)
                    {
                        settings.Add(new Setting(entry.Key, text, null, null, location));
                    }

                    break;
            }
        }

        return settings;
    }

    private static PropertyAddOperation? Add(CorrectionNodes nodes, SpecNode entry)
    {
        var owner = Address(nodes, entry.Find("to")!.Value, owner: true);
        if (entry.Find("add")?.Value is not { } add)
        {
            nodes.Error(entry, "'to' goes with 'add': the property to add, in spec syntax");
            return null;
        }

        if (!add.IsMapping)
        {
            nodes.Error(add, "'add' is a property in spec syntax: a mapping with 'name' and 'type'");
            return null;
        }

        nodes.KnownKeys(add, "a property", ["name", .. PropertyKeys]);
        var name = nodes.Text(add, "name", required: true);
        var type = nodes.Type(add);
        var values = add.Find("values") is { Value.IsSequence: true } list && type?.Kind != WireKind.Map ? nodes.Values(list.Value) : null;
        var csharpName = nodes.Identifier(add, "csharpName") ?? (name is null ? null : Names.ToPascalCase(name));
        var property = new PropertyModel(
            name ?? string.Empty,
            csharpName ?? string.Empty,
            type ?? TypeRef.Of(WireKind.String),
            nodes.Boolean(add, "required") == "true",
            nodes.Text(add, "description"),
            nodes.Text(add, "default"),
            nodes.Text(add, "example"),
            values ?? EquatableArray<ValueModel>.Empty);
        return owner is null || name is null || type is null ? null : new PropertyAddOperation(owner, property);
    }

    private static DropExampleOperation? DropExample(CorrectionNodes nodes, SpecNode example)
    {
        if (!example.IsMapping)
        {
            nodes.Error(example, "'example' is written 'example: {drop: <name>}'");
            return null;
        }

        nodes.KnownKeys(example, "'example'", "drop");
        return nodes.Text(example, "drop", required: true) is { } name ? new DropExampleOperation(name, example.Find("drop")!.Value.Location) : null;
    }

    // params.<wireName> | types.<TypeName>.<wireName>; for 'to', params | types.<TypeName>.
    private static PropertyAddress? Address(CorrectionNodes nodes, SpecNode node, bool owner)
    {
        var text = node.IsScalar && !node.IsNull ? node.Value!.Trim() : string.Empty;
        var match = (owner ? OwnerAddress() : PropertyAddressPattern()).Match(text);
        if (!match.Success)
        {
            nodes.Error(node, owner
                ? $"'{text}' is not an owner: write 'params' or 'types.<TypeName>'"
                : $"'{text}' is not a property: write 'params.<wireName>' or 'types.<TypeName>.<wireName>'");
            return null;
        }

        var type = match.Groups["type"].Success ? match.Groups["type"].Value : null;
        return new PropertyAddress(type, match.Groups["wire"].Value, node.Location);
    }

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+$")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"^(?:params|types\.(?<type>[A-Za-z_][A-Za-z0-9_]*))\.(?<wire>.+)$")]
    private static partial Regex PropertyAddressPattern();

    [GeneratedRegex(@"^(?:params|types\.(?<type>[A-Za-z_][A-Za-z0-9_]*))(?<wire>)$")]
    private static partial Regex OwnerAddress();
}
