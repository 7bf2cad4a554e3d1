using System;
using System.Linq;
using System.Text.Json;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Tests.Import;
using static Bitrix24.SpecImporter.Tests.Rest3.Rest3Pages;

namespace Bitrix24.SpecImporter.Tests.Rest3;

/// <summary>
/// A REST 3.0 item the page does not describe is declared from the fields its <c>select</c> lists, each typed as
/// the documented answer shows it; the select and a filter whose fields the page names are typed over it, and one
/// entity's get and list share it when their fields are alike.
/// </summary>
public sealed class Rest3SelectItemTests
{
    private const string Select = """
        || **select**
        [`array`](../data-types.md) | Fields to return:
        - `id` — identifier
        - `title` — title
        - `price` — price
        - `colour` — colour ||
        """;

    private const string Filter = """
        || **filter**
        [`array`](../data-types.md) | Conditions in the format:
        - `["field", "operator", value]`

        Available fields:
        - `title` — gadget title
        - `price` — gadget price ||
        """;

    private const string ListAnswer = """{"result": {"items": [{"id": 5, "title": "Lamp", "price": 9.5, "colour": null}, {"id": 6, "title": "Desk", "price": 120}]}}""";

    private const string GetAnswer = """{"result": {"item": {"id": 5, "title": "Lamp", "price": 9.5}}}""";

    private static string List(string select = Select, string answer = ListAnswer) => Page(
        "shop.gadget.list",
        select + "\n" + Filter,
        answer,
        "|| **items**\n[`array`](../data-types.md) | Gadgets; the fields depend on `select` ||");

    private static string Get(string select = Select) => Page(
        "shop.gadget.get",
        "|| **id***\n[`integer`](../data-types.md) | Gadget identifier ||\n" + select,
        GetAnswer,
        "|| **item**\n[`object`](../data-types.md) | The gadget; the fields depend on `select` ||");

    [Fact]
    public void An_undescribed_item_is_declared_from_the_selects_fields_typed_as_the_answer_shows_them()
    {
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", List()).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        var items = Property(Type(method, "ShopGadgetListResult"), "items");
        Assert.Equal((WireKind.Array, "ShopGadgetListItem"), (items.Type.Kind, items.Type.Items!.Name));
        var item = Type(method, "ShopGadgetListItem");
        Assert.Equal(["id", "title", "price", "colour"], item.Properties.Select(property => property.WireName));
        Assert.Equal(WireKind.Integer, Property(item, "id").Type.Kind);
        Assert.Equal(WireKind.String, Property(item, "title").Type.Kind);
        Assert.Equal(WireKind.Number, Property(item, "price").Type.Kind);

        // No answer shows a colour: it stays raw JSON.
        Assert.Equal(WireKind.Json, Property(item, "colour").Type.Kind);

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.ItemFromSelect);
        Assert.False(outcome.UndescribedItems);
        Assert.Contains("- 1 hold an `item` or `items` the page does not describe but declared from the fields their `select` lists", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_select_and_a_filter_naming_the_fields_are_typed_over_the_declared_item()
    {
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", List()).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        var select = method.Parameters.Single(parameter => parameter.WireName == "select");
        Assert.Equal((WireKind.Select, "ShopGadgetListItem"), (select.Type.Kind, select.Type.Items!.Name));
        var filter = method.Parameters.Single(parameter => parameter.WireName == "filter");
        Assert.Equal((WireKind.Filter, "ShopGadgetListItem"), (filter.Type.Kind, filter.Type.Items!.Name));
        Assert.Equal(["title", "price"], Type(method, "ShopGadgetListItem").Properties.Where(property => property.Filterable).Select(property => property.WireName));
    }

    [Fact]
    public void A_get_and_a_list_of_one_entity_with_the_same_fields_share_the_item_type()
    {
        var result = new DocsFolder()
            .Page("api-reference/shop/shop-gadget-list.md", List())
            .Page("api-reference/shop/shop-gadget-get.md", Get())
            .Import();

        AssertReadBack(result);
        var list = Method(result, "shop/shop.gadget.list.yaml");
        var get = Method(result, "shop/shop.gadget.get.yaml");
        Assert.Equal("ShopGadget", Property(Type(get, "ShopGadgetGetResult"), "item").Type.Name);
        Assert.Equal("ShopGadget", Property(Type(list, "ShopGadgetListResult"), "items").Type.Items!.Name);

        // The list's answers show price as a fraction and a whole number, the get's as a fraction: both read a number.
        Assert.Equal(Type(get, "ShopGadget") with { Scope = string.Empty }, Type(list, "ShopGadget") with { Scope = string.Empty });
        Assert.Equal(WireKind.Number, Property(Type(get, "ShopGadget"), "price").Type.Kind);
        Assert.Equal((WireKind.Select, "ShopGadget"), (get.Parameters.Single(parameter => parameter.WireName == "select").Type.Kind, get.Parameters.Single(parameter => parameter.WireName == "select").Type.Items!.Name));
        Assert.Equal(2, result.Outcomes.Count(outcome => outcome.ItemFromSelect));
    }

    [Fact]
    public void A_select_naming_a_relation_the_page_does_not_describe_leaves_the_method_as_it_was()
    {
        var select = Select.Replace("- `colour` — colour", "- `maker.name` — the maker's name", StringComparison.Ordinal);
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", List(select)).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        Assert.Equal(WireKind.Json, Property(Type(method, "ShopGadgetListResult"), "items").Type.Items!.Kind);
        Assert.Equal(WireKind.Array, method.Parameters.Single(parameter => parameter.WireName == "select").Type.Kind);
        Assert.False(Assert.Single(result.Outcomes).ItemFromSelect);
        Assert.True(result.Outcomes[0].UndescribedItems);
    }

    [Fact]
    public void An_answer_showing_a_field_the_select_does_not_list_leaves_the_method_as_it_was()
    {
        var answer = ListAnswer.Replace("\"colour\": null", "\"weight\": 3", StringComparison.Ordinal);
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", List(answer: answer)).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        Assert.Equal(WireKind.Json, Property(Type(method, "ShopGadgetListResult"), "items").Type.Items!.Kind);
        Assert.False(Assert.Single(result.Outcomes).ItemFromSelect);
    }

    [Fact]
    public void A_field_list_methods_select_over_field_descriptions_is_left_alone()
    {
        var page = Page(
            "shop.gadget.field.list",
            """
            || **select**
            [`array`](../data-types.md) | Attributes to return:
            - `name` — field name
            - `type` — field type
            - `filterable` — whether a filter may name it ||
            """,
            """{"result": {"items": [{"name": "id", "type": "integer", "filterable": true}]}}""",
            "|| **items**\n[`array`](../data-types.md) | Field descriptions ||");
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-field-list.md", page).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.field.list.yaml");
        Assert.Equal(WireKind.Array, method.Parameters.Single(parameter => parameter.WireName == "select").Type.Kind);
        Assert.False(Assert.Single(result.Outcomes).ItemFromSelect);
    }

