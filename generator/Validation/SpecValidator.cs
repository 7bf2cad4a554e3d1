using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Generated.Generator.Diagnostics;
using Bitrix24.Generated.Generator.Model;
using Bitrix24.Generated.Generator.Parsing;

namespace Bitrix24.Generated.Generator.Validation;

/// <summary>The checks one spec file can pass on its own; references to other files are checked later.</summary>
internal sealed record ValidatedSpec(MethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Turns a parsed spec into a <see cref="MethodModel"/>, reporting everything wrong with it.</summary>
internal static class SpecValidator
{
    private static readonly Regex MethodName = new(@"^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)*$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyFormat = new(@"^([a-zA-Z_]+)\{id\}$", RegexOptions.CultureInvariant);

    public static ValidatedSpec Validate(ParsedSpec parsed)
    {
        if (parsed.Root is null)
        {
            return new ValidatedSpec(null, parsed.Diagnostics);
        }

        var reader = new SpecReader();
        try
        {
            var method = ReadMethod(reader, parsed.FilePath, parsed.Root);
            return new ValidatedSpec(reader.HasErrors ? null : method, reader.Diagnostics.ToEquatableArray());
        }
        catch (Exception exception)
        {
            // A generator must never throw; an unforeseen spec shape becomes a diagnostic.
            reader.Report(DiagnosticDescriptors.UnexpectedFailure, parsed.Root.Location, exception.GetType().Name + ": " + exception.Message);
            return new ValidatedSpec(null, reader.Diagnostics.ToEquatableArray());
        }
    }

    private static MethodModel? ReadMethod(SpecReader reader, string filePath, SpecNode root)
    {
        if (!reader.ExpectMapping(root, "the spec", SpecKeys.Method, "method", "scope", "summary", "result"))
        {
            if (!root.IsMapping)
            {
                return null;
            }
        }

        var name = reader.String(root, "method") ?? string.Empty;
        var nameLocation = reader.LocationOf(root, "method");
        if (root.Find("method") is not null && !MethodName.IsMatch(name))
        {
            reader.Report(DiagnosticDescriptors.InvalidMethodName, nameLocation, name);
        }

        var what = name.Length > 0 ? "'" + name + "'" : "the spec";
        var scope = reader.String(root, "scope") ?? string.Empty;
        if (root.Find("scope") is not null && !Naming.IsValidIdentifier(Naming.ToPascalCase(scope)))
        {
            reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(root, "scope"), scope, "a scope namespace");
        }

        var csharpName = reader.String(root, "csharpName");
        if (csharpName is not null && !Naming.IsValidIdentifier(csharpName))
        {
            reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(root, "csharpName"), csharpName, "a method name");
            csharpName = null;
        }

        var parameters = ReadProperties(reader, reader.Sequence(root, "params"), "Parameter", what);
        var result = ReadResult(reader, root, what);
        var errors = ReadErrors(reader, reader.Sequence(root, "errors"), what);
        var types = ReadTypes(reader, root, scope, what);
        var examples = ReadExamples(reader, reader.Sequence(root, "examples"));
        var paged = ReadPaging(reader, root, parameters, result, what);
        var fastPaging = ReadFastPaging(reader, root, parameters, paged, what);

        return new MethodModel(
            filePath,
            name,
            scope,
            reader.String(root, "access"),
            reader.String(root, "summary") ?? string.Empty,
            reader.String(root, "description"),
            reader.Boolean(root, "idempotent", false),
            parameters,
            result ?? new ResultModel(new TypeRef(WireKind.Boolean, null, null, null, root.Location), null),
            errors,
            types,
            examples,
            nameLocation,
            paged,
            fastPaging,
            csharpName);
    }

    /// <summary>
    /// <c>fastPaging</c>: the item's id property and the map parameters that take <c>&gt;ID</c> and the order;
    /// checked here as far as the method's own parameters go, the id against the item type later.
    /// </summary>
    private static FastPagingModel? ReadFastPaging(SpecReader reader, SpecNode root, EquatableArray<PropertyModel> parameters, bool paged, string what)
    {
        var entry = root.Find("fastPaging");
        if (entry is null || !reader.ExpectMapping(entry.Value, "fastPaging of " + what, SpecKeys.FastPaging, "id", "filter"))
        {
            return null;
        }

        var node = entry.Value;
        if (!paged)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, entry.KeyLocation, what, "fastPaging needs paging: start");
            return null;
        }

        var filter = reader.String(node, "filter") ?? string.Empty;
        var order = reader.String(node, "order");
        foreach (var (key, name) in new[] { ("filter", (string?)filter), ("order", order) })
        {
            if (name is null)
            {
                continue;
            }

            var parameter = parameters.FirstOrDefault(p => p.WireName == name);
            if (parameter is null || parameter.Type.Kind != WireKind.Map || parameter.Type.KeyType is not null || parameter.Type.Items?.Kind != WireKind.String)
            {
                reader.Report(DiagnosticDescriptors.IncompleteType, reader.LocationOf(node, key), what,
                    "fastPaging's " + key + " must name a parameter of type map with string values");
                return null;
            }
        }

        return new FastPagingModel(reader.String(node, "id") ?? string.Empty, filter, order, reader.LocationOf(node, "id"));
    }

    /// <summary><c>paging: start</c>: the method lists 50 items a page, and takes the page's offset as <c>start</c>.</summary>
    private static bool ReadPaging(SpecReader reader, SpecNode root, EquatableArray<PropertyModel> parameters, ResultModel? result, string what)
    {
        var paging = reader.String(root, "paging");
        if (paging is null)
        {
            return false;
        }

        var location = reader.LocationOf(root, "paging");
        if (paging != "start")
        {
            reader.Report(DiagnosticDescriptors.WrongValueType, location, "paging", "start (offset paging with start and next)");
            return false;
        }

        if (result is not null && result.Type.Kind != WireKind.Array)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, location, what, "a paged method's result is an array");
            return false;
        }

        if (!parameters.Any(p => p.WireName == "start" && p.Type.Kind is WireKind.Integer or WireKind.IntegerString))
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, location, what, "a paged method takes an integer parameter 'start'");
            return false;
        }

        return true;
    }

    private static EquatableArray<PropertyModel> ReadProperties(SpecReader reader, IReadOnlyList<SpecNode> nodes, string kind, string owner)
    {
        var properties = new List<PropertyModel>();
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var csharpNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!reader.ExpectMapping(node, kind + " of " + owner, SpecKeys.Property, "name", "type"))
            {
                continue;
            }

            var wireName = reader.String(node, "name") ?? string.Empty;
            var what = kind + " '" + wireName + "' of " + owner;
            if (!wireNames.Add(wireName))
            {
                reader.Report(DiagnosticDescriptors.DuplicateName, reader.LocationOf(node, "name"), kind, wireName, owner);
                continue;
            }

            var csharpName = reader.String(node, "csharpName");
            if (csharpName is not null && !Naming.IsValidIdentifier(csharpName))
            {
                reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(node, "csharpName"), csharpName, what);
            }

            csharpName ??= Naming.ToPascalCase(wireName);
            if (!csharpNames.Add(csharpName))
            {
                reader.Report(DiagnosticDescriptors.NameClash, reader.LocationOf(node, "name"),
                    what + " becomes the C# name '" + csharpName + "', which another " + kind.ToLowerInvariant() + " already has; set csharpName");
            }

            var type = ReadTypeRef(reader, node, what);
            var values = ReadDocumentedValues(reader, node, type);
            var example = ScalarText(reader, node, "example", what);
            var defaultValue = ScalarText(reader, node, "default", what);
            if (type is not null)
            {
                CheckExample(reader, node, type, values, example, what);
            }

            properties.Add(new PropertyModel(
                wireName,
                csharpName,
                type ?? new TypeRef(WireKind.String, null, null, null, node.Location),
                reader.Boolean(node, "required", false),
                reader.String(node, "description"),
                defaultValue,
                example,
                values,
                node.Location,
                example is null ? null : reader.LocationOf(node, "example")));
        }

        return properties.ToEquatableArray();
    }

    private static string? ScalarText(SpecReader reader, SpecNode owner, string key, string what)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            return null;
        }

        if (!entry.Value.IsScalar)
        {
            reader.Report(DiagnosticDescriptors.WrongValueType, entry.Value.Location, key + " of " + what, "a single value");
            return null;
        }

        return entry.Value.Value ?? string.Empty;
    }

    /// <summary>Reads <c>type</c> with its <c>items</c>, <c>key</c> and <c>values</c> companions.</summary>
    private static TypeRef? ReadTypeRef(SpecReader reader, SpecNode owner, string what)
    {
        var typeName = reader.String(owner, "type");
        if (typeName is null)
        {
            return null;
        }

        var location = reader.LocationOf(owner, "type");
        var kind = BuiltInTypes.Find(typeName);
        if (kind is null)
        {
            if (!Naming.IsValidIdentifier(typeName))
            {
                reader.Report(DiagnosticDescriptors.UnknownType, location, what, typeName, BuiltInTypes.List);
                return null;
            }

            return new TypeRef(WireKind.Named, typeName, null, null, location);
        }

        switch (kind.Value)
        {
            case WireKind.Array:
                var items = ElementType(reader, owner, "items", what, "an array needs 'items', the type of its elements");
                return items is null ? null : new TypeRef(WireKind.Array, null, items, null, location);
            case WireKind.Set:
                var members = ElementType(reader, owner, "items", what, "a set needs 'items', the type of its members");
                if (members is not null && members.Kind is not (WireKind.String or WireKind.Named))
                {
                    // The members are also the object's keys, so they must be strings.
                    reader.Report(DiagnosticDescriptors.WrongValueType, members.Location, "items of " + what, "string or an enum type (set members are also its keys)");
                    return null;
                }

                return members is null ? null : new TypeRef(WireKind.Set, null, members, null, location);
            case WireKind.Map:
                var values = ElementType(reader, owner, "values", what, "a map needs 'values', the type of its values");
                var key = reader.String(owner, "key");
                if (key is not null && key != TypeRef.IntegerKey && !Naming.IsValidIdentifier(key))
                {
                    reader.Report(DiagnosticDescriptors.UnknownType, reader.LocationOf(owner, "key"), what, key, "integer or a type of kind 'key'");
                    return null;
                }

                return values is null ? null : new TypeRef(WireKind.Map, null, values, key, location);
            default:
                return new TypeRef(kind.Value, null, null, null, location);
        }
    }

    /// <summary>
    /// Reads the element type under <paramref name="key"/>: a type name, or a mapping with its own
    /// <c>type</c> (and <c>items</c>, <c>key</c>, <c>values</c>) for a collection of collections.
    /// </summary>
    private static TypeRef? ElementType(SpecReader reader, SpecNode owner, string key, string what, string missing)
    {
        var entry = owner.Find(key);
        if (entry is { Value.IsMapping: true })
        {
            return reader.ExpectMapping(entry.Value, key + " of " + what, SpecKeys.ElementType, "type")
                ? ReadTypeRef(reader, entry.Value, what)
                : null;
        }

        if (entry is null || !entry.Value.IsScalar || entry.Value.IsNull)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, entry?.Value.Location ?? reader.LocationOf(owner, "type"), what, missing);
            return null;
        }

        var name = entry.Value.Value!;
        var kind = BuiltInTypes.Find(name);
        if (kind is WireKind.Array or WireKind.Map or WireKind.Set)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, entry.Value.Location, what,
                "a collection of collections names the inner one as a mapping, e.g. " + key + ": {type: " + name + ", " + (kind == WireKind.Map ? "values" : "items") + ": ...}");
            return null;
        }

        if (kind is null && !Naming.IsValidIdentifier(name))
        {
            reader.Report(DiagnosticDescriptors.UnknownType, entry.Value.Location, what, name, BuiltInTypes.List);
            return null;
        }

        return new TypeRef(kind ?? WireKind.Named, kind is null ? name : null, null, null, entry.Value.Location);
    }

    private static EquatableArray<ValueModel> ReadDocumentedValues(SpecReader reader, SpecNode owner, TypeRef? type)
    {
        // For maps, 'values' names the value type; elsewhere it documents the allowed values.
        if (type?.Kind == WireKind.Map)
        {
            return EquatableArray<ValueModel>.Empty;
        }

        var values = new List<ValueModel>();
        foreach (var node in reader.Sequence(owner, "values"))
        {
            if (reader.ExpectMapping(node, "a documented value", SpecKeys.DocumentedValue, "value"))
            {
                values.Add(new ValueModel(reader.String(node, "value") ?? string.Empty, reader.String(node, "description")));
            }
        }

        if (type?.Kind == WireKind.Flag)
        {
            foreach (var node in reader.Sequence(owner, "values"))
            {
                var value = node.IsMapping ? reader.String(node, "value") : null;
                if (value is not null && value is not ("Y" or "N"))
                {
                    reader.Report(DiagnosticDescriptors.ValueNotAllowed, reader.LocationOf(node, "value"), "value", value, "a flag", "Y, N");
                }
            }
        }

        return values.ToEquatableArray();
    }

    private static void CheckExample(SpecReader reader, SpecNode owner, TypeRef type, EquatableArray<ValueModel> values, string? example, string what)
    {
        if (example is null)
        {
            return;
        }

        var location = reader.LocationOf(owner, "example");
        switch (type.Kind)
        {
            case WireKind.Flag when example is not ("Y" or "N"):
                reader.Report(DiagnosticDescriptors.ValueNotAllowed, location, "example", example, what, "Y, N");
                break;
            case WireKind.Boolean when example is not ("true" or "false"):
                reader.Report(DiagnosticDescriptors.ValueNotAllowed, location, "example", example, what, "true, false");
                break;
            case WireKind.Integer or WireKind.IntegerString
                when !int.TryParse(example, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                reader.Report(DiagnosticDescriptors.ValueNotAllowed, location, "example", example, what, "a whole number");
                break;
            case WireKind.Number
                when !double.TryParse(example, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                reader.Report(DiagnosticDescriptors.ValueNotAllowed, location, "example", example, what, "a number");
                break;
            case WireKind.String when values.Count > 0 && !values.Any(v => v.Value == example):
                reader.Report(DiagnosticDescriptors.ValueNotAllowed, location, "example", example, what, string.Join(", ", values.Select(v => v.Value)));
                break;
        }
    }

    private static ResultModel? ReadResult(SpecReader reader, SpecNode root, string what)
    {
        var entry = root.Find("result");
        if (entry is null || !reader.ExpectMapping(entry.Value, "the result of " + what, SpecKeys.Result, "type"))
        {
            return null;
        }

        var type = ReadTypeRef(reader, entry.Value, "The result of " + what);
        return type is null ? null : new ResultModel(type, reader.String(entry.Value, "description"));
    }

    private static EquatableArray<ErrorModel> ReadErrors(SpecReader reader, IReadOnlyList<SpecNode> nodes, string owner)
    {
        var errors = new List<ErrorModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!reader.ExpectMapping(node, "an error of " + owner, SpecKeys.Error, "name", "code"))
            {
                continue;
            }

            var name = reader.String(node, "name") ?? string.Empty;
            if (!Naming.IsValidIdentifier(name))
            {
                reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(node, "name"), name, "an error of " + owner);
                continue;
            }

            if (!names.Add(name))
            {
                reader.Report(DiagnosticDescriptors.DuplicateName, reader.LocationOf(node, "name"), "Error", name, owner);
                continue;
            }

            errors.Add(new ErrorModel(
                name,
                reader.String(node, "code") ?? string.Empty,
                reader.Integer(node, "status", 400),
                reader.String(node, "message"),
                reader.String(node, "description"),
                node.Location));
        }

        return errors.ToEquatableArray();
    }

    private static EquatableArray<TypeModel> ReadTypes(SpecReader reader, SpecNode root, string scope, string owner)
    {
        var types = new List<TypeModel>();
        foreach (var entry in reader.MappingEntries(root, "types"))
        {
            var name = entry.Key;
            var what = "type '" + name + "'";
            if (!Naming.IsValidIdentifier(name))
            {
                reader.Report(DiagnosticDescriptors.InvalidIdentifier, entry.KeyLocation, name, "a type name");
                continue;
            }

            var node = entry.Value;
            if (!reader.ExpectMapping(node, what, SpecKeys.TypeDefinition, "kind"))
            {
                continue;
            }

            var kindText = reader.String(node, "kind");
            var description = reader.String(node, "description");
            switch (kindText)
            {
                case "object":
                    var properties = ReadProperties(reader, reader.Sequence(node, "properties"), "Property", what);
                    foreach (var property in properties)
                    {
                        if (property.CSharpName == name)
                        {
                            reader.Report(DiagnosticDescriptors.NameClash, property.Location,
                                "Property '" + property.WireName + "' of " + what + " would have the same C# name as its type; set csharpName");
                        }
                    }

                    types.Add(new TypeModel(name, TypeKind.Object, scope, description, properties, EquatableArray<EnumValueModel>.Empty, EquatableArray<KeyPatternModel>.Empty, entry.KeyLocation));
                    break;
                case "enum":
                    types.Add(new TypeModel(name, TypeKind.Enum, scope, description, EquatableArray<PropertyModel>.Empty, ReadEnumValues(reader, node, what), EquatableArray<KeyPatternModel>.Empty, entry.KeyLocation));
                    break;
                case "key":
                    types.Add(new TypeModel(name, TypeKind.Key, scope, description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumValueModel>.Empty, ReadKeyPatterns(reader, node, what), entry.KeyLocation));
                    break;
                case "union":
                    types.Add(new TypeModel(name, TypeKind.Union, scope, description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumValueModel>.Empty, EquatableArray<KeyPatternModel>.Empty, entry.KeyLocation, ReadVariants(reader, node, name, what)));
                    break;
                case null:
                    break;
                default:
                    reader.Report(DiagnosticDescriptors.WrongValueType, reader.LocationOf(node, "kind"), "kind", "one of: object, enum, key, union");
                    break;
            }
        }

        return types.ToEquatableArray();
    }

    private static EquatableArray<UnionVariantModel> ReadVariants(SpecReader reader, SpecNode node, string typeName, string what)
    {
        var variants = new List<UnionVariantModel>();
        var names = new HashSet<string>(StringComparer.Ordinal) { typeName };
        foreach (var item in reader.Sequence(node, "variants"))
        {
            if (!reader.ExpectMapping(item, "a variant of " + what, SpecKeys.UnionVariant, "name", "type"))
            {
                continue;
            }

            var name = reader.String(item, "name") ?? string.Empty;
            if (!Naming.IsValidIdentifier(name))
            {
                reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(item, "name"), name, "a variant of " + what);
                continue;
            }

            if (!names.Add(name))
            {
                reader.Report(DiagnosticDescriptors.NameClash, reader.LocationOf(item, "name"),
                    "Variant '" + name + "' of " + what + " has the name of the type or of another variant");
                continue;
            }

            var type = ReadTypeRef(reader, item, "variant '" + name + "' of " + what);
            if (type is not null)
            {
                variants.Add(new UnionVariantModel(name, type, reader.String(item, "description"), item.Location));
            }
        }

        if (variants.Count < 2)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, node.Location, what, "a union needs 'variants', at least two of them");
        }

        return variants.ToEquatableArray();
    }

    private static EquatableArray<EnumValueModel> ReadEnumValues(SpecReader reader, SpecNode node, string what)
    {
        var values = new List<EnumValueModel>();
        var wire = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reader.Sequence(node, "values"))
        {
            if (!reader.ExpectMapping(item, "a value of " + what, SpecKeys.EnumValue, "value"))
            {
                continue;
            }

            var value = reader.String(item, "value") ?? string.Empty;
            if (!wire.Add(value))
            {
                reader.Report(DiagnosticDescriptors.DuplicateValue, reader.LocationOf(item, "value"), value, what);
                continue;
            }

            var csharpName = reader.String(item, "csharpName");
            if (csharpName is not null && !Naming.IsValidIdentifier(csharpName))
            {
                reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(item, "csharpName"), csharpName, "a value of " + what);
                continue;
            }

            csharpName ??= Naming.ToPascalCase(value);
            if (!names.Add(csharpName))
            {
                reader.Report(DiagnosticDescriptors.NameClash, reader.LocationOf(item, "value"),
                    "Value '" + value + "' of " + what + " becomes the C# name '" + csharpName + "', which another value already has; set csharpName");
                continue;
            }

            values.Add(new EnumValueModel(value, csharpName, reader.String(item, "description")));
        }

        if (values.Count == 0 && node.Find("values") is null)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, node.Location, what, "an enum needs 'values'");
        }

        return values.ToEquatableArray();
    }

    private static EquatableArray<KeyPatternModel> ReadKeyPatterns(SpecReader reader, SpecNode node, string what)
    {
        var patterns = new List<KeyPatternModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reader.Sequence(node, "patterns"))
        {
            if (!reader.ExpectMapping(item, "a pattern of " + what, SpecKeys.KeyPattern, "name", "format"))
            {
                continue;
            }

            var name = reader.String(item, "name") ?? string.Empty;
            var format = reader.String(item, "format") ?? string.Empty;
            var match = KeyFormat.Match(format);
            if (!match.Success)
            {
                reader.Report(DiagnosticDescriptors.IncompleteType, reader.LocationOf(item, "format"), what, "a key pattern's format is a prefix followed by {id}, e.g. user{id}");
                continue;
            }

            if (!Naming.IsValidIdentifier(name))
            {
                reader.Report(DiagnosticDescriptors.InvalidIdentifier, reader.LocationOf(item, "name"), name, "a pattern of " + what);
                continue;
            }

            if (!names.Add(name))
            {
                reader.Report(DiagnosticDescriptors.DuplicateName, reader.LocationOf(item, "name"), "Pattern", name, what);
                continue;
            }

            patterns.Add(new KeyPatternModel(name, match.Groups[1].Value, reader.String(item, "description")));
        }

        if (patterns.Count == 0 && node.Find("patterns") is null)
        {
            reader.Report(DiagnosticDescriptors.IncompleteType, node.Location, what, "a key type needs 'patterns'");
        }

        return patterns.ToEquatableArray();
    }

    private static EquatableArray<ExampleModel> ReadExamples(SpecReader reader, IReadOnlyList<SpecNode> nodes)
    {
        var examples = new List<ExampleModel>();
        foreach (var node in nodes)
        {
            if (!reader.ExpectMapping(node, "an example", SpecKeys.Example, "name"))
            {
                continue;
            }

            var name = reader.String(node, "name") ?? string.Empty;
            var request = reader.String(node, "request");
            var response = reader.String(node, "response");
            CheckJson(reader, node, "request", request, name);
            CheckJson(reader, node, "response", response, name);
            examples.Add(new ExampleModel(name, request, reader.Integer(node, "status", 200), response));
        }

        return examples.ToEquatableArray();
    }

    private static void CheckJson(SpecReader reader, SpecNode node, string key, string? json, string example)
    {
        if (json is null)
        {
            return;
        }

        var problem = JsonSyntax.FindProblem(json);
        if (problem is not null)
        {
            reader.Report(DiagnosticDescriptors.InvalidExampleJson, reader.LocationOf(node, key), key, example, problem);
        }
    }
}
