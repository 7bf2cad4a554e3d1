using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Examples;
using Bitrix24.SpecImporter.Mapping;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// Maps one path of the document onto a REST 3.0 spec: the method from the path, the scope, a summary, whether it
/// only reads, the parameters from the JSON request body, the result from the success answer with the envelope's
/// <c>result</c> unwrapped, the errors whose codes the error answers give, and the documented request and answers as
/// examples. A list (a <c>pagination</c> object in the body, a result whose <c>items</c> is an array) pages with
/// <c>paging: page</c>; <c>filter</c> and <c>select</c> name the fields of the object the call is about (the items of
/// the list, else the result's <c>item</c>), a filter only when the document states some of those fields filterable
/// (<c>x-filterable: true</c> on the property, or the <c>enum</c> of a condition's first element; see <see cref="Survey"/>).
/// What the operation states that a spec cannot hold is a warning at its place.
/// </summary>
internal sealed class OperationMapper
{
    // Longer summaries are documentation prose: the method gets a composed one instead.
    private const int ShortSummary = 100;

    // The property of a REST 3.0 list's result object that holds the page.
    private const string PageItems = "items";

    private static readonly string[] Verbs = ["post", "get", "put", "patch", "delete", "head", "options", "trace"];
    private static readonly string[] Known =
    [
        "summary", "description", "operationId", "tags", "requestBody", "responses", "deprecated", "security", "parameters",
        "x-scope", "x-idempotent",
    ];

    private readonly OpenApiDocument _document;
    private readonly SchemaMapper _schemas;
    private readonly bool _scopeFromTags;
    private readonly OpenApiWarnings _warnings;

    public OperationMapper(OpenApiDocument document, SchemaMapper schemas, bool scopeFromTags, OpenApiWarnings warnings)
    {
        _document = document;
        _schemas = schemas;
        _scopeFromTags = scopeFromTags;
        _warnings = warnings;
    }

    /// <summary>The spec of a path, or null (with a warning) when the path is no method a spec can describe.</summary>
    public MethodModel? Map(string path, JsonNode? item)
    {
        var at = "$.paths['" + path + "']";
        if (OpenApiNames.Method(path) is not { } name)
        {
            Warn(at, "the path names no method (expected '/scope.entity.verb'); left out");
            return null;
        }

        if (_document.Refs.Resolve(item).Target is not JsonObject pathItem)
        {
            Warn(at, "the path has no operations; left out");
            return null;
        }

        var operations = Verbs.Where(verb => pathItem[verb] is JsonObject).ToList();
        if (operations.Count == 0)
        {
            Warn(at, "the path has no operations; left out");
            return null;
        }

        var operation = (JsonObject)pathItem[operations[0]]!;
        foreach (var other in operations.Skip(1).Where(other => !JsonNode.DeepEquals(pathItem[other], operation)))
        {
            Warn(pathItem[other]!.GetPath(), $"a spec describes one call of a method: the {operations[0].ToUpperInvariant()} operation is kept, this one is not");
        }

        foreach (var parameter in Parameters(pathItem).Concat(Parameters(operation)).OfType<JsonNode>())
        {
            var described = _document.Refs.Resolve(parameter).Target as JsonObject;
            Warn(parameter.GetPath(), $"parameter '{Text(described?["name"])}' in {Text(described?["in"])} is not kept; a REST 3.0 spec takes its parameters from the JSON body");
        }

        foreach (var key in operation.Select(entry => entry.Key).Where(key => !Known.Contains(key)))
        {
            Warn(operation.GetPath() + "." + key, $"'{key}' is not kept; a spec has no place for it");
        }

        var scope = Scope(name, operation);
        _schemas.Scope = scope;
        var prefix = OpenApiNames.Prefix(name);
        var (parameters, request, sources) = Body(operation, prefix);
        var (result, response, status) = Result(operation, prefix);
        var entity = Entity(result);
        Queries(parameters, sources, entity);
        var paged = IsPagedList(parameters, result);
        var (errors, errorExample) = Errors(operation);
        var examples = new List<ExampleModel>();
        if (request is not null || response is not null)
        {
            examples.Add(new ExampleModel("Documented call", request, status, response));
        }

        if (errorExample is not null)
        {
            examples.Add(errorExample);
        }

        return new MethodModel(
            FilePath: string.Empty,
            Name: name,
            Scope: scope,
            Access: null,
            Summary: Summary(name, operation),
            Description: null,
            Idempotent: Idempotent(name, operation, operations),
            Parameters: new(parameters),
            Result: new ResultModel(result, null),
            Errors: new(errors),
            Types: new(_schemas.Reached(parameters.Select(parameter => parameter.Type).Append(result))),
            Examples: new(examples),
            Paged: paged,
            Deprecated: operation["deprecated"] is JsonValue deprecated && deprecated.TryGetValue<bool>(out var old) && old ? string.Empty : null,
            PageItems: paged ? new PageItemsModel(PageItems) : null,
            Api: MethodApi.V3,
            Paging: paged ? MethodPaging.Page : MethodPaging.Start);
    }

