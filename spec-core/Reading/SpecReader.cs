using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;

namespace Bitrix24.Generated.Specs.Reading;

/// <summary>
/// Turns a parsed spec into a <see cref="MethodModel"/>, reporting everything wrong with it that one file can show;
/// references to types of other specs are checked by linking.
/// </summary>
public static class SpecReader
{
    private static readonly Regex MethodName = new(@"^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)*$", RegexOptions.CultureInvariant);
    // ONCALENDARENTRYADD, or the catalog's dotted CATALOG.PRICE.ON.ADD.
    private static readonly Regex EventName = new(@"^(ON[A-Z0-9_]+|[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*\.ON\.[A-Z][A-Z0-9_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyFormat = new(@"^([a-zA-Z_]+)\{id\}$", RegexOptions.CultureInvariant);
    private static readonly Regex FieldNamePrefix = new(@"^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>Reads a parsed spec; never throws.</summary>
    public static SpecDocument Read(ParsedSpec parsed)
    {
        if (parsed.Root is null)
        {
            return new SpecDocument(parsed.FilePath, null, parsed.Diagnostics, null);
        }

        var reader = new NodeReader();
        try
        {
            if (parsed.Root.IsMapping && parsed.Root.Find("event") is { } eventEntry)
            {
                if (parsed.Root.Find("method") is not null)
                {
                    reader.Report(SpecRules.MethodAndEvent, eventEntry.KeyLocation);
                    return new SpecDocument(parsed.FilePath, null, reader.Diagnostics.ToEquatableArray(), parsed.Root);
                }

                var read = ReadEvent(reader, parsed.FilePath, parsed.Root);
                return new SpecDocument(parsed.FilePath, null, reader.Diagnostics.ToEquatableArray(), parsed.Root, reader.HasErrors ? null : read);
            }

            var method = ReadMethod(reader, parsed.FilePath, parsed.Root);
            return new SpecDocument(parsed.FilePath, reader.HasErrors ? null : method, reader.Diagnostics.ToEquatableArray(), parsed.Root);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Reading a spec must never throw: inside the compiler that would take the build down.
            reader.Report(SpecRules.UnexpectedFailure, parsed.Root.Location, exception.GetType().Name + ": " + exception.Message);
            return new SpecDocument(parsed.FilePath, null, reader.Diagnostics.ToEquatableArray(), parsed.Root);
        }
    }

    /// <summary>
    /// An event spec: <c>event</c>, <c>scope</c>, <c>summary</c>, the fields of <c>data</c> (read like parameters),
    /// <c>types</c> and example payloads.
    /// </summary>
    private static EventModel? ReadEvent(NodeReader reader, string filePath, SpecNode root)
    {
        if (!reader.ExpectMapping(root, "the spec", SpecKeys.Event, "event", "scope", "summary"))
        {
            return null;
        }

        var name = reader.String(root, "event") ?? string.Empty;
        if (!EventName.IsMatch(name))
        {
            reader.Report(SpecRules.InvalidEventName, reader.LocationOf(root, "event"), name);
        }

        var scope = reader.String(root, "scope") ?? string.Empty;
        if (!Names.IsValidIdentifier(Names.ScopeNamespace(scope)))
        {
            reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(root, "scope"), scope, "a scope namespace");
        }

        var csharpName = reader.String(root, "csharpName");
        if (csharpName is not null && !Names.IsValidIdentifier(csharpName))
        {
            reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(root, "csharpName"), csharpName, "an event class name");
            csharpName = null;
        }

        var what = "event '" + name + "'";
        var typeName = csharpName ?? Names.EventTypeName(name);
        foreach (var generated in new[] { typeName, Names.EventDataTypeName(typeName) })
        {
            if (ReservedNames.TypeNameProblem(generated, TypeKind.Object) is { } problem)
            {
                reader.Report(SpecRules.ReservedTypeName, reader.LocationOf(root, csharpName is null ? "event" : "csharpName"), generated, problem);
            }
        }

        var data = ReadProperties(reader, reader.Sequence(root, "data"), "Field", what, Names.EventDataTypeName(typeName));
        var types = ReadTypes(reader, root, scope);
        var examples = new List<EventExampleModel>();
        foreach (var node in reader.Sequence(root, "examples"))
        {
            if (!reader.ExpectMapping(node, "an example", SpecKeys.EventExample, "name", "payload"))
            {
                continue;
            }

            var exampleName = reader.String(node, "name") ?? string.Empty;
            var payload = reader.String(node, "payload") ?? string.Empty;
            CheckJson(reader, node, "payload", payload, exampleName);
            examples.Add(new EventExampleModel(exampleName, payload));
        }

        return new EventModel(
            filePath,
            name,
            scope,
            reader.String(root, "access"),
            reader.String(root, "summary") ?? string.Empty,
            reader.String(root, "description"),
            ReadDocs(reader, root),
            csharpName,
            data,
            types,
            examples.ToEquatableArray());
    }

