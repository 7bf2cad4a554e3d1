using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// <c>type: any</c> wherever a type goes: a <c>JsonNode</c> that compiles without a warning, <c>JsonNode?</c> where JSON
/// <c>null</c> is a value (an item, a map value, a result).
/// </summary>
public class RawJsonSpecTests
{
    private const string Path = "/app/specs/entity.item.get.yaml";

    private const string Spec = """
        method: entity.item.get
        scope: entity
        summary: Reads an item of an application's storage.
        params:
          - name: ENTITY
            type: any
            required: true
            description: The storage, as the docs leave it untyped.
          - name: FILTER
            type: any
            description: Conditions on the items.
        result:
          type: any
          description: The item.
        types:
          EntityItem:
            kind: object
            description: An item.
            properties:
              - name: PROPERTY_VALUES
                type: any
                description: The values, of any shape.
              - name: TAGS
                type: array
                items: any
                description: Tags of any shape.
              - name: EXTRA
                type: map
                values: any
                description: Extra values by name.
              - name: BY_ID
                type: map
                key: integer
                values:
                  type: array
                  items: any
                description: Values by item id.
          EntityItemResult:
            kind: union
            description: One item or many.
            variants:
              - name: Item
                type: EntityItem
              - name: Values
                type: array
                items: any
        """;

    [Fact]
    public void Any_generates_json_nodes_that_compile_without_warnings()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var item = output.GetTypeByMetadataName("Bitrix24.Generated.Entity.EntityItem")!;
        Assert.Equal("System.Text.Json.Nodes.JsonNode?", Type(item, "PropertyValues"));
        Assert.Equal("System.Collections.Generic.IList<System.Text.Json.Nodes.JsonNode?>?", Type(item, "Tags"));
        Assert.Equal("System.Collections.Generic.IDictionary<string, System.Text.Json.Nodes.JsonNode?>?", Type(item, "Extra"));
        Assert.Equal("System.Collections.Generic.IDictionary<int, System.Collections.Generic.IList<System.Text.Json.Nodes.JsonNode?>>?", Type(item, "ById"));
        var union = output.GetTypeByMetadataName("Bitrix24.Generated.Entity.EntityItemResult")!;
        Assert.Equal("System.Collections.Generic.IList<System.Text.Json.Nodes.JsonNode?>?", Type(union, "Values"));

        var group = output.GetTypeByMetadataName("Bitrix24.Generated.Entity.EntityItemApi")!;
        var get = group.GetMembers("GetAsync").OfType<IMethodSymbol>().First(m => m.Parameters[0].Name == "entity");
        Assert.Equal("System.Text.Json.Nodes.JsonNode", get.Parameters[0].Type.ToDisplayString());
        Assert.Equal("System.Text.Json.Nodes.JsonNode?", get.Parameters[1].Type.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<Bitrix24.Generated.Bitrix24Response<System.Text.Json.Nodes.JsonNode?>>", get.ReturnType.ToDisplayString());

        var code = result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Entity.EntityItemGet.g.cs").SourceText.ToString();
        Assert.Contains("f.Json(\"PROPERTY_VALUES\", o => o.PropertyValues, (o, v) => o.PropertyValues = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("f.List(\"TAGS\", Bitrix24Converters.Json, o => o.Tags, (o, v) => o.Tags = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("f.Map(\"EXTRA\", Bitrix24MapKeys.String, Bitrix24Converters.Json, o => o.Extra, (o, v) => o.Extra = v),", code, System.StringComparison.Ordinal);
        Assert.Contains("new(\"entity.item.get\", Bitrix24Converters.Json);", code, System.StringComparison.Ordinal);
        Assert.Contains("private static readonly Bitrix24Method<JsonNode?> s_get =", code, System.StringComparison.Ordinal);
        Assert.Contains("Entity = entity ?? throw new ArgumentNullException(nameof(entity))", code, System.StringComparison.Ordinal);
        Assert.Contains("using System.Text.Json.Nodes;", code, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_variant_of_any_is_reported_at_its_type()
    {
        const string spec = "method: test.item.get\nscope: test\nsummary: Reads.\nresult:\n  type: Answer\ntypes:\n  Answer:\n    kind: union\n    variants:\n      - name: Count\n        type: integer\n      - name: Raw\n        type: any\n";

        var (result, _) = GeneratorRunner.Run(("/specs/test/test.item.get.yaml", spec));

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "B24038");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((13, 15), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("Variant 'Raw' of type 'Answer' is of type any", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("TestItemGet", System.StringComparison.Ordinal));
    }

    private static string Type(INamedTypeSymbol type, string property) =>
        ((IPropertySymbol)type.GetMembers(property).Single()).Type.ToDisplayString();
}
