using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

public sealed class ExampleKeysTests
{
    private static readonly EquatableArray<PropertyModel> Parameters = new(new[] { "fields", "id", "Mode", "mode" }.Select(name =>
        new PropertyModel(name, name, TypeRef.Of(WireKind.String), false, null, null, null, default)));

    [Fact]
    public void A_top_level_key_in_another_case_than_the_table_takes_the_table_s_name()
    {
        Assert.Equal(("""{"fields":{"TITLE":"a"},"id":1}""", 2), ExampleKeys.Recase("""{"FIELDS":{"TITLE":"a"},"ID":1}""", Parameters));
    }

    [Theory]
    [InlineData("""{"fields":{"ID":1},"id":2}""")]
    [InlineData("""{"MODE":"x"}""")]
    [InlineData("""{"FIELDS":1,"fields":2}""")]
    [InlineData("""{"other":1}""")]
    [InlineData("""[1,2]""")]
    public void Exact_names_nested_keys_ambiguous_and_unknown_keys_stay(string json)
    {
        Assert.Equal((json, 0), ExampleKeys.Recase(json, Parameters));
    }

    [Fact]
    public void The_import_recases_the_documented_request_and_counts_it_per_scope_folder()
    {
        var result = GadgetPages.Folder(request: """{"ID":5,"FIELDS":{"ACTIVE":true}}""").Import();

        var get = ExampleShapesTests.Spec(result, "shop.gadget.get");
        Assert.Equal("""{"id":5,"fields":{"ACTIVE":true}}""", get.Examples[0].Request);
        Assert.Equal(2, result.Outcomes.Single().RecasedKeys);
        Assert.Contains("| shop | 1 | 1 | 1 | 0 | 100.0% | 1 | 1 | 2 | 0 |", ImportReport.Write(result.Outcomes, result.Refinements), System.StringComparison.Ordinal);
    }
}
