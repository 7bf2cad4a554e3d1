using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Examples;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>A schema as a spec type, with the values an <c>enum</c> allows (for a list, its items').</summary>
internal sealed record MappedType(TypeRef Type, EquatableArray<ValueModel> Values)
{
    public static MappedType Any { get; } = new(TypeRef.Of(WireKind.Json), EquatableArray<ValueModel>.Empty);
}

/// <summary>
/// Maps JSON schemas onto spec types for the whole document: <c>string</c>, <c>integer</c>, <c>number</c>,
/// <c>boolean</c>, <c>array</c>; <c>format: date-time</c> and <c>date</c>; <c>enum</c> as documented values; an object
/// with properties as a declared type (a component under its own name, an inline one under its owner's and field's),
/// one with only <c>additionalProperties</c> as a map, one with neither as <c>any</c>; <c>allOf</c> merged.
/// What a spec cannot say (one of several shapes, limits, patterns, 64-bit integers) is a warning at the schema.
/// </summary>
internal sealed class SchemaMapper
{
    // Short enough to be a label rather than documentation prose: carried over; longer ones are not copied.
    private const int ShortDescription = 100;

    private static readonly string[] Limits =
    [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "readOnly", "writeOnly", "not", "discriminator",
    ];

    /// <summary>The extension on a property's schema that says a REST 3.0 filter may name the field (<c>filterable</c> of <c>*.field.list</c>).</summary>
    public const string FilterableKey = "x-filterable";

    /// <summary>The extension that says an order may name the field (<c>sortable</c> of <c>*.field.list</c>); a spec has no key for it.</summary>
    public const string SortableKey = "x-sortable";

    private readonly RefResolver _refs;
    private readonly OpenApiNames _names = new();
    private readonly Dictionary<string, TypeModel?> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inlining = new(StringComparer.Ordinal);
    private readonly OpenApiWarnings _warnings;
    private readonly Dictionary<string, List<(HashSet<string> Fields, string At)>> _filterable = new(StringComparer.Ordinal);
    private string _scope = string.Empty;

    public SchemaMapper(RefResolver refs, OpenApiWarnings warnings)
    {
        _refs = refs;
        _warnings = warnings;
    }

    /// <summary>The scope of the method being mapped: new component types are named after it.</summary>
    public string Scope
    {
        get => _scope;
        set => _scope = value;
    }

    /// <summary>The declared types a method reaches from its parameters and result, each once, in the order first reached.</summary>
    public List<TypeModel> Reached(IEnumerable<TypeRef> roots)
    {
        var found = new List<TypeModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(roots.Reverse());
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Items is { } items)
            {
                pending.Push(items);
            }

            if (type.Kind == WireKind.Named && seen.Add(type.Name!) && _types.TryGetValue(type.Name!, out var model) && model is not null)
            {
                found.Add(model with { Scope = _scope });
                foreach (var property in model.Properties.Reverse())
                {
                    pending.Push(property.Type);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The object a schema describes, references followed and <c>allOf</c> merged: its properties and the required ones;
    /// null when the schema is no object with properties.
    /// </summary>
    public (List<(string Name, JsonNode? Schema)> Properties, HashSet<string> Required, JsonObject Schema)? Object(JsonNode? schema)
    {
        var (target, _) = _refs.Resolve(schema);
        if (target is not JsonObject node)
        {
            return null;
        }

        var properties = new List<(string Name, JsonNode? Schema)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, properties, required, []);
        return properties.Count == 0 ? null : (properties, required, node);
    }

    /// <summary>
    /// Field names a filter over the object <paramref name="schema"/> describes may name, as the document states them
    /// at <paramref name="at"/>: the object's properties of those names are filterable when its type is declared.
    /// </summary>
    public void StateFilterable(JsonObject schema, IEnumerable<string> fields, string at)
    {
        if (!_filterable.TryGetValue(schema.GetPath(), out var stated))
        {
            _filterable[schema.GetPath()] = stated = [];
        }

        stated.Add((fields.ToHashSet(StringComparer.Ordinal), at));
    }

    /// <summary>The object type declared under a name, or null.</summary>
    public TypeModel? Declared(string name) => _types.GetValueOrDefault(name);

    /// <summary>
    /// The properties of an object schema as spec properties; nested structures are named after <paramref name="childPrefix"/>.
    /// A property of an object type (<paramref name="ofType"/>) is filterable when its schema says <c>x-filterable: true</c>.
    /// </summary>
    public List<PropertyModel> Properties(
        JsonObject schema, List<(string Name, JsonNode? Schema)> properties, HashSet<string> required, string owner, string childPrefix, bool ofType = false)
    {
        var result = new List<PropertyModel>();
        var used = new HashSet<string>(StringComparer.Ordinal) { owner };
        foreach (var (name, propertySchema) in properties)
        {
            var at = propertySchema?.GetPath() ?? schema.GetPath();
            if (name.Length == 0 || !name.Any(char.IsLetterOrDigit))
            {
                Warn(at, $"a property named '{name}' cannot be a property of a class; it is left out");
                continue;
            }

            var mapped = Map(propertySchema, OpenApiNames.Field(childPrefix, name));
            var (target, _) = _refs.Resolve(propertySchema);
            var filterable = IsTrue(Key(propertySchema, target, FilterableKey));
            if (filterable && !ofType)
            {
                Warn(at + "." + FilterableKey, $"'{FilterableKey}' on the parameter '{name}' is not kept; filterable marks the fields of the object a filter names");
                filterable = false;
            }

            if (IsTrue(Key(propertySchema, target, SortableKey)))
            {
                Warn(at + "." + SortableKey, $"'{SortableKey}' is not kept; a spec has no key for the fields an order may name");
            }

            result.Add(new PropertyModel(
                name,
                OpenApiNames.Property(name, owner, used),
                mapped.Type,
                required.Contains(name),
                Description(propertySchema, target),
                Literal(Key(propertySchema, target, "default")),
                Literal(Key(propertySchema, target, "example")),
                mapped.Values,
                filterable));
        }

        foreach (var name in required.Where(name => !properties.Any(property => property.Name == name)).Order(StringComparer.Ordinal))
        {
            Warn(schema.GetPath() + ".required", $"'{name}' is required but is no property; a spec marks only properties required");
        }

        return result;
    }

    /// <summary>The spec type of a schema; an object with properties is declared as <paramref name="name"/> unless it has a name already.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="name">The name of the type it declares if it is an inline object.</param>
    /// <param name="childPrefix">What the object's own structures are named after, when not after <paramref name="name"/>.</param>
    public MappedType Map(JsonNode? schema, string name, string? childPrefix = null)
    {
        var (target, component) = _refs.Resolve(schema);
        if (target is not JsonObject node)
        {
            return MappedType.Any;
        }

        var path = node.GetPath();
        if (component is not null && Object(node) is not null)
        {
            return Named(OpenApiNames.Component(component, _scope), node, null);
        }

        if (!_inlining.Add(path))
        {
            Warn(path, "the schema contains itself with no object in between; the inner one is kept as any");
            return MappedType.Any;
        }

        try
        {
            return Inline(node, name, childPrefix);
        }
        finally
        {
            _inlining.Remove(path);
        }
    }

    private MappedType Inline(JsonObject node, string name, string? childPrefix)
    {
        var path = node.GetPath();
        foreach (var limit in Limits.Where(node.ContainsKey))
        {
            Warn(path, $"'{limit}' ({Text(node[limit])}) is not kept; a spec has no such constraint");
        }

        if (Choice(node) is { } choice)
        {
            return choice;
        }

        if (node["allOf"] is JsonArray { Count: 1 } parts && !node.ContainsKey("properties"))
        {
            // A reference wrapped to add a note beside it: the schema referred to.
            return Map(parts[0], name, childPrefix);
        }

        var type = TypeName(node);
        var values = Values(node, type);
        switch (type)
        {
            case "string":
                return new MappedType(TypeRef.Of(StringKind(node)), values);
            case "integer":
                if (Format(node) == "int64")
                {
                    Warn(path, "format 'int64' is not kept; a spec's integer is 32-bit");
                }

                return new MappedType(TypeRef.Of(WireKind.Integer), values);
            case "number":
                return new MappedType(TypeRef.Of(WireKind.Number), values);
            case "boolean":
                return new MappedType(TypeRef.Of(WireKind.Boolean), values);
            case "array":
                var items = Map(node["items"], OpenApiNames.Item(name));
                return new MappedType(new TypeRef(WireKind.Array, null, items.Type, null), items.Values);
            case "object" or null:
                if (Object(node) is not null)
                {
                    return Named(name, node, childPrefix);
                }

                if (node["additionalProperties"] is JsonObject entries)
                {
                    var element = Map(entries, OpenApiNames.Item(name));
                    if (!element.Values.IsEmpty)
                    {
                        Warn(entries.GetPath() + ".enum", "the allowed values of a map's values are not kept; a spec lists values of a property, not of a map's entries");
                    }

                    return new MappedType(new TypeRef(WireKind.Map, null, element.Type, null), EquatableArray<ValueModel>.Empty);
                }

                return MappedType.Any;
            case "any":
                return MappedType.Any;
            default:
                Warn(path, $"type '{type}' is not a JSON schema type; kept as any");
                return MappedType.Any;
        }
    }

    // A named object type, declared on first use; a schema met again while its properties are mapped is the type itself.
    private MappedType Named(string wanted, JsonObject node, string? childPrefix)
    {
        var name = _names.Type(node.GetPath(), wanted, out var isNew);
        if (isNew)
        {
            _types[name] = null;
            var (properties, required, schema) = Object(node)!.Value;
            if (schema["additionalProperties"] is JsonObject extra && extra.Count > 0)
            {
                Warn(schema.GetPath() + ".additionalProperties", "the type of the keys beyond the properties is not kept; they are kept as raw JSON");
            }

            var members = Properties(schema, properties, required, name, childPrefix ?? name, ofType: true);
            foreach (var (fields, at) in _filterable.GetValueOrDefault(node.GetPath()) ?? [])
            {
                members = members.Select(member => fields.Contains(member.WireName) ? member with { Filterable = true } : member).ToList();
                foreach (var field in fields.Where(field => members.All(member => member.WireName != field)).Order(StringComparer.Ordinal))
                {
                    Warn(at, $"the filter names '{field}', which is no property of {name}; a spec marks only properties filterable");
                }
            }

            _types[name] = new TypeModel(name, TypeKind.Object, _scope, null, new(members), default, default, default);
        }

        return new MappedType(new TypeRef(WireKind.Named, name, null, null), EquatableArray<ValueModel>.Empty);
    }

    // oneOf / anyOf: one shape besides null is that shape; several are any.
    private MappedType? Choice(JsonObject node)
    {
        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (node[key] is not JsonArray options)
            {
                continue;
            }

            var shapes = options.Where(option => !IsNull(option)).ToList();
            if (shapes.Count == 1)
            {
                return Map(shapes[0], string.Empty);
            }

            Warn(node.GetPath() + "." + key, $"one of {shapes.Count} shapes; a spec has no such type here, so it is kept as any");
            return MappedType.Any;
        }

        return null;
    }

    // The properties of an object and of every allOf part, in order; a property named twice keeps its first schema.
    private void Collect(JsonObject node, List<(string Name, JsonNode? Schema)> properties, HashSet<string> required, HashSet<string> visiting)
    {
        if (!visiting.Add(node.GetPath()))
        {
            return;
        }

        if (node["allOf"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                if (_refs.Resolve(part).Target is JsonObject partNode)
                {
                    Collect(partNode, properties, required, visiting);
                }
            }
        }

        if (node["properties"] is JsonObject own)
        {
            foreach (var (name, schema) in own)
            {
                if (!properties.Any(property => property.Name == name))
                {
                    properties.Add((name, schema));
                }
            }
        }

        if (node["required"] is JsonArray names)
        {
            foreach (var name in names.OfType<JsonValue>())
            {
                if (name.TryGetValue<string>(out var text))
                {
                    required.Add(text);
                }
            }
        }
    }

    private string? TypeName(JsonObject node)
    {
        switch (node["type"])
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            case JsonArray list:
                var types = list.OfType<JsonValue>().Select(item => item.TryGetValue<string>(out var text) ? text : null).Where(text => text is not null and not "null").Distinct().ToList();
                if (types.Count == 1)
                {
                    return types[0];
                }

                Warn(node.GetPath() + ".type", $"one of the types {string.Join(", ", types)}; kept as any");
                return "any";
            case { } other:
                Warn(node.GetPath() + ".type", $"a type of {other.ToJsonString()} names no type; kept as any");
                return "any";
        }

        // No type: what the schema shows.
        if (node.ContainsKey("items"))
        {
            return "array";
        }

        if (node["enum"] is JsonArray values && values.Count > 0 && values.All(value => value is JsonValue))
        {
            var kinds = values.OfType<JsonValue>().Select(value => value.GetValueKind()).Distinct().ToList();
            return kinds switch
            {
                [JsonValueKind.String] => "string",
                [JsonValueKind.Number] => values.All(value => value!.AsValue().TryGetValue<long>(out _)) ? "integer" : "number",
                _ => null,
            };
        }

        return null;
    }

    private WireKind StringKind(JsonObject node)
    {
        switch (Format(node))
        {
            case null:
                return WireKind.String;
            case "date-time":
                return WireKind.DateTime;
            case "date":
                return WireKind.Date;
            case var format:
                Warn(node.GetPath() + ".format", $"format '{format}' is not kept; the spec's type is a plain string");
                return WireKind.String;
        }
    }

    private static string? Format(JsonObject node) => node["format"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // enum as documented values: strings as they are, numbers as written; null is no value.
    private EquatableArray<ValueModel> Values(JsonObject node, string? type)
    {
        if (node["enum"] is not JsonArray values)
        {
            return EquatableArray<ValueModel>.Empty;
        }

        if (type is not ("string" or "integer" or "number" or null))
        {
            Warn(node.GetPath() + ".enum", $"the allowed values of type '{type}' are not kept; a spec lists values of strings and numbers");
            return EquatableArray<ValueModel>.Empty;
        }

        var list = new List<ValueModel>();
        foreach (var value in values.OfType<JsonValue>())
        {
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (!list.Any(known => known.Value == text))
            {
                list.Add(new ValueModel(text, null));
            }
        }

        return new(list);
    }

    // A short description is a label and carries over; a long one is documentation prose and does not.
    private string? Description(JsonNode? schema, JsonNode? target)
    {
        if (Key(schema, target, "description") is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Trim().Length == 0)
        {
            return null;
        }

        text = text.Trim();
        if (text.Length <= ShortDescription && !text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        Warn((schema ?? target)!.GetPath() + ".description", $"a description of {text.Length.ToString(CultureInfo.InvariantCulture)} characters is not copied; descriptions in specs are short");
        return null;
    }

    // A key of the schema as written beside the reference, else of the schema referred to.
    private static JsonNode? Key(JsonNode? schema, JsonNode? target, string key) =>
        (schema as JsonObject)?[key] ?? (target as JsonObject)?[key];

    // A default or example as the spec writes it: a string as it is, anything else as compact JSON.
    private static string? Literal(JsonNode? value) => value switch
    {
        null => null,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        _ => JsonCompact.Write(value.ToJsonString()),
    };

    private static string Text(JsonNode? value) => value is null ? "null" : JsonCompact.Write(value.ToJsonString()) ?? value.ToJsonString();

    private static bool IsTrue(JsonNode? value) => value is JsonValue flag && flag.TryGetValue<bool>(out var yes) && yes;

    private static bool IsNull(JsonNode? option) =>
        option is JsonObject node && node["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "null";

    private void Warn(string path, string message) => _warnings.Add(path, message);
}