    private static MethodModel? ReadMethod(NodeReader reader, string filePath, SpecNode root)
    {
        if (!reader.ExpectMapping(root, "the spec", SpecKeys.Method, "method", "scope", "summary", "result") && !root.IsMapping)
        {
            return null;
        }

        var name = reader.String(root, "method") ?? string.Empty;
        if (root.Find("method") is not null && !MethodName.IsMatch(name))
        {
            reader.Report(SpecRules.InvalidMethodName, reader.LocationOf(root, "method"), name);
        }

        var what = name.Length > 0 ? "'" + name + "'" : "the spec";
        var scope = reader.String(root, "scope") ?? string.Empty;
        if (root.Find("scope") is not null && !Names.IsValidIdentifier(Names.ScopeNamespace(scope)))
        {
            reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(root, "scope"), scope, "a scope namespace");
        }

        var csharpName = reader.String(root, "csharpName");
        if (csharpName is not null && !Names.IsValidIdentifier(csharpName))
        {
            reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(root, "csharpName"), csharpName, "a method name");
            csharpName = null;
        }

        var docs = ReadDocs(reader, root);
        var deprecated = ReadDeprecated(reader, root);
        // A parameter becomes a property of the method's request class, which may not take the class's name.
        var request = MethodName.IsMatch(name) ? Names.RequestTypeName(Names.MethodTypePrefix(name, csharpName)) : null;
        var api = ReadApi(reader, root);
        var parameters = ReadProperties(reader, reader.Sequence(root, "params"), "Parameter", what, request, queries: api == MethodApi.V3);
        var result = ReadResult(reader, root, what);
        var errors = ReadErrors(reader, reader.Sequence(root, "errors"), what);
        var types = ReadTypes(reader, root, scope);
        var examples = ReadExamples(reader, reader.Sequence(root, "examples"));
        var (paged, paging) = ReadPaging(reader, root, parameters, result, name, api);
        var fastPaging = ReadFastPaging(reader, root, parameters, paged, name);
        // A REST 3.0 list holds its page in items.
        var pageItems = reader.String(root, "pageItems") ?? (paged && paging == MethodPaging.Page ? "items" : null);
        if (pageItems is not null && (!paged || result?.Type.Kind != WireKind.Named))
        {
            reader.Report(SpecRules.PageItemsNotAList, reader.LocationOf(root, "pageItems"), pageItems, name);
            pageItems = null;
            paged = false;
        }

        return new MethodModel(
            filePath,
            name,
            scope,
            reader.String(root, "access"),
            reader.String(root, "summary") ?? string.Empty,
            reader.String(root, "description"),
            reader.Boolean(root, "idempotent", false),
            parameters,
            result ?? new ResultModel(TypeRef.Of(WireKind.Boolean), null),
            errors,
            types,
            examples,
            paged,
            fastPaging,
            csharpName,
            docs,
            deprecated,
            PageItems: pageItems is null ? null : new PageItemsModel(pageItems),
            Api: api,
            Paging: paging);
    }

    /// <summary><c>api</c>: <c>v3</c> for a REST 3.0 method, <c>classic</c> or nothing for the API at <c>/rest/</c>.</summary>
    private static MethodApi ReadApi(NodeReader reader, SpecNode root)
    {
        switch (reader.String(root, "api"))
        {
            case null or "classic":
                return MethodApi.Classic;
            case "v3":
                return MethodApi.V3;
            default:
                reader.Report(SpecRules.WrongValueForm, reader.LocationOf(root, "api"), "api", "classic or v3");
                return MethodApi.Classic;
        }
    }

    /// <summary><c>docs</c>: the published page of the method, an absolute http(s) URL; anything else is left out.</summary>
    private static string? ReadDocs(NodeReader reader, SpecNode root)
    {
        var docs = reader.String(root, "docs");
        if (docs is null || Uri.TryCreate(docs, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return docs;
        }

        reader.Report(SpecRules.InvalidDocsUrl, reader.LocationOf(root, "docs"), docs);
        return null;
    }

    /// <summary>
    /// <c>deprecated</c>: <c>true</c> (read as empty), <c>false</c> (null) or the method Bitrix24 points to instead; a
    /// value that is none of these leaves the method unmarked.
    /// </summary>
    private static string? ReadDeprecated(NodeReader reader, SpecNode root)
    {
        var entry = root.Find("deprecated");
        if (entry is null)
        {
            return null;
        }

        var value = entry.Value;
        if (value.IsScalar && !value.IsQuoted && value.Value is "true" or "false")
        {
            return value.Value == "true" ? string.Empty : null;
        }

        // A quoted "true" is no method either: it is a boolean written wrong.
        if (value.IsScalar && !value.IsNull && value.Value is { } name and not ("true" or "false") && MethodName.IsMatch(name))
        {
            return name;
        }

        reader.Report(SpecRules.InvalidDeprecated, value.Location, value.IsScalar ? value.Value ?? string.Empty : "a " + value.Kind.ToString().ToLowerInvariant());
        return null;
    }

    /// <summary>
    /// <c>fastPaging</c>: the item's id property and the map parameters that take <c>&gt;ID</c> and the order;
    /// checked here as far as the method's own parameters go, the id against the item type by linking.
    /// </summary>
    private static FastPagingModel? ReadFastPaging(NodeReader reader, SpecNode root, EquatableArray<PropertyModel> parameters, bool paged, string method)
    {
        var entry = root.Find("fastPaging");
        if (entry is null || !reader.ExpectMapping(entry.Value, "fastPaging of '" + method + "'", SpecKeys.FastPaging, "id", "filter"))
        {
            return null;
        }

        var node = entry.Value;
        if (!paged)
        {
            reader.Report(SpecRules.FastPagingWithoutPaging, entry.KeyLocation, method);
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

            // A filter's values may be strings or any JSON (type: any); an order's are directions.
            var parameter = parameters.FirstOrDefault(p => p.WireName == name);
            var values = parameter?.Type.Items?.Kind;
            if (parameter is null || parameter.Type.Kind != WireKind.Map || parameter.Type.KeyType is not null
                || !(values == WireKind.String || (key == "filter" && values == WireKind.Json)))
            {
                reader.Report(SpecRules.FastPagingParameter, reader.LocationOf(node, key), key, method);
                return null;
            }
        }

        return new FastPagingModel(reader.String(node, "id") ?? string.Empty, filter, order);
    }

    /// <summary>
    /// <c>paging: start</c>: the method lists 50 items a page, and takes the page's offset as <c>start</c>;
    /// <c>paging: page</c>: a REST 3.0 list, asked page by page in <c>pagination</c>, its page in <c>items</c>.
    /// </summary>
    private static (bool Paged, MethodPaging Paging) ReadPaging(
        NodeReader reader, SpecNode root, EquatableArray<PropertyModel> parameters, ResultModel? result, string method, MethodApi api)
    {
        var paging = reader.String(root, "paging");
        if (paging is null)
        {
            return (false, MethodPaging.Start);
        }

        var location = reader.LocationOf(root, "paging");
        if (paging == "page")
        {
            var missing = api != MethodApi.V3 ? "api: v3"
                : !parameters.Any(p => p.WireName == "pagination") ? "a parameter pagination"
                : result?.Type.Kind != WireKind.Named ? "a result object whose items holds the page"
                : null;
            if (missing is not null)
            {
                reader.Report(SpecRules.PagePagingNotRest3List, location, method, missing);
                return (false, MethodPaging.Start);
            }

            return (true, MethodPaging.Page);
        }

        return (ReadStartPaging(reader, root, parameters, result, method, paging, location), MethodPaging.Start);
    }

    private static bool ReadStartPaging(
        NodeReader reader, SpecNode root, EquatableArray<PropertyModel> parameters, ResultModel? result, string method, string paging, SourceLocation location)
    {
        if (paging != "start")
        {
            reader.Report(SpecRules.WrongValueForm, location, "paging", "start (offset paging with start and next) or page (REST 3.0 pagination)");
            return false;
        }

        // A result object that wraps the page ({"items": [...]}) names its list in pageItems, checked when linking.
        if (result is not null && result.Type.Kind != WireKind.Array && reader.String(root, "pageItems") is null)
        {
            reader.Report(SpecRules.PagedResultNotArray, location, method);
            return false;
        }

        if (!parameters.Any(p => p.WireName == "start" && p.Type.Kind is WireKind.Integer or WireKind.IntegerString))
        {
            reader.Report(SpecRules.PagedMethodWithoutStart, location, method);
            return false;
        }

        return true;
    }

    // queries: whether a filter or select may stand here (a parameter of a REST 3.0 method).
    private static EquatableArray<PropertyModel> ReadProperties(
        NodeReader reader, IReadOnlyList<SpecNode> nodes, string kind, string owner, string? typeName = null, bool userFields = false, bool queries = false)
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
                reader.Report(SpecRules.DuplicateName, reader.LocationOf(node, "name"), kind, wireName, owner);
                continue;
            }

            var csharpName = reader.String(node, "csharpName");
            if (csharpName is not null && !Names.IsValidIdentifier(csharpName))
            {
                reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(node, "csharpName"), csharpName, what);
            }

            csharpName ??= Names.ToPascalCase(wireName);
            if (!csharpNames.Add(csharpName))
            {
                reader.Report(SpecRules.PropertyNameClash, reader.LocationOf(node, "name"), what, csharpName, owner);
            }
            else if (csharpName == typeName)
            {
                reader.Report(SpecRules.PropertyNamedLikeType, node.Location, wireName, typeName);
            }
            else if (ReservedNames.IsReservedMemberName(csharpName, userFields))
            {
                reader.Report(SpecRules.ReservedMemberName, reader.LocationOf(node, node.Find("csharpName") is null ? "name" : "csharpName"), what, csharpName);
            }

            var type = ReadTypeRef(reader, node, what);
            if (type?.Kind is WireKind.Filter or WireKind.Select && !queries)
            {
                reader.Report(SpecRules.MisplacedQuery, reader.LocationOf(node, "type"), what, BuiltInTypes.Name(type.Kind));
                type = null;
            }

            var filterable = reader.Boolean(node, "filterable", false);
            if (filterable && kind == "Parameter")
            {
                reader.Report(SpecRules.FilterableParameter, reader.LocationOf(node, "filterable"), wireName);
            }

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
                type ?? TypeRef.Of(WireKind.String),
                reader.Boolean(node, "required", false),
                reader.String(node, "description"),
                defaultValue,
                example,
                values,
                filterable && kind != "Parameter"));
        }

        return properties.ToEquatableArray();
    }

    private static string? ScalarText(NodeReader reader, SpecNode owner, string key, string what)
    {
        var entry = owner.Find(key);
        if (entry is null)
        {
            return null;
        }

        if (!entry.Value.IsScalar)
        {
            reader.Report(SpecRules.WrongValueForm, entry.Value.Location, key + " of " + what, "a single value");
            return null;
        }

        return entry.Value.Value ?? string.Empty;
    }

    /// <summary>Reads <c>type</c> with its <c>items</c>, <c>key</c> and <c>values</c> companions.</summary>
    private static TypeRef? ReadTypeRef(NodeReader reader, SpecNode owner, string what)
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
            if (!Names.IsValidIdentifier(typeName))
            {
                reader.Report(SpecRules.UnknownType, location, what, typeName, BuiltInTypes.List);
                return null;
            }

            return new TypeRef(WireKind.Named, typeName, null, null);
        }

        switch (kind.Value)
        {
            case WireKind.Array:
                var items = ElementType(reader, owner, "items", what, "an array", "elements");
                return items is null ? null : new TypeRef(WireKind.Array, null, items, null);
            case WireKind.Set:
                var members = ElementType(reader, owner, "items", what, "a set", "members");
                if (members is not null && members.Kind is not (WireKind.String or WireKind.Named))
                {
                    // The members are also the object's keys, so they must be strings.
                    reader.Report(SpecRules.SetMemberType, reader.LocationOf(owner, "items"), what, BuiltInTypes.Name(members.Kind));
                    return null;
                }

                return members is null ? null : new TypeRef(WireKind.Set, null, members, null);
            case WireKind.Map:
                var values = ElementType(reader, owner, "values", what, "a map", "values");
                var key = reader.String(owner, "key");
                if (key is not null && key != TypeRef.IntegerKey && !Names.IsValidIdentifier(key))
                {
                    reader.Report(SpecRules.InvalidMapKey, reader.LocationOf(owner, "key"), what, key);
                    return null;
                }

                return values is null ? null : new TypeRef(WireKind.Map, null, values, key);
            case WireKind.Filter or WireKind.Select:
                var entity = ElementType(reader, owner, "items", what, "a " + typeName, "fields");
                if (entity is not null && entity.Kind != WireKind.Named)
                {
                    reader.Report(SpecRules.QueryOfNonObject, reader.LocationOf(owner, "items"), what, typeName, BuiltInTypes.Name(entity.Kind));
                    return null;
                }

                return entity is null ? null : new TypeRef(kind.Value, null, entity, null);
            default:
                return TypeRef.Of(kind.Value);
        }
    }

    /// <summary>
    /// Reads the element type under <paramref name="key"/>: a type name, or a mapping with its own
    /// <c>type</c> (and <c>items</c>, <c>key</c>, <c>values</c>) for a collection of collections.
    /// </summary>
    private static TypeRef? ElementType(NodeReader reader, SpecNode owner, string key, string what, string collection, string elements)
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
            reader.Report(SpecRules.MissingElementType, entry?.Value.Location ?? reader.LocationOf(owner, "type"), what, collection, key, elements);
            return null;
        }

        var name = entry.Value.Value!;
        var kind = BuiltInTypes.Find(name);
        if (kind is WireKind.Filter or WireKind.Select)
        {
            reader.Report(SpecRules.MisplacedQuery, entry.Value.Location, "An element of " + what, name);
            return null;
        }

        if (kind is WireKind.Array or WireKind.Map or WireKind.Set)
        {
            reader.Report(SpecRules.NestedCollectionShorthand, entry.Value.Location, what, key, name, kind == WireKind.Map ? "values" : "items");
            return null;
        }

        if (kind is null && !Names.IsValidIdentifier(name))
        {
            reader.Report(SpecRules.UnknownType, entry.Value.Location, what, name, BuiltInTypes.List);
            return null;
        }

        return kind is null ? new TypeRef(WireKind.Named, name, null, null) : TypeRef.Of(kind.Value);
    }

    private static EquatableArray<ValueModel> ReadDocumentedValues(NodeReader reader, SpecNode owner, TypeRef? type)
    {
        // For maps, 'values' names the value type; elsewhere it documents the allowed values.
        if (type?.Kind == WireKind.Map)
        {
            return EquatableArray<ValueModel>.Empty;
        }

        var values = new List<ValueModel>();
        foreach (var node in reader.Sequence(owner, "values"))
        {
            if (!reader.ExpectMapping(node, "a documented value", SpecKeys.DocumentedValue, "value"))
            {
                continue;
            }

            var value = reader.String(node, "value") ?? string.Empty;
            if (type?.Kind == WireKind.Flag && value is not ("Y" or "N"))
            {
                reader.Report(SpecRules.ValueNotAllowed, reader.LocationOf(node, "value"), "value", value, "a flag", "Y, N");
            }

            values.Add(new ValueModel(value, reader.String(node, "description")));
        }

        return values.ToEquatableArray();
    }

    private static void CheckExample(NodeReader reader, SpecNode owner, TypeRef type, EquatableArray<ValueModel> values, string? example, string what)
    {
        if (example is null)
        {
            return;
        }

        var location = reader.LocationOf(owner, "example");
        var allowed = type.Kind switch
        {
            WireKind.Flag when example is not ("Y" or "N") => "Y, N",
            WireKind.Boolean when example is not ("true" or "false") => "true, false",
            WireKind.Integer or WireKind.IntegerString
                when !int.TryParse(example, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => "a whole number",
            WireKind.Number when !double.TryParse(example, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "a number",
            WireKind.String when values.Count > 0 && !values.Any(v => v.Value == example) => string.Join(", ", values.Select(v => v.Value)),
            _ => null,
        };
        if (allowed is not null)
        {
            reader.Report(SpecRules.ValueNotAllowed, location, "example", example, what, allowed);
        }
    }

    private static ResultModel? ReadResult(NodeReader reader, SpecNode root, string what)
    {
        var entry = root.Find("result");
        if (entry is null || !reader.ExpectMapping(entry.Value, "the result of " + what, SpecKeys.Result, "type"))
        {
            return null;
        }

        var type = ReadTypeRef(reader, entry.Value, "The result of " + what);
        if (type?.Kind is WireKind.Filter or WireKind.Select)
        {
            reader.Report(SpecRules.MisplacedQuery, reader.LocationOf(entry.Value, "type"), "The result of " + what, BuiltInTypes.Name(type.Kind));
            return null;
        }

        return type is null ? null : new ResultModel(type, reader.String(entry.Value, "description"));
    }

    private static EquatableArray<ErrorModel> ReadErrors(NodeReader reader, IReadOnlyList<SpecNode> nodes, string owner)
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
            if (!Names.IsValidIdentifier(name))
            {
                reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(node, "name"), name, "an error of " + owner);
                continue;
            }

            if (!names.Add(name))
            {
                reader.Report(SpecRules.DuplicateName, reader.LocationOf(node, "name"), "Error", name, owner);
                continue;
            }

            if (name == ReservedNames.EnumValueField)
            {
                reader.Report(SpecRules.ReservedMemberName, reader.LocationOf(node, "name"), "Error '" + name + "' of " + owner, name);
                continue;
            }

            errors.Add(new ErrorModel(
                name,
                reader.String(node, "code") ?? string.Empty,
                reader.Integer(node, "status", 400),
                reader.String(node, "message"),
                reader.String(node, "description")));
        }

        return errors.ToEquatableArray();
    }

    private static EquatableArray<TypeModel> ReadTypes(NodeReader reader, SpecNode root, string scope)
    {
        var types = new List<TypeModel>();
        foreach (var entry in reader.MappingEntries(root, "types"))
        {
            var name = entry.Key;
            var what = "type '" + name + "'";
            if (!Names.IsValidIdentifier(name))
            {
                reader.Report(SpecRules.InvalidIdentifier, entry.KeyLocation, name, "a type name");
                continue;
            }

            var node = entry.Value;
            var kindText = node.IsMapping ? reader.String(node, "kind") : null;
            if (ReservedNames.TypeNameProblem(name, KindOf(kindText)) is { } problem)
            {
                reader.Report(SpecRules.ReservedTypeName, entry.KeyLocation, name, problem);
                continue;
            }

            if (!reader.ExpectMapping(node, what, SpecKeys.TypeDefinition, "kind"))
            {
                continue;
            }

            var description = reader.String(node, "description");
            var userFields = ReadUserFields(reader, node, name, kindText);
            var properties = EquatableArray<PropertyModel>.Empty;
            var values = EquatableArray<EnumValueModel>.Empty;
            var patterns = EquatableArray<KeyPatternModel>.Empty;
            var variants = EquatableArray<UnionVariantModel>.Empty;
            TypeKind kind;
            switch (kindText)
            {
                case "object":
                    kind = TypeKind.Object;
                    properties = ReadProperties(reader, reader.Sequence(node, "properties"), "Property", what, name, userFields is not null);
                    break;
                case "enum":
                    kind = TypeKind.Enum;
                    values = ReadEnumValues(reader, node, name, what);
                    break;
                case "key":
                    kind = TypeKind.Key;
                    patterns = ReadKeyPatterns(reader, node, name, what);
                    break;
                case "union":
                    kind = TypeKind.Union;
                    variants = ReadVariants(reader, node, name, what);
                    break;
                case null:
                    continue;
                default:
                    reader.Report(SpecRules.WrongValueForm, reader.LocationOf(node, "kind"), "kind", "one of: object, enum, key, union");
                    continue;
            }

            types.Add(new TypeModel(name, kind, scope, description, properties, values, patterns, variants, userFields));
        }

        return types.ToEquatableArray();
    }

    private static TypeKind KindOf(string? kind) => kind switch
    {
        "enum" => TypeKind.Enum,
        "key" => TypeKind.Key,
        "union" => TypeKind.Union,
        _ => TypeKind.Object,
    };

    /// <summary>
    /// <c>userFields</c>: the prefix of the custom fields (<c>UF_</c>, <c>ufCrm</c>) an object keeps in its
    /// <c>UserFields</c>; null when absent, and when it is not such a prefix or not on an object (then reported).
    /// </summary>
    private static string? ReadUserFields(NodeReader reader, SpecNode node, string typeName, string? kind)
    {
        var entry = node.Find("userFields");
        if (entry is null)
        {
            return null;
        }

        var value = entry.Value;
        if (!value.IsScalar)
        {
            reader.Report(SpecRules.WrongValueForm, value.Location, "userFields", "a single value, the prefix of the custom fields' names");
            return null;
        }

        var prefix = value.IsNull ? string.Empty : value.Value ?? string.Empty;
        var notObject = kind is "enum" or "key" or "union";
        var problem = notObject ? "is on a type of kind " + kind
            : prefix.Length == 0 ? "is empty"
            : !FieldNamePrefix.IsMatch(prefix) ? "is '" + prefix + "', which is not the start of a field name"
            : typeName == ReservedNames.UserFieldsMember ? "would give the class a member of its own name"
            : null;
        if (problem is not null)
        {
            reader.Report(SpecRules.InvalidUserFields, notObject ? entry.KeyLocation : value.Location, typeName, problem);
            return null;
        }

        // An unknown kind is reported as such; the type is left out with it.
        return kind == "object" ? prefix : null;
    }

    private static EquatableArray<UnionVariantModel> ReadVariants(NodeReader reader, SpecNode node, string typeName, string what)
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
            if (!Names.IsValidIdentifier(name))
            {
                reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(item, "name"), name, "a variant of " + what);
                continue;
            }

            // Each variant has a property and a From… factory: neither may meet another variant's.
            if (!names.Add(name) || names.Contains("From" + name) || (name.StartsWith("From", StringComparison.Ordinal) && names.Contains(name.Substring(4))))
            {
                reader.Report(SpecRules.VariantNameClash, reader.LocationOf(item, "name"), name, typeName);
                continue;
            }

            if (ReservedNames.IsReservedVariantName(name))
            {
                reader.Report(SpecRules.ReservedMemberName, reader.LocationOf(item, "name"), "Variant '" + name + "' of " + what, name);
                continue;
            }

            var type = ReadTypeRef(reader, item, "variant '" + name + "' of " + what);
            if (type?.Kind is WireKind.Filter or WireKind.Select)
            {
                reader.Report(SpecRules.MisplacedQuery, reader.LocationOf(item, "type"), "Variant '" + name + "' of " + what, BuiltInTypes.Name(type.Kind));
                continue;
            }

            if (type is not null)
            {
                variants.Add(new UnionVariantModel(name, type, reader.String(item, "description")));
            }
        }

        if (variants.Count < 2)
        {
            reader.Report(SpecRules.UnionNeedsVariants, node.Location, typeName);
        }

        return variants.ToEquatableArray();
    }

    private static EquatableArray<EnumValueModel> ReadEnumValues(NodeReader reader, SpecNode node, string typeName, string what)
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
                reader.Report(SpecRules.DuplicateValue, reader.LocationOf(item, "value"), value, what);
                continue;
            }

            var csharpName = reader.String(item, "csharpName");
            if (csharpName is not null && !Names.IsValidIdentifier(csharpName))
            {
                reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(item, "csharpName"), csharpName, "a value of " + what);
                continue;
            }

            csharpName ??= Names.ToPascalCase(value);
            if (!names.Add(csharpName))
            {
                reader.Report(SpecRules.EnumMemberClash, reader.LocationOf(item, "value"), value, typeName, csharpName);
                continue;
            }

            if (csharpName == ReservedNames.EnumValueField)
            {
                reader.Report(SpecRules.ReservedMemberName, reader.LocationOf(item, "csharpName"), "Value '" + value + "' of " + what, csharpName);
                continue;
            }

            values.Add(new EnumValueModel(value, csharpName, reader.String(item, "description")));
        }

        if (values.Count == 0 && node.Find("values") is null)
        {
            reader.Report(SpecRules.EnumNeedsValues, node.Location, typeName);
        }

        return values.ToEquatableArray();
    }

    private static EquatableArray<KeyPatternModel> ReadKeyPatterns(NodeReader reader, SpecNode node, string typeName, string what)
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
                reader.Report(SpecRules.InvalidKeyFormat, reader.LocationOf(item, "format"), format, typeName);
                continue;
            }

            if (!Names.IsValidIdentifier(name))
            {
                reader.Report(SpecRules.InvalidIdentifier, reader.LocationOf(item, "name"), name, "a pattern of " + what);
                continue;
            }

            if (!names.Add(name))
            {
                reader.Report(SpecRules.DuplicateName, reader.LocationOf(item, "name"), "Pattern", name, what);
                continue;
            }

            // A pattern is a member of the key and of its kind enum, which live in the key type.
            if (ReservedNames.IsReservedPatternName(name) || name == typeName || name == typeName + "Kind")
            {
                reader.Report(SpecRules.ReservedMemberName, reader.LocationOf(item, "name"), "Pattern '" + name + "' of " + what, name);
                continue;
            }

            patterns.Add(new KeyPatternModel(name, match.Groups[1].Value, reader.String(item, "description")));
        }

        if (patterns.Count == 0)
        {
            reader.Report(SpecRules.KeyNeedsPatterns, node.Location, typeName);
        }

        return patterns.ToEquatableArray();
    }

    private static EquatableArray<ExampleModel> ReadExamples(NodeReader reader, IReadOnlyList<SpecNode> nodes)
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

    private static void CheckJson(NodeReader reader, SpecNode node, string key, string? json, string example)
    {
        if (json is null)
        {
            return;
        }

        var problem = JsonSyntax.FindProblem(json);
        if (problem is not null)
        {
            reader.Report(SpecRules.InvalidExampleJson, reader.LocationOf(node, key), key, example, problem);
        }
    }
}