    /// <summary>
    /// Before any path is mapped: the field names a list's filter states as the enum of its conditions' first element
    /// (<c>["id", "&gt;", 10]</c>), handed to the schema of the list's items, so that the items' type is declared with
    /// those fields filterable in every spec that uses it.
    /// </summary>
    public void Survey(JsonNode? item)
    {
        var pathItem = Resolved(item);
        var operation = Verbs.Select(verb => pathItem?[verb]).OfType<JsonObject>().FirstOrDefault();
        var body = Resolved(Content(Resolved(operation?["requestBody"]))?["schema"]);
        var filter = _schemas.Object(body) is var (properties, _, _) ? Resolved(properties.FirstOrDefault(property => property.Name == "filter").Schema) : null;
        var condition = Resolved(filter?["items"]);
        var first = Resolved((condition?["prefixItems"] as JsonArray ?? condition?["items"] as JsonArray)?.FirstOrDefault());
        if (first?["enum"] is not JsonArray names || operation?["responses"] is not JsonObject responses)
        {
            return;
        }

        var success = responses.Where(entry => entry.Key.Length == 3 && entry.Key[0] == '2' && entry.Key.All(char.IsAsciiDigit)).OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value).FirstOrDefault();
        var envelope = _schemas.Object(Content(Resolved(success))?["schema"]);
        var result = envelope?.Properties.FirstOrDefault(property => property.Name == "result").Schema;
        var items = _schemas.Object(result)?.Properties.FirstOrDefault(property => property.Name == PageItems).Schema;
        if (Resolved(Resolved(items)?["items"]) is { } entity)
        {
            var fields = names.OfType<JsonValue>().Select(name => name.TryGetValue<string>(out var text) ? text : null).OfType<string>();
            _schemas.StateFilterable(entity, fields, names.GetPath());
        }
    }

    private JsonObject? Resolved(JsonNode? node) => _document.Refs.Resolve(node).Target as JsonObject;

    // The JSON content of a request body or an answer, without a word on other media types.
    private static JsonObject? Content(JsonObject? owner) =>
        (owner?["content"] as JsonObject)?.Where(entry => entry.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Select(entry => entry.Value).OfType<JsonObject>().FirstOrDefault();

    // The object a call is about: the items of the result's list, else the result's item.
    private TypeModel? Entity(TypeRef result)
    {
        if (result.Kind != WireKind.Named || _schemas.Declared(result.Name!) is not { } answer)
        {
            return null;
        }

        var items = answer.Properties.FirstOrDefault(property => property.WireName == PageItems)?.Type;
        var item = answer.Properties.FirstOrDefault(property => property.WireName == "item")?.Type;
        var entity = items is { Kind: WireKind.Array, Items.Kind: WireKind.Named } ? items.Items : item is { Kind: WireKind.Named } ? item : null;
        return entity is null ? null : _schemas.Declared(entity.Name!);
    }

    // A REST 3.0 list: a pagination the walk can set (untyped, or an object with integer page and limit) among the
    // parameters, and a result object whose items is the page.
    private bool IsPagedList(List<PropertyModel> parameters, TypeRef result) =>
        parameters.Any(parameter => parameter.WireName == "pagination" && (parameter.Type.Kind == WireKind.Json || IsPageAndLimit(parameter.Type)))
        && result.Kind == WireKind.Named
        && _schemas.Declared(result.Name!) is { } answer
        && answer.Properties.Any(property => property.WireName == PageItems && property.Type.Kind == WireKind.Array);

    private bool IsPageAndLimit(TypeRef type) =>
        type.Kind == WireKind.Named && _schemas.Declared(type.Name!) is { } pagination
        && new[] { "page", "limit" }.All(name => pagination.Properties.Any(property => property.WireName == name && property.Type.Kind == WireKind.Integer));

    // filter and select over the object the call is about: a filter when the document says which of its fields are filterable.
    private void Queries(List<PropertyModel> parameters, List<(string Name, JsonNode? Schema)> sources, TypeModel? entity)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var at = sources.FirstOrDefault(source => source.Name == parameter.WireName).Schema?.GetPath() ?? "$";
            if (parameter is { WireName: "filter", Type.Kind: WireKind.Array })
            {
                if (entity is null)
                {
                    Warn(at, "filter is kept as an array: the answer has no object (result.items or result.item) whose fields it would name");
                }
                else if (!entity.Properties.Any(property => property.Filterable))
                {
                    Warn(at, $"filter is kept as an untyped array: nothing says which fields of {entity.Name} it may name (no property has '{SchemaMapper.FilterableKey}: true')");
                }
                else
                {
                    parameters[i] = Query(parameter, WireKind.Filter, entity, at);
                }
            }
            else if (parameter is { WireName: "select", Type: { Kind: WireKind.Array, Items.Kind: WireKind.String } } && entity is not null)
            {
                parameters[i] = Query(parameter, WireKind.Select, entity, at);
            }
        }
    }

    private PropertyModel Query(PropertyModel parameter, WireKind kind, TypeModel entity, string at)
    {
        if (!parameter.Values.IsEmpty)
        {
            Warn(at, $"the field names {parameter.WireName} lists ({string.Join(", ", parameter.Values.Select(value => value.Value))}) are not kept; it names the fields of {entity.Name}");
        }

        return parameter with
        {
            Type = new TypeRef(kind, null, new TypeRef(WireKind.Named, entity.Name, null, null), null),
            Values = EquatableArray<ValueModel>.Empty,
        };
    }

    private static IEnumerable<JsonNode?> Parameters(JsonObject owner) => owner["parameters"] as JsonArray ?? [];

    // x-scope, else the first scope a security requirement names, else (when asked) the first tag, else the method's first segment.
    private string Scope(string method, JsonObject operation)
    {
        var fallback = method.Split('.')[0];
        if (operation["x-scope"] is JsonValue own && own.TryGetValue<string>(out var named) && IsScope(named, operation.GetPath() + ".x-scope"))
        {
            return named;
        }

        var security = operation["security"] as JsonArray ?? _document.Security;
        var scopes = (security ?? []).OfType<JsonObject>().SelectMany(requirement => requirement.Select(scheme => scheme.Value).OfType<JsonArray>())
            .SelectMany(list => list.OfType<JsonValue>()).Select(value => value.TryGetValue<string>(out var text) ? text : null).OfType<string>().Distinct().ToList();
        if (scopes.Count > 0)
        {
            var where = (operation["security"] ?? _document.Security)!.GetPath();
            if (scopes.Count > 1)
            {
                Warn(where, $"the call needs the scopes {string.Join(", ", scopes)}; a spec has one, '{scopes[0]}' is kept");
            }

            if (IsScope(scopes[0], where))
            {
                return scopes[0];
            }
        }

        if (_scopeFromTags && operation["tags"] is JsonArray tags && tags.FirstOrDefault() is JsonValue tag && tag.TryGetValue<string>(out var module))
        {
            if (tags.Count > 1)
            {
                Warn(tags.GetPath(), $"the operation has {tags.Count.ToString(CultureInfo.InvariantCulture)} tags; the first, '{module}', is the scope");
            }

            if (IsScope(module, tags.GetPath()))
            {
                return module;
            }
        }

        return fallback;
    }

    private bool IsScope(string scope, string where)
    {
        if (OpenApiNames.IsScope(scope))
        {
            return true;
        }

        Warn(where, $"'{scope}' cannot be a scope (a folder name whose namespace is a C# name); the method's first segment is the scope");
        return false;
    }

    private string Summary(string method, JsonObject operation)
    {
        if (operation["description"] is JsonValue)
        {
            Warn(operation.GetPath() + ".description", "the description is not copied; specs carry a short summary and link the documentation");
        }

        if (operation["summary"] is JsonValue value && value.TryGetValue<string>(out var summary) && summary.Trim() is { Length: > 0 } text)
        {
            if (text.Length <= ShortSummary && !text.Contains('\n', StringComparison.Ordinal))
            {
                return char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? string.Empty : ".");
            }

            Warn(operation.GetPath() + ".summary", "the summary is too long to be one; a composed summary stands instead");
        }

        return Descriptions.Summary(method);
    }

    // The operation's own word (x-idempotent), else a call by GET only, else the importer's rule on the verb.
    private static bool Idempotent(string method, JsonObject operation, List<string> operations)
    {
        if (operation["x-idempotent"] is JsonValue hint && hint.TryGetValue<bool>(out var idempotent))
        {
            return idempotent;
        }

        return operations is ["get"] || MethodMapper.IsIdempotent(method);
    }

    // The parameters: the properties of the JSON request body's object; and the documented request.
    private (List<PropertyModel> Parameters, string? Example, List<(string Name, JsonNode? Schema)> Sources) Body(JsonObject operation, string prefix)
    {
        if (_document.Refs.Resolve(operation["requestBody"]).Target is not JsonObject body)
        {
            return ([], null, []);
        }

        if (Json(body) is not { } content)
        {
            return ([], null, []);
        }

        var example = Example(content);
        if (_schemas.Object(content["schema"]) is not var (properties, required, schema))
        {
            if (_document.Refs.Resolve(content["schema"]).Target is JsonObject other && other.Count > 0 && Type(other) is not ("object" or null))
            {
                Warn(other.GetPath(), $"a request body of type '{Type(other)}' is not kept; the parameters of a call are the keys of a JSON object");
            }

            return ([], example, []);
        }

        return (_schemas.Properties(schema, properties, required, Names.RequestTypeName(prefix), prefix), example, properties);
    }

    // The success answer's result: the envelope's "result" (its item, items or result inside), the documented answer and its status.
    private (TypeRef Result, string? Example, int Status) Result(JsonObject operation, string prefix)
    {
        var responses = operation["responses"] as JsonObject;
        var success = responses?.Where(entry => entry.Key.Length == 3 && entry.Key[0] == '2' && entry.Key.All(char.IsAsciiDigit)).OrderBy(entry => entry.Key, StringComparer.Ordinal).FirstOrDefault();
        if (success is not { Key: { } code, Value: var answer })
        {
            Warn(operation.GetPath() + ".responses", "no success answer is documented; the result is any");
            return (TypeRef.Of(WireKind.Json), null, 200);
        }

        var status = int.Parse(code, CultureInfo.InvariantCulture);
        if (_document.Refs.Resolve(answer).Target is not JsonObject response || Json(response) is not { } content)
        {
            Warn((answer ?? responses!).GetPath(), $"the {code} answer has no JSON body; the result is any");
            return (TypeRef.Of(WireKind.Json), null, status);
        }

        var example = Example(content);
        if (_schemas.Object(content["schema"]) is not var (properties, _, envelope) || properties.All(property => property.Name != "result"))
        {
            Warn((content["schema"] ?? content).GetPath(), "the answer is not the REST 3.0 envelope (an object with 'result'); the result is any");
            return (TypeRef.Of(WireKind.Json), example, status);
        }

        foreach (var (name, _) in properties.Where(property => property.Name is not ("result" or "time")))
        {
            Warn(envelope.GetPath(), $"the envelope's '{name}' is not kept; a spec describes the result");
        }

        var result = properties.First(property => property.Name == "result").Schema;
        return (_schemas.Map(result, prefix + "Result", prefix).Type, example, status);
    }

    // Each error code an error answer documents, by its examples or the enum of its error.code; and the first example.
    private (List<ErrorModel> Errors, ExampleModel? Example) Errors(JsonObject operation)
    {
        var errors = new List<ErrorModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        ExampleModel? first = null;
        if (operation["responses"] is not JsonObject responses)
        {
            return (errors, null);
        }

        foreach (var (key, answer) in responses.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (key == "default")
            {
                Warn((answer ?? responses).GetPath(), "the default answer is not kept; a spec's errors have a status each");
                continue;
            }

            if (key.Length != 3 || key[0] is not ('4' or '5'))
            {
                continue;
            }

            var status = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (key[0] - '0') * 100;
            if (_document.Refs.Resolve(answer).Target is not JsonObject response || Json(response) is not { } content)
            {
                Warn((answer ?? responses).GetPath(), $"the {key} answer documents no JSON error; not kept");
                continue;
            }

            var documented = new List<(string Code, string? Message)>();
            foreach (var example in Examples(content))
            {
                if (example is JsonObject { } envelope && envelope["error"] is JsonObject error && error["code"] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    documented.Add((text, error["message"] is JsonValue message && message.TryGetValue<string>(out var said) ? said : null));
                    first ??= new ExampleModel("Documented error", null, status, JsonCompact.Write(example.ToJsonString()));
                }
            }

            var schema = _document.Refs.Resolve(content["schema"]).Target as JsonObject;
            var errorSchema = _document.Refs.Resolve(schema?["properties"]?["error"]).Target as JsonObject;
            var codes = _document.Refs.Resolve(errorSchema?["properties"]?["code"]).Target as JsonObject;
            foreach (var code in (codes?["enum"] as JsonArray ?? []).OfType<JsonValue>())
            {
                if (code.TryGetValue<string>(out var text) && documented.All(known => known.Code != text))
                {
                    documented.Add((text, null));
                }
            }

            if (documented.Count == 0)
            {
                Warn(response.GetPath(), $"the {key} answer gives no error code (no example, no enum of error.code); not kept as an error");
                continue;
            }

            foreach (var (code, message) in documented.DistinctBy(error => error.Code))
            {
                if (errors.FirstOrDefault(known => known.Code == code) is { } twice)
                {
                    if (twice.Status != status)
                    {
                        Warn(response.GetPath(), $"the code {code} is documented with {twice.Status.ToString(CultureInfo.InvariantCulture)} and {key}; the first is kept");
                    }

                    continue;
                }

                var name = OpenApiNames.Error(code, message, errors.Count + 1);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = OpenApiNames.Error(code, message, 0) + n;
                }

                errors.Add(new ErrorModel(name, code, status, message?.TrimEnd('.'), null));
            }
        }

        return (errors, first);
    }

    // The JSON content of a request body or an answer; other media types are warnings.
    private JsonObject? Json(JsonObject owner)
    {
        if (owner["content"] is not JsonObject content)
        {
            return null;
        }

        JsonObject? found = null;
        foreach (var (type, value) in content)
        {
            if (found is null && type.Contains("json", StringComparison.OrdinalIgnoreCase) && value is JsonObject json)
            {
                found = json;
            }
            else
            {
                Warn(content.GetPath(), $"content of type '{type}' is not kept; REST 3.0 calls send and answer JSON");
            }
        }

        return found;
    }

    // The documented examples of a content: "example", then each of "examples".
    private IEnumerable<JsonNode> Examples(JsonObject content)
    {
        if (content["example"] is { } example)
        {
            yield return example;
        }

        foreach (var (_, named) in content["examples"] as JsonObject ?? [])
        {
            if (_document.Refs.Resolve(named).Target is JsonObject { } entry && entry["value"] is { } value)
            {
                yield return value;
            }
        }
    }

    private string? Example(JsonObject content) => Examples(content).FirstOrDefault() is { } example ? JsonCompact.Write(example.ToJsonString()) : null;

    private static string? Type(JsonObject schema) => schema["type"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "?";

    private void Warn(string path, string message) => _warnings.Add(path, message);
}
