using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// <c>userFields</c> on an object type: the class gets <c>UserFields</c>, a map of the portal's custom fields that start
/// with the prefix, beside the typed properties of the fields the spec names; the runtime does the rest.
/// </summary>
public class UserFieldsSpecTests
{
    private const string Path = "/app/specs/crm.deal.get.yaml";

    private const string Spec = """
        method: crm.deal.get
        scope: crm
        summary: Reads a deal.
        params:
          - name: id
            type: integer
            required: true
        result:
          type: CrmDeal
        types:
          CrmDeal:
            kind: object
            description: A deal.
            userFields: UF_
            properties:
              - name: ID
                type: integer-string
              - name: TITLE
                type: string
              - name: UF_CRM_PRIORITY
                type: integer
                description: A custom field the docs name.
        """;

    [Fact]
    public void The_class_gets_a_map_of_user_fields_beside_its_typed_properties_and_compiles_without_warnings()
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var deal = output.GetTypeByMetadataName("Bitrix24.Generated.Crm.CrmDeal")!;
        Assert.Equal("System.Collections.Generic.IDictionary<string, System.Text.Json.Nodes.JsonNode?>?", Type(deal, "UserFields"));
        Assert.Equal("int?", Type(deal, "UfCrmPriority"));
        Assert.Contains(deal.AllInterfaces, i => i.ToDisplayString() == "Bitrix24.Generated.Serialization.IBitrix24UserFields");

        var code = Code(result);
        Assert.Contains("public sealed partial class CrmDeal : Bitrix24Object, IBitrix24Object, IBitrix24UserFields", code, StringComparison.Ordinal);
        Assert.Contains("private static readonly Bitrix24Fields<CrmDeal> s_fields = new(userFields: \"UF_\", f =>", code, StringComparison.Ordinal);
        Assert.Contains("/// The portal's custom fields (user fields) whose names start with <c>UF_</c>, but for those a property stands", code, StringComparison.Ordinal);
        Assert.Contains("[\"UF_1721244482250\"] = \"Hello\"", code, StringComparison.Ordinal);
        Assert.Contains("using System.Text.Json.Nodes;", code, StringComparison.Ordinal);