    [Fact]
    public void A_select_over_the_object_a_linked_page_of_fields_describes_takes_that_object_as_the_item()
    {
        const string fields = """
            # Gadget fields

            ## Root object {#root-object}

            #|
            || **Name**
            `type` | **Description** ||
            || **id**
            [`integer`](../data-types.md) | Gadget identifier ||
            || **title**
            [`string`](../data-types.md) | Gadget title ||
            |#
            """;
        var page = Page(
            "shop.gadget.get",
            """
            || **id***
            [`integer`](../data-types.md) | Gadget identifier ||
            || **select**
            [`array`](../data-types.md) | Fields to return; without it, all fields of the [Root object](./gadget-fields.md#root-object) ||
            """,
            GetAnswer.Replace(", \"price\": 9.5", string.Empty, StringComparison.Ordinal),
            "|| **item**\n[`object`](../data-types.md) | The gadget; the fields depend on `select` ||");
        var result = new DocsFolder()
            .Page("api-reference/shop/shop-gadget-get.md", page)
            .Page("api-reference/shop/gadget-fields.md", fields)
            .Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.get.yaml");
        var select = method.Parameters.Single(parameter => parameter.WireName == "select");
        Assert.Equal(WireKind.Select, select.Type.Kind);
        var linked = select.Type.Items!.Name!;
        Assert.Equal(linked, Property(Type(method, "ShopGadgetGetResult"), "item").Type.Name);
        Assert.Equal(["id", "title"], Type(method, linked).Properties.Select(property => property.WireName));
        Assert.True(result.Outcomes.Single(outcome => outcome.IsMethod).ItemFromSelect);
    }

    [Theory]
    [InlineData("[1, 2]", WireKind.Integer)]
    [InlineData("[1, 2.5]", WireKind.Number)]
    [InlineData("[\"a\", null, \"\"]", WireKind.String)]
    [InlineData("[true]", WireKind.Boolean)]
    [InlineData("[null, []]", WireKind.Json)]
    [InlineData("[1, \"a\"]", WireKind.Json)]
    [InlineData("[{\"a\": 1}]", WireKind.Json)]
    public void A_field_is_typed_by_every_value_the_answers_show(string values, WireKind expected)
    {
        using var document = JsonDocument.Parse(values);

        Assert.Equal(expected, Rest3SelectItem.Shown(document.RootElement.EnumerateArray().Select(value => value.Clone()).ToList()).Kind);
    }
}
