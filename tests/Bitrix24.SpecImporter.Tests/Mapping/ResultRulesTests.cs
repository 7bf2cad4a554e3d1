using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

public sealed class ResultRulesTests
{
    private static readonly string[] Id = ["id*|integer|Thing ID"];

    [Theory]
    [InlineData("object", """{"result":{"ID":"5","NAME":"x"}}""", false)]
    [InlineData("array", """{"result":{"ID":"5","NAME":"x"}}""", false)]
    [InlineData("object", """{"result":[{"ID":"5","NAME":"x"}]}""", true)]
    [InlineData("object[]", null, true)]
    [InlineData("array", null, true)]
    [InlineData("object", null, false)]
    public void Rows_after_a_bare_result_row_are_the_fields_of_the_result(string resultType, string? answer, bool list)
    {
        var result = ThingPages.Folder(Id, """{"id":5}""", answer, [$"result|{resultType}|The thing", "ID|integer|Its ID", "NAME|string|Its name", "time|time|Timing"]).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        var type = list ? spec.Result.Type.Items! : spec.Result.Type;
        Assert.Equal(list ? WireKind.Array : WireKind.Named, spec.Result.Type.Kind);
        Assert.Equal("ShopThingGetResult", type.Name);
        var declared = spec.Types.Single(declared => declared.Name == "ShopThingGetResult");
        Assert.Equal(["ID", "NAME"], declared.Properties.Select(property => property.WireName));
        Assert.False(result.Outcomes.Single().ResultFromAnswer);
    }

    [Fact]
    public void A_result_row_with_its_own_table_keeps_it_whatever_follows()
    {
        var result = ThingPages.Folder(Id, null, """{"result":{"A":1}}""", ["result|part|See [below](#part)", "total|integer|Count"], "### Part {#part}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **A**\n[`integer`](../data-types.md) | A ||\n|#").Import();

        Assert.Equal("ShopThingGetPart", ExampleShapesTests.Spec(result, ThingPages.Method).Result.Type.Name);
    }

    [Theory]
    [InlineData("integer", """{"result":{"ID":5}}""", "any")]
    [InlineData("boolean", """{"result":[true,false]}""", "array")]
    [InlineData("object[]", """{"result":{"a":1}}""", "any")]
    [InlineData("string[]", """{"result":"ok"}""", "string")]
    [InlineData("string[]", """{"result":5}""", "integer")]
    public void An_answer_the_result_type_cannot_read_gives_the_result_its_shape(string resultType, string answer, string shown)
    {
        var result = ThingPages.Folder(Id, null, answer, [$"result|{resultType}|The thing"]).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.Equal(shown, Generated.Specs.Reading.BuiltInTypes.Name(spec.Result.Type.Kind));
        Assert.True(result.Outcomes.Single().ResultFromAnswer);
        Assert.Contains("| 0 | 0 | 1 | 0 | 0 |", ImportReport.Write(result.Outcomes, result.Refinements), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer", """{"result":7}""")]
    [InlineData("object[]", """{"result":[]}""")]
    [InlineData("boolean", """{"result":null}""")]
    public void An_answer_the_result_type_reads_changes_nothing(string resultType, string answer)
    {
        var result = ThingPages.Folder(Id, null, answer, [$"result|{resultType}|The thing"]).Import();

        Assert.False(result.Outcomes.Single().ResultFromAnswer);
    }
}