        // The request of the same spec has no user fields.
        Assert.Empty(output.GetTypeByMetadataName("Bitrix24.Generated.Crm.CrmDealGetRequest")!.GetMembers("UserFields"));
    }

    [Fact]
    public void The_generated_class_reads_each_field_into_its_place_and_writes_it_back_unchanged()
    {
        const string json = """{"ID":"7","TITLE":"Deal","UF_CRM_PRIORITY":3,"UF_CRM_1721244482250":"Hello","UF_CRM_LIST":[1,null],"OPPORTUNITY":"100.00"}""";
        var type = Load(Spec).GetType("Bitrix24.Generated.Crm.CrmDeal")!;

        var deal = JsonSerializer.Deserialize(json, type)!;

        Assert.Equal(3, type.GetProperty("UfCrmPriority")!.GetValue(deal));
        var userFields = (IDictionary<string, JsonNode?>)type.GetProperty("UserFields")!.GetValue(deal)!;
        Assert.Equal(new[] { "UF_CRM_1721244482250", "UF_CRM_LIST" }, userFields.Keys);
        Assert.Equal("Hello", (string?)userFields["UF_CRM_1721244482250"]);
        var kept = (IDictionary<string, JsonElement>)type.GetProperty("AdditionalProperties")!.GetValue(deal)!;
        Assert.Equal(new[] { "OPPORTUNITY" }, kept.Keys);
        Assert.Equal(json, JsonSerializer.Serialize(deal, type));
    }

    [Fact]
    public void User_fields_set_in_code_are_written_after_the_typed_fields()
    {
        var type = Load(Spec).GetType("Bitrix24.Generated.Crm.CrmDeal")!;
        var deal = Activator.CreateInstance(type)!;
        type.GetProperty("Title")!.SetValue(deal, "New deal");
        type.GetProperty("UserFields")!.SetValue(deal, new Dictionary<string, JsonNode?> { ["UF_CRM_1721244482250"] = "Hello", ["UF_CRM_SUM"] = 12.5 });

        Assert.Equal("""{"TITLE":"New deal","UF_CRM_1721244482250":"Hello","UF_CRM_SUM":12.5}""", JsonSerializer.Serialize(deal, type));
    }

    [Fact]
    public void Without_user_fields_the_class_has_no_map_and_custom_fields_stay_additional()
    {
        var spec = Spec.Replace("    userFields: UF_\n", string.Empty, StringComparison.Ordinal);
        var (result, output) = GeneratorRunner.Run((Path, spec));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetTypeByMetadataName("Bitrix24.Generated.Crm.CrmDeal")!.GetMembers("UserFields"));
        Assert.DoesNotContain("IBitrix24UserFields", Code(result), StringComparison.Ordinal);

        var type = Load(spec).GetType("Bitrix24.Generated.Crm.CrmDeal")!;
        var deal = JsonSerializer.Deserialize("""{"TITLE":"Deal","UF_CRM_1721244482250":"Hello"}""", type)!;
        Assert.Equal(new[] { "UF_CRM_1721244482250" }, ((IDictionary<string, JsonElement>)type.GetProperty("AdditionalProperties")!.GetValue(deal)!).Keys);
    }

    [Fact]
    public void A_camel_case_prefix_is_taken_as_it_is()
    {
        var spec = Spec.Replace("userFields: UF_", "userFields: ufCrm", StringComparison.Ordinal);

        var (result, output) = GeneratorRunner.Run((Path, spec));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("new(userFields: \"ufCrm\", f =>", Code(result), StringComparison.Ordinal);
        Assert.Contains("[\"ufCrm_1721244482250\"]", Code(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_called_UserFields_clashes_only_with_user_fields()
    {
        var named = Spec.Replace("      - name: TITLE\n", "      - name: USER_FIELDS\n        type: string\n      - name: TITLE\n", StringComparison.Ordinal);

        var (clash, _) = GeneratorRunner.Run((Path, named));
        var (plain, _) = GeneratorRunner.Run((Path, named.Replace("    userFields: UF_\n", string.Empty, StringComparison.Ordinal)));

        var diagnostic = Assert.Single(clash.Diagnostics);
        Assert.Equal("B24037", diagnostic.Id);
        Assert.Equal((18, 15), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Contains("'UserFields'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(plain.Diagnostics);
    }

    [Fact]
    public void Two_declarations_that_differ_in_user_fields_clash()
    {
        var other = Spec.Replace("crm.deal.get", "crm.deal.list", StringComparison.Ordinal).Replace("userFields: UF_", "userFields: UF_CRM_", StringComparison.Ordinal);

        var (result, _) = GeneratorRunner.Run((Path, Spec), ("/app/specs/crm.deal.list.yaml", other));

        Assert.Equal("B24008", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("userFields:", "is empty")]
    [InlineData("userFields: UF CRM", "is 'UF CRM', which is not the start of a field name")]
    [InlineData("userFields: 1UF", "is '1UF', which is not the start of a field name")]
    public void A_bad_prefix_is_reported_and_the_method_left_out(string line, string problem)
    {
        var (result, output) = GeneratorRunner.Run((Path, Spec.Replace("userFields: UF_", line, StringComparison.Ordinal)));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("B24043", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("userFields of type 'CrmDeal' " + problem + ";", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Null(output.GetTypeByMetadataName("Bitrix24.Generated.Crm.CrmDealApi"));
    }

    private static string Code(SpecRun result) =>
        result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Crm.CrmDealGet.g.cs").SourceText.ToString();

    private static string Type(INamedTypeSymbol type, string property) =>
        ((IPropertySymbol)type.GetMembers(property).Single()).Type.ToDisplayString();

    // The generated code compiled and loaded, so that the runtime reads and writes the class it generates.
    private static Assembly Load(string spec)
    {
        var (_, output) = GeneratorRunner.Run((Path, spec));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }
}
