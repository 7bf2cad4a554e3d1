using System;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Import;
using static Bitrix24.SpecImporter.Tests.Rest3.Rest3Pages;

namespace Bitrix24.SpecImporter.Tests.Rest3;

/// <summary>
/// A REST 3.0 list pages by <c>pagination</c>; its filter is typed over the item type when the page names the
/// fields it may filter by, which are marked filterable; a select of the item's fields is typed over it.
/// </summary>
public sealed class Rest3QueryTests
{
    private const string Select = """
        || **select**
        [`array`](../data-types.md) | Fields to return:
        - `id` — identifier
        - `title` — title
        - `price` — price ||
        """;

    private const string Pagination = """
        || **pagination**
        [`object`](../data-types.md) | Pagination:
        - `page` — page number
        - `limit` — items per page ||
        """;

    private const string Request = """{"select":["id","title"],"filter":[["title","=","Lamp"]],"pagination":{"page":1,"limit":2}}""";

    private static string List(string filter) => Page(
        "shop.gadget.list",
        Select + "\n" + filter + "\n" + Pagination,
        """{"result": {"items": [{"id": 5, "title": "Lamp", "price": 9.5}]}}""",
        "|| **items**\n[`array`](../data-types.md) | Gadgets ||\n" + GadgetFields)
        + $$"""

        ## Code Examples

        {% list tabs %}

        - cURL (Webhook)

            ```bash
            curl -X POST -H "Content-Type: application/json" -d '{{Request}}' https://example.bitrix24.com/rest/api/1/token/shop.gadget.list
            ```

        {% endlist %}
        """;

    private static ImportResult Import(string filter) => new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", List(filter)).Import();

    [Fact]
    public void A_list_with_pagination_and_items_pages_by_page()
    {
        var result = Import(string.Empty);

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        Assert.True(method.Paged);
        Assert.Equal(MethodPaging.Page, method.Paging);
        Assert.Contains("\npaging: page\n", result.Files["shop/shop.gadget.list.yaml"], StringComparison.Ordinal);
        Assert.True(Assert.Single(result.Outcomes).PagePaging);
    }

    [Fact]
    public void A_list_whose_pagination_takes_a_cursor_does_not_page_by_page()
    {
        var page = List(string.Empty).Replace("- `page` — page number", "- `afterCursor` — where the next page starts", StringComparison.Ordinal);
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", page).Import();

        AssertReadBack(result);
        Assert.False(Method(result, "shop/shop.gadget.list.yaml").Paged);
        Assert.DoesNotContain("paging:", result.Files["shop/shop.gadget.list.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_whose_fields_are_listed_is_typed_and_marks_them_filterable()
    {
        var result = Import("""
            || **filter**
            [`array`](../data-types.md) | Conditions in the format:
            - `["field", "operator", value]`

            Available fields:
            - `title` — gadget title
            - `price` — gadget price ||
            """);

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        var filter = method.Parameters.Single(parameter => parameter.WireName == "filter");
        Assert.Equal((WireKind.Filter, "ShopGadgetListItem"), (filter.Type.Kind, filter.Type.Items!.Name));
        Assert.Empty(filter.Values);
        var item = Type(method, "ShopGadgetListItem");
        Assert.Equal(["title", "price"], item.Properties.Where(property => property.Filterable).Select(property => property.WireName));

        // The documented call is kept as it was.
        Assert.Equal(Request, method.Examples.Single(example => example.Request is not null).Request);
    }

    [Fact]
    public void A_filter_by_the_named_field_alone_marks_that_one()
    {
        var result = Import("""
            || **filter**
            [`array`](../data-types.md) | Conditions in the format `["field", "operator", value]`.

            In REST 3.0, filtering by the `id` field is supported for gadgets. ||
            """);

        AssertReadBack(result);
        var item = Type(Method(result, "shop/shop.gadget.list.yaml"), "ShopGadgetListItem");
        Assert.Equal(["id"], item.Properties.Where(property => property.Filterable).Select(property => property.WireName));
    }

    [Fact]
    public void A_filter_over_the_same_fields_as_select_marks_the_selects_fields()
    {
        var result = Import("""
            || **filter**
            [`array`](../data-types.md) | Conditions in the format `["field", "operator", value]`.

            Available fields are similar to those in `select`. ||
            """);

        AssertReadBack(result);
        var item = Type(Method(result, "shop/shop.gadget.list.yaml"), "ShopGadgetListItem");
        Assert.Equal(["id", "title", "price"], item.Properties.Where(property => property.Filterable).Select(property => property.WireName));
    }

    [Fact]
    public void A_filter_whose_page_names_no_field_stays_as_it_was_and_is_counted()
    {
        var result = Import("""
            || **filter**
            [`array`](../data-types.md) | Conditions in the format `["field", "operator", value]`. ||
            """);

        AssertReadBack(result);
        var method = Method(result, "shop/shop.gadget.list.yaml");
        Assert.Equal(WireKind.Array, method.Parameters.Single(parameter => parameter.WireName == "filter").Type.Kind);
        Assert.DoesNotContain(method.Types.SelectMany(type => type.Properties), property => property.Filterable);
        Assert.True(Assert.Single(result.Outcomes).FilterWithoutFields);
        Assert.Contains("- 1 lists have a filter whose page names no field", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_select_of_the_items_fields_is_typed_over_the_item()
    {
        var result = Import(string.Empty);

        AssertReadBack(result);
        var select = Method(result, "shop/shop.gadget.list.yaml").Parameters.Single(parameter => parameter.WireName == "select");
        Assert.Equal((WireKind.Select, "ShopGadgetListItem"), (select.Type.Kind, select.Type.Items!.Name));
    }

    [Fact]
    public void A_select_that_lists_other_names_stays_as_it_was()
    {
        var page = List(string.Empty).Replace("- `price` — price", "- `colour` — colour", StringComparison.Ordinal);
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", page).Import();

        AssertReadBack(result);
        var select = Method(result, "shop/shop.gadget.list.yaml").Parameters.Single(parameter => parameter.WireName == "select");
        Assert.Equal(WireKind.Array, select.Type.Kind);
        Assert.Equal(3, select.Values.Count);
    }
}
