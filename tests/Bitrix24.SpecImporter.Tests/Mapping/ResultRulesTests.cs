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

    [Fact]
    public void A_paged_raw_result_that_every_answer_sends_as_a_list_is_a_list_that_pages()
    {
        var spec = Paged("result|any|The things", """{"result":[{"ID":"5"}],"total":1}""");

        Assert.True(spec.Paged);
        Assert.Equal(WireKind.Array, spec.Result.Type.Kind);
        Assert.Equal(WireKind.Json, spec.Result.Type.Items!.Kind);
    }

    [Fact]
    public void A_paged_raw_result_that_every_answer_sends_as_an_object_of_one_list_gets_a_page_type_of_it()
    {
        var spec = Paged("result|any|The things", """{"result":{"items":[{"ID":"5"}],"count":1},"total":1}""");

        Assert.True(spec.Paged);
        Assert.Equal("items", spec.PageItems!.WireName);
        var page = spec.Types.Single(type => type.Name == spec.Result.Type.Name);
        Assert.Equal("ShopThingGetPage", page.Name);
        Assert.Equal(WireKind.Array, page.Properties.Single().Type.Kind);
    }

    [Fact]
    public void A_raw_property_of_the_result_that_every_answer_sends_as_a_list_is_the_page()
    {
        var result = ThingPages.Folder(
            ["start|integer|Where the page starts"],
            """{"start":0}""",
            """{"result":{"tasks":[{"id":"5"}],"more":{"a":1}},"total":1}""",
            ["result|wrapper|See [below](#wrapper)"],
            "### Wrapper {#wrapper}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **tasks**\n[`object`](../data-types.md) | Tasks ||\n"
            + "|| **more**\n[`object`](../data-types.md) | More ||\n|#").Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.True(spec.Paged);
        Assert.Equal("tasks", spec.PageItems!.WireName);
        var wrapper = spec.Types.Single(type => type.Name == spec.Result.Type.Name);
        Assert.Equal([WireKind.Array, WireKind.Json], wrapper.Properties.Select(property => property.Type.Kind));
    }

    [Fact]
    public void A_raw_result_with_two_lists_or_without_start_does_not_page()
    {
        Assert.False(Paged("result|any|The things", """{"result":{"items":[1],"other":[2]},"total":1}""").Paged);
        Assert.False(ExampleShapesTests.Spec(ThingPages.Folder(Id, """{"id":5}""", """{"result":[1],"total":1}""", ["result|any|The things"]).Import(), ThingPages.Method).Paged);
    }

    private static MethodModel Paged(string resultRow, string answer) =>
        ExampleShapesTests.Spec(ThingPages.Folder(["start|integer|Where the page starts"], """{"start":0}""", answer, [resultRow]).Import(), ThingPages.Method);

    [Fact]
    public void A_list_of_raw_items_lists_what_its_get_method_returns_and_walks_fast_by_its_id()
    {
        const string List = """
            # List things shop.thing.list

            > Scope: [`shop`](../scopes.md)

            ## Method Parameters

            #|
            || **Name**
            `type` | **Description** ||
            || **filter**
            [`object`](../data-types.md) | Filter ||
            || **start**
            [`integer`](../data-types.md) | Page start ||
            |#

            ## Response Handling

            HTTP Status: **200**

            ```json
            {"result":[{"ID":"5","NAME":"x"}],"total":1}
            ```

            ### Returned Data

            #|
            || **Name**
            `type` | **Description** ||
            || **result**
            [`object[]`](../data-types.md) | The things, as [shop.thing.get](./shop-thing-get.md) returns them ||
            |#
            """;
        var thing = "### Thing {#thing}\n\n#|\n|| **Name**\n`type` | **Description** ||\n|| **ID**\n[`integer`](../data-types.md) | ID ||\n"
            + "|| **NAME**\n[`string`](../data-types.md) | Name ||\n|#";
        var result = new DocsFolder()
            .Page("api-reference/shop/shop-thing-get.md", ThingPages.Page(Id, """{"id":5}""", """{"result":{"ID":"5","NAME":"x"}}""", ["result|thing|See [below](#thing)"], thing))
            .Page("api-reference/shop/shop-thing-list.md", List)
            .Import();

        var spec = ExampleShapesTests.Spec(result, "shop.thing.list");
        Assert.Equal("ShopThingGetThing", spec.Result.Type.Items!.Name);
        Assert.True(spec.Paged);
        Assert.Equal("ID", spec.FastPaging!.IdProperty);
    }
}
