using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit.Sdk;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>specs/spec.schema.json describes the shipped specs, and rejects what the format does not allow.</summary>
public class SpecSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", "spec.schema.json"))));

    private const string Minimal = "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n";

    public static TheoryData<string> ShippedSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "specs"), "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void A_shipped_spec_follows_the_schema(string relativePath)
    {
        var problems = Validate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)));

        if (problems.Length > 0)
        {
            throw new XunitException(relativePath + " does not follow spec.schema.json:\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void The_minimal_spec_is_valid() => Assert.Empty(Validate(Minimal));

    [Fact]
    public void Any_is_a_built_in_type_for_properties_items_and_values() =>
        Assert.Empty(Validate("method: test.item.get\nscope: test\nsummary: Reads.\nparams:\n  - name: data\n    type: any\n  - name: list\n    type: array\n    items: any\n  - name: byName\n    type: map\n    values: any\nresult:\n  type: any\n"));

    [Fact]
    public void File_and_file_data_are_built_in_types_for_properties_items_and_values() =>
        Assert.Empty(Validate("method: test.item.add\nscope: test\nsummary: Adds.\nparams:\n  - name: photo\n    type: file\n  - name: logo\n    type: file-data\n  - name: files\n    type: array\n    items: file\n  - name: byName\n    type: map\n    values: file-data\nresult:\n  type: file\n"));

    [Fact]
    public void An_event_spec_is_valid() =>
        Assert.Empty(Validate(
            "event: ONCALENDARENTRYADD\nscope: calendar\ncsharpName: OnCalendarEntryAdd\nsummary: Added.\ndocs: https://apidocs.bitrix24.com/x.html\n" +
            "data:\n  - name: id\n    type: integer-string\nexamples:\n  - name: Added\n    payload: '{\"event\":\"ONCALENDARENTRYADD\"}'\n"));

    [Theory]
    [InlineData("event: ONCALENDARENTRYADD\nmethod: calendar.event.add\nscope: calendar\nsummary: Added.\nresult:\n  type: boolean\n")]
    [InlineData("event: onCalendarEntryAdd\nscope: calendar\nsummary: Added.\n")]
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\nsummary: Added.\nresult:\n  type: boolean\n")]
    [InlineData("event: ONCALENDARENTRYADD\nscope: calendar\nsummary: Added.\nexamples:\n  - name: Added\n")]
    public void The_schema_rejects_a_bad_event_spec(string spec) => Assert.NotEmpty(Validate(spec));

    [Theory]
    [InlineData("docs: https://apidocs.bitrix24.com/api-reference/crm/deals/crm-deal-add.html\ndeprecated: true\n")]
    [InlineData("docs: http://example.com/page?a=1&b=2\ndeprecated: crm.item.add\n")]
    [InlineData("deprecated: false\n")]
    public void Docs_and_deprecated_are_top_level_keys(string keys) => Assert.Empty(Validate(Minimal + keys));

    [Theory]
    [InlineData("UF_")]
    [InlineData("ufCrm")]
    public void An_object_type_may_name_the_prefix_of_its_user_fields(string prefix) =>
        Assert.Empty(Validate(Minimal + "types:\n  Item:\n    kind: object\n    userFields: " + prefix + "\n    properties: []\n"));

    [Theory]
    [InlineData("scope: test\nsummary: Reads.\nresult:\n  type: boolean\n")]
    [InlineData(Minimal + "docs: apidocs.bitrix24.com/page.html\n")]
    [InlineData(Minimal + "docs: ftp://example.com/page\n")]
    [InlineData(Minimal + "deprecated: use crm.item.add\n")]
    [InlineData(Minimal + "deprecated: 1\n")]
    [InlineData(Minimal + "colour: red\n")]
    [InlineData(Minimal + "params:\n  - name: id\n")]
    [InlineData(Minimal + "types:\n  View:\n    kind: enum\n")]
    [InlineData(Minimal + "types:\n  Owner:\n    kind: key\n    patterns:\n      - name: User\n        format: user-id\n")]
    [InlineData("method: test..get\nscope: test\nsummary: Reads.\nresult:\n  type: boolean\n")]
    [InlineData(Minimal + "params:\n  - name: id\n    type: integer\n    required: maybe\n")]
    [InlineData(Minimal + "params:\n  - name: id\n    type: list of things\n")]
    [InlineData(Minimal + "errors:\n  - name: NotFound\n")]
    [InlineData(Minimal + "types:\n  Item:\n    kind: object\n    userFields: UF_CRM_...\n    properties: []\n")]
    [InlineData(Minimal + "types:\n  Item:\n    kind: object\n    userFields: \"\"\n    properties: []\n")]
    [InlineData(Minimal + "types:\n  View:\n    kind: enum\n    userFields: UF_\n    values:\n      - value: day\n")]
    public void The_schema_rejects_what_the_format_does_not_allow(string spec) => Assert.NotEmpty(Validate(spec));

    private static string[] Validate(string yaml)
    {
        var results = Schema.Value.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        return results.Details
            .Where(detail => detail.HasErrors)
            .SelectMany(detail => detail.Errors!.Select(error => detail.InstanceLocation + ": " + error.Value))
            .DefaultIfEmpty("invalid")
            .ToArray();
    }

    // YAML to JSON the way the generator reads YAML: unquoted true/false and whole numbers are not text.
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain => scalar.Value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" or null => null,
            var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => null,
    };
}
