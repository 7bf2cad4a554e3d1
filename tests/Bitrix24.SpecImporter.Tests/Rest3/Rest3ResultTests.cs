using System;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Import;
using static Bitrix24.SpecImporter.Tests.Rest3.Rest3Pages;

namespace Bitrix24.SpecImporter.Tests.Rest3;

/// <summary>
/// A REST 3.0 result table listed flat (result, item or items, then the item's fields) becomes the envelope's
/// shape: a result object holding <c>item</c> or <c>items</c> of an item type, or <c>result</c> true or false; the
/// items of one entity's methods share one type where their fields are the same.
/// </summary>
public sealed class Rest3ResultTests
{
    private const string IdParameter = """
        || **id***
        [`integer`](../data-types.md) | Gadget identifier ||
        """;

    private static string Get(string method = "shop.gadget.get") => Page(
        method,
        IdParameter,
        """{"result": {"item": {"id": 5, "title": "Lamp", "price": 9.5}}}""",
        "|| **item**\n[`object`](../data-types.md) | The gadget ||\n" + GadgetFields);

    [Fact]
    public void An_item_row_and_its_fields_become_a_result_holding_an_item_type()
    {
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-get.md", Get()).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.get.yaml");
        Assert.Equal("ShopGadgetGetResult", method.Result.Type.Name);
        var holder = Type(method, "ShopGadgetGetResult");
        var item = Assert.Single(holder.Properties);
        Assert.Equal("item", item.WireName);
        Assert.Equal("ShopGadgetGetItem", item.Type.Name);
        Assert.Equal(["id", "title", "price"], Type(method, "ShopGadgetGetItem").Properties.Select(property => property.WireName));
        Assert.Equal("item", Assert.Single(result.Outcomes).NestedResult);
    }

    [Fact]
    public void An_items_row_becomes_a_list_of_the_item_type_and_fields_the_answer_shows_beside_it_stay_on_the_result()
    {
        var page = Page(
            "shop.gadget.list",
            string.Empty,
            """{"result": {"items": [{"id": 5, "title": "Lamp", "price": 9.5}], "hasMore": false}}""",
            "|| **items**\n[`array`](../data-types.md) | Gadgets ||\n|| **items[]**\n[`object`](../data-types.md) | A gadget ||\n"
            + GadgetFields + "|| **hasMore**\n[`boolean`](../data-types.md) | Whether more pages follow ||");
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", page).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        var holder = Type(method, "ShopGadgetListResult");
        Assert.Equal(["items", "hasMore"], holder.Properties.Select(property => property.WireName));
        var items = Property(holder, "items").Type;
        Assert.Equal(WireKind.Array, items.Kind);
        Assert.Equal("ShopGadgetListItem", items.Items!.Name);
        Assert.Equal("items", Assert.Single(result.Outcomes).NestedResult);
        Assert.Equal(["id", "title", "price"], Type(method, "ShopGadgetListItem").Properties.Select(property => property.WireName));
    }

    [Fact]
    public void A_second_boolean_result_row_is_the_envelopes_result_result()
    {
        var page = Page(
            "shop.gadget.delete",
            IdParameter,
            """{"result": {"result": true}}""",
            "|| **result**\n[`boolean`](../data-types.md) | Whether the gadget was deleted ||");
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-delete.md", page).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.delete.yaml");
        var flag = Assert.Single(Type(method, method.Result.Type.Name!).Properties);
        Assert.Equal(("result", WireKind.Boolean), (flag.WireName, flag.Type.Kind));
        Assert.Contains("- 1 have a nested result: 0 an object holding `item` of an item type, 0 holding `items`, a list of one, 1 holding `result`", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_result_row_whose_answer_holds_result_result_is_read_as_the_answer_shows()
    {
        var page = Page("shop.gadget.delete", IdParameter, """{"result": {"result": true}}""", string.Empty)
            .Replace("[`object`](../data-types.md) | Object with the answer", "[`boolean`](../data-types.md) | An object with the key `result`, true when deleted", StringComparison.Ordinal);
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-delete.md", page).Import();

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.delete.yaml");
        var flag = Assert.Single(Type(method, "ShopGadgetDeleteResult").Properties);
        Assert.Equal(("result", WireKind.Boolean), (flag.WireName, flag.Type.Kind));
        Assert.Equal("result", Assert.Single(result.Outcomes).NestedResult);
    }

    [Fact]
    public void One_entitys_items_with_the_same_fields_share_a_type_named_after_the_entity()
    {
        var add = Page(
            "shop.gadget.add",
            "|| **title***\n[`string`](../data-types.md) | Title ||",
            """{"result": {"item": {"id": 5, "title": "Lamp", "price": 9.5}}}""",
            "|| **item**\n[`object`](../data-types.md) | The gadget added ||\n" + GadgetFields);
        var other = Page(
            "shop.widget.get",
            IdParameter,
            """{"result": {"item": {"id": 5}}}""",
            "|| **item**\n[`object`](../data-types.md) | The widget ||\n|| **id**\n[`integer`](../data-types.md) | Widget identifier ||");
        var result = new DocsFolder()
            .Page("api-reference/shop/shop-gadget-get.md", Get())
            .Page("api-reference/shop/shop-gadget-add.md", add)
            .Page("api-reference/shop/shop-widget-get.md", other)
            .Import();

        AssertReadBack(result);
        var get = Method(result, "shop/shop.gadget.get.yaml");
        var added = Method(result, "shop/shop.gadget.add.yaml");
        Assert.Equal("ShopGadget", Property(Type(get, "ShopGadgetGetResult"), "item").Type.Name);
        Assert.Equal("ShopGadget", Property(Type(added, "ShopGadgetAddResult"), "item").Type.Name);
        Assert.Equal(Type(get, "ShopGadget"), Type(added, "ShopGadget"));
        Assert.DoesNotContain(added.Types, type => type.Name == "ShopGadgetAddItem");

        // Alone in its entity, the widget's item keeps the method's name.
        Assert.Equal("ShopWidgetGetItem", Property(Type(Method(result, "shop/shop.widget.get.yaml"), "ShopWidgetGetResult"), "item").Type.Name);
    }

    [Fact]
    public void Items_of_one_entity_with_other_fields_keep_their_methods_names()
    {
        var add = Page(
            "shop.gadget.add",
            "|| **title***\n[`string`](../data-types.md) | Title ||",
            """{"result": {"item": {"id": 5}}}""",
            "|| **item**\n[`object`](../data-types.md) | The gadget added ||\n|| **id**\n[`integer`](../data-types.md) | Gadget identifier ||");
        var result = new DocsFolder()
            .Page("api-reference/shop/shop-gadget-get.md", Get())
            .Page("api-reference/shop/shop-gadget-add.md", add)
            .Import();

        AssertReadBack(result);
        Assert.Contains(Method(result, "shop/shop.gadget.get.yaml").Types, type => type.Name == "ShopGadgetGetItem");
        Assert.Contains(Method(result, "shop/shop.gadget.add.yaml").Types, type => type.Name == "ShopGadgetAddItem");
    }

    [Fact]
    public void A_classic_page_with_the_same_table_keeps_its_flat_result()
    {
        var page = Get().Replace("This method belongs to REST 3.0, described in the [REST 3.0 overview](../rest-v3.md).", "Nothing to note.", StringComparison.Ordinal);
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-get.md", page).Import();

        var method = Method(result, "shop/shop.gadget.get.yaml");
        Assert.Equal(MethodApi.Classic, method.Api);
        Assert.DoesNotContain(method.Types, type => type.Name == "ShopGadgetGetItem");
        Assert.Contains("\n- 0 have a nested result", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }
}
