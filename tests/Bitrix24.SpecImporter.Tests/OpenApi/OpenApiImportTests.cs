using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.OpenApi;

namespace Bitrix24.SpecImporter.Tests.OpenApi;

/// <summary>
/// The <c>openapi</c> command end to end on a document written for the tests (<c>gadgets.openapi.json</c>): a get
/// answering an item, a list with select, filter, order and pagination answering items whose fields say which a filter
/// may name, an add with required fields and an enum, a delete answering <c>result: true</c>, a folder whose schema refers
/// to itself, and a list of folders whose filter names no filterable field.
/// </summary>
public sealed class OpenApiImportTests : IDisposable
{
    private static readonly string Here = Path.Combine(Repository.Root, "tests", "Bitrix24.SpecImporter.Tests", "OpenApi");
    private static readonly string Document = Path.Combine(Here, "gadgets.openapi.json");
    private static readonly string Approved = Path.Combine(Here, "Approved");

    private readonly string _out = Path.Combine(Path.GetTempPath(), "b24-openapi-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void The_document_becomes_the_approved_specs_and_report()
    {
        Assert.Equal(0, Run(["openapi", Document, "--out", _out], out var output, out _));
        Assert.Contains("6 specs from 6 paths; 6 files written", output, StringComparison.Ordinal);

        var written = Files(_out);
        var approved = Files(Approved);
        Assert.Equal(approved.Keys, written.Keys);
        foreach (var (file, text) in approved)
        {
            // A checkout may turn the approved files' line ends into CRLF; the specs are written with LF.
            Assert.True(text.ReplaceLineEndings("\n") == written[file], $"{file} differs from the approved file:\n{written[file]}");
        }
    }

    [Fact]
    public void Each_spec_reads_back_without_diagnostics_and_all_of_them_link_together()
    {
        Assert.Equal(0, Run(["openapi", Document, "--out", _out], out _, out _));
        var specs = Files(_out).Where(file => file.Key.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, specs.Count);
        foreach (var (file, text) in specs)
        {
            var document = SpecDocument.Read(file, text);
            Assert.True(document.Diagnostics.Count == 0, file + ": " + string.Join("; ", document.Diagnostics));
            Assert.Equal(MethodApi.V3, document.Method!.Api);
        }

        Assert.Empty(SpecSet.Read(specs.Select(spec => (spec.Key, (string?)spec.Value))).Diagnostics);
    }

    [Fact]
    public void Parameters_results_errors_and_idempotency_come_from_the_document()
    {
        var result = Import(File.ReadAllText(Document));
        var get = Method(result, "shop/shop.gadget.get.yaml");
        var list = Method(result, "shop/shop.gadget.list.yaml");
        var add = Method(result, "shop/shop.gadget.add.yaml");
        var delete = Method(result, "shop/shop.gadget.delete.yaml");
        var folder = Method(result, "shop/shop.folder.get.yaml");

        // Reads are idempotent by their verb, as the docs import decides; writes are not.
        Assert.True(get.Idempotent);
        Assert.True(list.Idempotent);
        Assert.True(folder.Idempotent);
        Assert.False(add.Idempotent);
        Assert.False(delete.Idempotent);
        Assert.Equal("Get a gadget.", get.Summary);

        // The envelope's result unwrapped: an item, items, a boolean.
        Assert.Equal("ShopGadgetGetResult", get.Result.Type.Name);
        Assert.Equal(("item", "ShopGadgetDto"), Property(get, "ShopGadgetGetResult", 0));
        var items = get.Types.Single(type => type.Name == "ShopGadgetGetResult").Properties[0];
        Assert.Equal(WireKind.Named, items.Type.Kind);
        var page = list.Types.Single(type => type.Name == "ShopGadgetListResult").Properties.Single();
        Assert.Equal(("items", WireKind.Array, "ShopGadgetDto"), (page.WireName, page.Type.Kind, page.Type.Items!.Name));
        var deleted = delete.Types.Single(type => type.Name == "ShopGadgetDeleteResult").Properties.Single();
        Assert.Equal(("result", WireKind.Boolean), (deleted.WireName, deleted.Type.Kind));

        // Parameters from the body: required, enum values, date-time, nested objects as named types.
        Assert.Equal(["id:Integer:True", "select:Select:False"], get.Parameters.Select(Describe));
        Assert.Equal("ShopGadgetDto", get.Parameters[1].Type.Items!.Name);
        Assert.Empty(get.Parameters[1].Values);
        Assert.Equal(["select:Select:False", "filter:Filter:False", "order:Map:False", "pagination:Named:False"], list.Parameters.Select(Describe));
        var fields = add.Types.Single(type => type.Name == "ShopGadgetAddFields");
        Assert.Equal(
            ["title:String:True", "kind:String:True", "ownerId:Integer:False", "createdAt:DateTime:False", "tags:Array:False", "size:Json:False"],
            fields.Properties.Select(Describe));
        Assert.Equal(["small", "large"], fields.Properties[1].Values.Select(value => value.Value));

        // A schema that contains itself is a type that refers to itself.
        var dto = folder.Types.Single(type => type.Name == "ShopFolderDto");
        Assert.Equal("ShopFolderDto", dto.Properties.Single(property => property.WireName == "parent").Type.Name);
        Assert.Equal("ShopFolderDto", dto.Properties.Single(property => property.WireName == "children").Type.Items!.Name);

        // Errors from the examples of an answer and from the enum of its error.code.
        Assert.Equal(
            ["ValidationRequestvalidation:BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION:400", "Accessdenied:BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION:403"],
            add.Errors.Select(error => $"{error.Name}:{error.Code}:{error.Status}"));
        Assert.Equal("Gadget not found", get.Errors.Single().Message);
    }

    [Fact]
    public void A_list_pages_by_page_and_filters_and_selects_the_fields_of_its_items()
    {
        var result = Import(File.ReadAllText(Document));
        var list = Method(result, "shop/shop.gadget.list.yaml");
        var folders = Method(result, "shop/shop.folder.list.yaml");
        var get = Method(result, "shop/shop.gadget.get.yaml");

        // A pagination object and a result whose items is an array: a REST 3.0 list.
        Assert.Equal((true, MethodPaging.Page, "items"), (list.Paged, list.Paging, list.PageItems?.WireName));
        Assert.Equal((true, MethodPaging.Page, "items"), (folders.Paged, folders.Paging, folders.PageItems?.WireName));
        Assert.False(get.Paged);

        // filter and select name the items' object type; its fields are filterable as x-filterable says.
        var filter = list.Parameters.Single(parameter => parameter.WireName == "filter").Type;
        var select = list.Parameters.Single(parameter => parameter.WireName == "select").Type;
        Assert.Equal((WireKind.Filter, "ShopGadgetDto"), (filter.Kind, filter.Items!.Name));
        Assert.Equal((WireKind.Select, "ShopGadgetDto"), (select.Kind, select.Items!.Name));
        var dto = list.Types.Single(type => type.Name == "ShopGadgetDto");
        Assert.Equal(["id", "title", "kind", "createdAt"], dto.Properties.Where(property => property.Filterable).Select(property => property.WireName));

        // The type is declared alike in every spec that uses it, filterable fields and all.
        Assert.Equal(dto, get.Types.Single(type => type.Name == "ShopGadgetDto"));

        // Nothing says which fields of a folder are filterable: the filter stays the array it was, with a warning; select is typed.
        var folderFilter = folders.Parameters.Single(parameter => parameter.WireName == "filter").Type;
        Assert.Equal((WireKind.Array, WireKind.Array), (folderFilter.Kind, folderFilter.Items!.Kind));
        Assert.Equal(WireKind.Select, folders.Parameters.Single(parameter => parameter.WireName == "select").Type.Kind);
        Assert.DoesNotContain(folders.Types.Single(type => type.Name == "ShopFolderDto").Properties, property => property.Filterable);
        var warnings = result.Warnings.Select(warning => warning.ToString()).ToList();
        Assert.Contains(
            "$.paths['/shop.folder.list'].post.requestBody.content['application/json'].schema.properties.filter: filter is kept as an untyped array: nothing says which fields of ShopFolderDto it may name (no property has 'x-filterable: true')",
            warnings);

        // What a spec has no key for: sortable fields, and the enum of field names a select listed.
        Assert.Contains("$.components.schemas.GadgetDto.properties.id.x-sortable: 'x-sortable' is not kept; a spec has no key for the fields an order may name", warnings);
        Assert.Contains(warnings, warning => warning.EndsWith("properties.select: the field names select lists (id, title, kind) are not kept; it names the fields of ShopGadgetDto", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prefixItems")]
    [InlineData("items")]
    public void The_field_names_a_filter_condition_starts_with_are_filterable_in_every_spec_of_the_type(string tuple)
    {
        var document = """
            {
              "openapi": "3.1.0",
              "paths": {
                "/shop.thing.get": {
                  "post": {
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "integer"}}}}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                      "result": {"type": "object", "properties": {"item": {"$ref": "#/components/schemas/ThingDto"}}}
                    }}}}}}
                  }
                },
                "/shop.thing.list": {
                  "post": {
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                      "filter": {"type": "array", "items": {"type": "array", "TUPLE": [{"type": "string", "enum": ["id", "name", "colour"]}, {"type": "string"}, {}]}},
                      "pagination": {"type": "object", "properties": {"page": {"type": "integer"}, "limit": {"type": "integer"}}}
                    }}}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                      "result": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ThingDto"}}}}
                    }}}}}}
                  }
                }
              },
              "components": {"schemas": {"ThingDto": {"type": "object", "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"}, "size": {"type": "integer"}
              }}}}
            }
            """.Replace("TUPLE", tuple, StringComparison.Ordinal);
        var result = Import(document);
        var get = Method(result, "shop/shop.thing.get.yaml");
        var list = Method(result, "shop/shop.thing.list.yaml");

        var filter = list.Parameters.Single(parameter => parameter.WireName == "filter").Type;
        Assert.Equal((WireKind.Filter, "ShopThingDto"), (filter.Kind, filter.Items!.Name));
        Assert.Equal(MethodPaging.Page, list.Paging);
        var dto = get.Types.Single(type => type.Name == "ShopThingDto");
        Assert.Equal(["id", "name"], dto.Properties.Where(property => property.Filterable).Select(property => property.WireName));
        Assert.Equal(dto, list.Types.Single(type => type.Name == "ShopThingDto"));
        Assert.Contains(result.Warnings, warning => warning.ToString().EndsWith(".enum: the filter names 'colour', which is no property of ShopThingDto; a spec marks only properties filterable", StringComparison.Ordinal));
        Assert.Empty(SpecSet.Read(result.Files.Select(file => (file.Key, (string?)file.Value))).Diagnostics);
    }

    [Fact]
    public void A_filter_without_a_list_or_on_a_parameter_is_reported_and_kept_as_it_was()
    {
        var document = """
            {
              "openapi": "3.0.0",
              "paths": {
                "/shop.thing.delete": {
                  "post": {
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                      "filter": {"type": "array", "items": {}, "x-filterable": true},
                      "select": {"type": "array", "items": {"type": "string"}}
                    }}}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                      "result": {"type": "object", "properties": {"result": {"type": "boolean"}}}
                    }}}}}}
                  }
                }
              }
            }
            """;
        var result = Import(document);
        var method = Method(result, "shop/shop.thing.delete.yaml");
        var warnings = result.Warnings.Select(warning => warning.ToString()).ToList();

        Assert.False(method.Paged);
        Assert.Equal(["filter:Array:False", "select:Array:False"], method.Parameters.Select(Describe));
        Assert.DoesNotContain(method.Parameters, parameter => parameter.Filterable);
        Assert.Contains(warnings, warning => warning.EndsWith("properties.filter: filter is kept as an array: the answer has no object (result.items or result.item) whose fields it would name", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.EndsWith("properties.filter.x-filterable: 'x-filterable' on the parameter 'filter' is not kept; filterable marks the fields of the object a filter names", StringComparison.Ordinal));
        Assert.Empty(SpecSet.Read(result.Files.Select(file => (file.Key, (string?)file.Value))).Diagnostics);
    }

    [Fact]
    public void What_a_spec_cannot_hold_is_reported_where_the_document_states_it()
    {
        var warnings = Import(File.ReadAllText(Document)).Warnings.Select(warning => warning.ToString()).ToList();

        Assert.Contains(warnings, warning => warning.Contains(".properties.title: 'maxLength' (255) is not kept", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.Contains(".properties.ownerId: format 'int64' is not kept", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.Contains(".properties.size.oneOf: one of 2 shapes", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.StartsWith("$.paths['/shop.gadget.list'].post.parameters[0]: parameter 'Idempotency-Key' in header", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.StartsWith("$.paths['/shop.gadget.add'].post.description: the description is not copied", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.StartsWith("$.paths['/shop.gadget.add'].post.responses.500: ", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.Contains(".properties.order.additionalProperties.enum: the allowed values of a map's values", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.0.0\", \"paths\": ", "error: standard input: $: not JSON (line 1, position 31)")]
    [InlineData("[1, 2]", "error: standard input: $: the document is not a JSON object")]
    [InlineData("{\"openapi\": \"3.0.0\", \"info\": {}}", "error: standard input: $: the document has no 'paths'; it describes no method")]
    [InlineData("{\"openapi\": \"3.0.0\", \"paths\": {}}", "error: standard input: $.paths: 'paths' is empty")]
    [InlineData("{\"swagger\": \"2.0\", \"paths\": {}}", "error: standard input: $.swagger: Swagger 2 documents are not supported")]
    public void A_document_that_cannot_be_read_is_one_line_at_its_json_path_and_nothing_is_written(string document, string message)
    {
        Assert.Equal(1, Run(["openapi", "-", "--out", _out], out _, out var errors, document));
        Assert.StartsWith(message, errors, StringComparison.Ordinal);
        Assert.Single(errors.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void A_ref_to_nothing_is_an_error_at_the_ref()
    {
        var document = OnePath("""{"result": {"$ref": "#/components/schemas/Missing"}}""");

        Assert.Equal(1, Run(["openapi", "-", "--out", _out], out _, out var errors, document));
        Assert.Equal(
            "error: standard input: $.paths['/shop.thing.get'].post.responses.200.content['application/json'].schema.properties.result.$ref: '#/components/schemas/Missing' refers to nothing in the document",
            errors.TrimEnd());
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void References_that_go_round_without_a_schema_are_an_error_but_a_schema_that_contains_itself_is_a_type()
    {
        var circle = OnePath(
            """{"result": {"$ref": "#/components/schemas/A"}}""",
            """{"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}""");
        Assert.Equal(1, Run(["openapi", "-", "--out", _out], out _, out var errors, circle));
        Assert.Contains("go round in a circle and reach no schema: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A", errors, StringComparison.Ordinal);

        // An array made of itself has no object to name: the inner one is any, with a warning.
        var nested = OnePath("""{"result": {"$ref": "#/components/schemas/Nest"}}""", """{"Nest": {"type": "array", "items": {"$ref": "#/components/schemas/Nest"}}}""");
        var result = Import(nested);
        var nest = Method(result, "shop/shop.thing.get.yaml").Result.Type;
        Assert.Equal((WireKind.Array, WireKind.Json), (nest.Kind, nest.Items!.Kind));
        Assert.Contains(result.Warnings, warning => warning.JsonPath == "$.components.schemas.Nest" && warning.Message.Contains("contains itself", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"x-scope\": \"catalog\",", false, "catalog")]
    [InlineData("\"security\": [{\"oauth\": [\"sale\"]}],", false, "sale")]
    [InlineData("\"x-scope\": \"../../etc\",", false, "shop")]
    [InlineData("", true, "store")]
    [InlineData("", false, "shop")]
    public void The_scope_is_the_document_s_else_the_tag_when_asked_else_the_first_segment(string operation, bool fromTags, string scope)
    {
        var document = OnePath("""{"result": {"type": "object", "properties": {"result": {"type": "boolean"}}}}""", operation: operation + "\"tags\": [\"store\"],");
        string[] args = fromTags ? ["openapi", "-", "--out", _out, "--scope-from-tags"] : ["openapi", "-", "--out", _out];

        Assert.Equal(0, Run(args, out _, out _, document));
        Assert.True(File.Exists(Path.Combine(_out, scope, "shop.thing.get.yaml")));
        Assert.Equal(scope, SpecDocument.Read("x.yaml", File.ReadAllText(Path.Combine(_out, scope, "shop.thing.get.yaml"))).Method!.Scope);
    }

    [Fact]
    public void Odd_shapes_in_a_document_are_warnings_and_never_stop_the_import()
    {
        const string document = """
            {
              "openapi": "3.0.0",
              "paths": {
                "/tasks/{id}": {"post": {}},
                "/shop.empty.get": null,
                "/shop.odd.add": {
                  "parameters": [null, {"$ref": "#/components/parameters/Key"}],
                  "post": {
                    "x-internal": true,
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["gone"], "properties": {
                      "a": null, "b": true, "c": {"type": 5}, "d": {"type": "object", "enum": [{"x": 1}]}, "": {"type": "string"},
                      "e": {"type": ["string", "null"], "format": "email"}, "f": {"type": ["string", "integer"]}, "g": {"allOf": [{"$ref": "#/components/schemas/Thing"}]},
                      "h": {"anyOf": [{"type": "null"}, {"type": "boolean"}]}, "i": {"enum": [1, 2.5]}, "j": {"type": "object", "properties": {"k": {"type": "integer"}}, "additionalProperties": {"type": "string"}}
                    }}}, "text/plain": {}}},
                    "responses": {"201": {"description": "no body"}, "default": {"description": "anything"}, "4XX": {"content": {"application/json": {"example": {"error": {"code": "ODD"}}}}}}
                  },
                  "get": {"summary": "the same method by GET, said differently"}
                }
              },
              "components": {"parameters": {"Key": {"name": "key", "in": "query"}}, "schemas": {"Thing": {"type": "object", "properties": {"id": {"type": "integer"}}}}}
            }
            """;

        Assert.Equal(0, Run(["openapi", "-", "--out", _out], out var output, out var warnings, document));
        Assert.Contains("1 specs from 3 paths", output, StringComparison.Ordinal);
        var method = SpecDocument.Read("x.yaml", File.ReadAllText(Path.Combine(_out, "shop", "shop.odd.add.yaml")));
        Assert.DoesNotContain(method.Diagnostics, diagnostic => diagnostic.IsError);
        Assert.Equal(
            ["a:Json", "b:Json", "c:Json", "d:Json", "e:String", "f:Json", "g:Named", "h:Boolean", "i:Number", "j:Named"],
            method.Method!.Parameters.Select(parameter => $"{parameter.WireName}:{parameter.Type.Kind}"));
        Assert.Equal("ShopThing", method.Method.Parameters[6].Type.Name);
        Assert.Equal(["ODD:400"], method.Method.Errors.Select(error => $"{error.Code}:{error.Status}"));
        foreach (var expected in new[]
        {
            "$.paths['/tasks/{id}']: the path names no method",
            "$.paths['/shop.empty.get']: the path has no operations",
            "$.paths['/shop.odd.add'].get: a spec describes one call",
            "parameter 'key' in query is not kept",
            ".post.x-internal: 'x-internal' is not kept",
            ".schema.required: 'gone' is required but is no property",
            "a property named '' cannot be a property",
            ".properties.d.enum: the allowed values of type 'object' are not kept",
            ".properties.e.format: format 'email' is not kept",
            ".properties.c.type: a type of 5 names no type; kept as any",
            ".properties.f.type: one of the types string, integer; kept as any",
            ".properties.j.additionalProperties: the type of the keys beyond the properties is not kept",
            "content of type 'text/plain' is not kept",
            ".responses.201: the 201 answer has no JSON body",
            ".responses.default: the default answer is not kept",
        })
        {
            Assert.Contains(expected, warnings, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_spec_it_did_not_write_is_left_alone_and_a_second_run_changes_nothing()
    {
        var own = Path.Combine(_out, "shop", "shop.gadget.get.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(own)!);
        File.WriteAllText(own, "method: shop.gadget.get\n");

        Assert.Equal(0, Run(["openapi", Document, "--out", _out], out var first, out var warnings));
        Assert.Contains("5 files written", first, StringComparison.Ordinal);
        Assert.Contains("shop/shop.gadget.get.yaml was not written by this import", warnings, StringComparison.Ordinal);
        Assert.Equal("method: shop.gadget.get\n", File.ReadAllText(own));

        var before = Files(_out);
        Assert.Equal(0, Run(["openapi", Document, "--out", _out], out var second, out _));
        Assert.Contains("0 files written", second, StringComparison.Ordinal);
        Assert.Equal(before, Files(_out));
    }

    [Fact]
    public void The_command_line_needs_a_document_and_a_folder()
    {
        Assert.Null(OpenApiCommand.Parse(["openapi", "doc.json"]));
        Assert.Null(OpenApiCommand.Parse(["openapi", "doc.json", "--out"]));
        Assert.Null(OpenApiCommand.Parse(["openapi", "doc.json", "--out", "x", "--check"]));
        Assert.Equal(new OpenApiCommand("-", "x", true), OpenApiCommand.Parse(["openapi", "-", "--out", "x", "--scope-from-tags"]));
    }

    // A document of one method, shop.thing.get, whose success answer has the given properties.
    private static string OnePath(string answer, string schemas = "{}", string operation = "") => """
        {
          "openapi": "3.0.0",
          "paths": {
            "/shop.thing.get": {
              "post": {
                OPERATION
                "responses": {
                  "200": {"content": {"application/json": {"schema": {"type": "object", "properties": ANSWER}}}}
                }
              }
            }
          },
          "components": {"schemas": SCHEMAS}
        }
        """.Replace("OPERATION", operation, StringComparison.Ordinal).Replace("ANSWER", answer, StringComparison.Ordinal).Replace("SCHEMAS", schemas, StringComparison.Ordinal);

    private static OpenApiImport Import(string document) => OpenApiImporter.Import(OpenApiDocument.Parse(document), scopeFromTags: false);

    private static MethodModel Method(OpenApiImport result, string file) => SpecDocument.Read(file, result.Files[file]).Method!;

    private static (string, string?) Property(MethodModel method, string type, int index)
    {
        var property = method.Types.Single(declared => declared.Name == type).Properties[index];
        return (property.WireName, property.Type.Name);
    }

    private static string Describe(PropertyModel property) => $"{property.WireName}:{property.Type.Kind}:{property.Required}";

    private static int Run(string[] args, out string output, out string errors, string input = "")
    {
        using var reader = new StringReader(input);
        using var outWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        var code = OpenApiCommand.Parse(args)!.Run(reader, outWriter, errorWriter);
        output = outWriter.ToString();
        errors = errorWriter.ToString();
        return code;
    }

    // Every file of a folder by its path there, with '/' separators.
    private static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
