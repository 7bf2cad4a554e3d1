using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Import;

namespace Bitrix24.SpecImporter.Tests.Import;

public sealed class DocsImporterTests
{
    // A method page in the docs' layout: scope quote, parameter table with a structure described under an anchor,
    // returned data, error table, webhook cURL example and answer. The wording is the tests' own.
    private const string AddPage = """
        # Add a widget shop.widget.add

        > Scope: [`shop`](../scopes.md)
        >
        > Who can execute the method: any user

        {% note warning "DEPRECATED" %}

        Superseded by [shop.item.add](../universal/shop-item-add.md).

        {% endnote %}

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **fields***
        [`object`](../data-types.md) | The new widget, see [below](#fields) ||
        || **notify**
        [`boolean`](../data-types.md) | Tell the owner. Values:
        - `Y` — tell
        - `N` — keep quiet

        By default `Y` ||
        |#

        ### Parameter fields {#fields}

        #|
        || **Name**
        `type` | **Description** ||
        || **TITLE***
        [`string`](../data-types.md) | Widget title ||
        || **OWNER_ID**
        [`user`](../data-types.md) | Owner ||
        || **PRICE**
        [`double`](../data-types.md) | Price ||
        || **COLOR**
        [`string`](../data-types.md) | Colour:
        - `red` — warm
        - `blue` — cold ||
        || **TAGS**
        [`string[]`](../data-types.md) | Labels ||
        || **CREATED**
        [`datetime`](../data-types.md) | When ||
        || **UF_SHOP_...** | Custom fields ||
        |#

        ## Code Examples

        {% list tabs %}

        - cURL (Webhook)

            ```bash
            curl -X POST \
            -H "Content-Type: application/json" \
            -d '{"fields":{"TITLE":"Blue one","PRICE":9.5,"COLOR":"blue"},"notify":"N"}' \
            https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/shop.widget.add
            ```

        {% endlist %}

        ## Response Handling

        HTTP Status: **200**

        ```json
        {
            "result": 17,
            "time": {"start": 1.5, "finish": 2.5}
        }
        ```

        ### Returned Data

        #|
        || **Name**
        `type` | **Description** ||
        || **result**
        [`integer`](../data-types.md) | The new widget's ID ||
        || **time**
        [`time`](../data-types.md#time) | Timing ||
        |#

        ## Error Handling

        HTTP Status: **400**

        ```json
        {"error": "", "error_description": "Parameter 'fields' must be array."}
        ```

        ### Possible Error Codes

        #|
        || **Code** | **Description** | **Value** ||
        || Empty value | `Parameter 'fields' must be array` | Not an object ||
        || `ACCESS_DENIED` | `Access denied` | No right ||
        |#
        """;

    private const string ListPage = """
        # List widgets shop.widget.list

        > Scope: [`shop`](../scopes.md)

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **filter**
        [`object`](../data-types.md) | Conditions ||
        || **order**
        [`object`](../data-types.md) | Sorting ||
        || **start**
        [`integer`](../data-types.md) | Offset ||
        |#

        ## Response Handling

        ### Returned Data

        #|
        || **Name**
        `type` | **Description** ||
        || **result**
        [`widget[]`](shop-widget-get.md#widget) | The widgets ||
        || **total**
        [`integer`](../data-types.md) | How many ||
        |#
        """;

    private const string GetPage = """
        # Get a widget shop.widget.get

        > Scope: [`shop`](../scopes.md)

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **id***
        [`integer`](../data-types.md) | ID ||
        |#

        ## Response Handling

        #|
        || **Name**
        `type` | **Description** ||
        || **result**
        [`widget`](#widget) | The widget ||
        |#

        ### Widget {#widget}

        #|
        || **Name**
        `type` | **Description** ||
        || **ID**
        [`integer`](../data-types.md) | ID ||
        || **IS_ACTIVE**
        [`char`](../data-types.md) | Active ||
        |#
        """;

    [Fact]
    public void A_method_page_becomes_a_spec_with_its_parameters_structures_result_errors_and_examples()
    {
        var result = new DocsFolder().Page("api-reference/shop/shop-widget-add.md", AddPage).Import();

        var outcome = Assert.Single(result.Outcomes);
        Assert.Null(outcome.Reason);
        Assert.Equal("shop/shop.widget.add.yaml", outcome.File);
        Assert.True(outcome.RequestExample);
        Assert.True(outcome.ResponseExample);

        var document = SpecDocument.Read(outcome.File!, result.Files[outcome.File!]);
        Assert.DoesNotContain(document.Diagnostics, diagnostic => diagnostic.IsError);
        var method = document.Method!;
        Assert.Equal("shop.widget.add", method.Name);
        Assert.Equal("shop", method.Scope);
        Assert.Equal("any user", method.Access);
        Assert.Equal("shop.item.add", method.Deprecated);
        Assert.Equal("https://apidocs.bitrix24.com/api-reference/shop/shop-widget-add.html", method.Docs);
        Assert.False(method.Idempotent);
        Assert.False(method.Paged);

        Assert.Collection(
            method.Parameters,
            fields =>
            {
                Assert.Equal("fields", fields.WireName);
                Assert.True(fields.Required);
                Assert.Equal(new TypeRef(WireKind.Named, "ShopWidgetAddFields", null, null), fields.Type with { Target = null });
            },
            notify =>
            {
                Assert.Equal("notify", notify.WireName);
                Assert.False(notify.Required);
                Assert.Equal(WireKind.Flag, notify.Type.Kind);
                Assert.Equal("Y", notify.Default);
            });

        var type = Assert.Single(method.Types);
        Assert.Equal("ShopWidgetAddFields", type.Name);
        Assert.Equal(
            ["TITLE:String:True", "OWNER_ID:Integer:False", "PRICE:Number:False", "COLOR:String:False", "TAGS:Array:False", "CREATED:DateTime:False"],
            type.Properties.Select(property => $"{property.WireName}:{property.Type.Kind}:{property.Required}"));
        Assert.Equal(["red", "blue"], type.Properties[3].Values.Select(value => value.Value));
        Assert.Equal(WireKind.String, type.Properties[4].Type.Items!.Kind);
        Assert.Equal("A user ID.", type.Properties[1].Description);

        Assert.Equal(WireKind.Integer, method.Result.Type.Kind);
        Assert.Equal(
            ["ParameterFieldsMustBeArray::400:Parameter 'fields' must be array", "AccessDenied:ACCESS_DENIED:400:Access denied"],
            method.Errors.Select(error => $"{error.Name}:{error.Code}:{error.Status}:{error.Message}"));

        Assert.Collection(
            method.Examples,
            call =>
            {
                Assert.Equal("""{"fields":{"TITLE":"Blue one","PRICE":9.5,"COLOR":"blue"},"notify":"N"}""", call.Request);
                Assert.Equal(200, call.Status);
                Assert.Equal("""{"result":17,"time":{"start":1.5,"finish":2.5}}""", call.Response);
            },
            error =>
            {
                Assert.Null(error.Request);
                Assert.Equal(400, error.Status);
                Assert.Equal("""{"error":"","error_description":"Parameter 'fields' must be array."}""", error.Response);
            });
    }

    [Fact]
    public void A_structure_on_another_page_takes_that_page_s_name_and_both_methods_declare_it_alike()
    {
        var result = new DocsFolder()
            .Page("api-reference/shop/shop-widget-list.md", ListPage)
            .Page("api-reference/shop/shop-widget-get.md", GetPage)
            .Import();

        Assert.All(result.Outcomes, outcome => Assert.Null(outcome.Reason));
        var list = SpecDocument.Read("list.yaml", result.Files["shop/shop.widget.list.yaml"]).Method!;
        var get = SpecDocument.Read("get.yaml", result.Files["shop/shop.widget.get.yaml"]).Method!;

        Assert.True(list.Paged);
        Assert.Equal(new FastPagingModel("ID", "filter", "order"), list.FastPaging);
        Assert.Null(get.FastPaging);
        Assert.True(list.Idempotent);
        Assert.Equal(WireKind.Array, list.Result.Type.Kind);
        Assert.Equal("ShopWidgetGetWidget", list.Result.Type.Items!.Name);
        Assert.Equal("ShopWidgetGetWidget", get.Result.Type.Name);
        Assert.Equal(list.Types.Single() with { Scope = "" }, get.Types.Single() with { Scope = "" });
        Assert.Equal(WireKind.Flag, get.Types.Single().Properties[1].Type.Kind);

        // A filter without a documented shape is a map of any values; an order a map of directions.
        Assert.Equal(WireKind.Map, list.Parameters[0].Type.Kind);
        Assert.Equal(DocTypeAny, list.Parameters[0].Type.Items!.Kind);
        Assert.Equal(WireKind.String, list.Parameters[1].Type.Items!.Kind);
    }

    [Fact]
    public void Pages_that_document_no_method_and_methods_written_by_hand_are_reported_not_imported()
    {
        var keep = new Dictionary<string, (string File, string Text)>(StringComparer.OrdinalIgnoreCase)
        {
            ["shop.widget.get"] = ("shop/shop.widget.get.yaml", "method: shop.widget.get\n"),
        };
        var result = new DocsFolder()
            .Page("api-reference/shop/overview.md", "# Widgets\n\nWhat they are.\n")
            .Page("api-reference/shop/shop-widget-get.md", GetPage)
            .Import(keep);

        Assert.Empty(result.Files);
        var overview = result.Outcomes.Single(outcome => outcome.Page.EndsWith("overview.md", StringComparison.Ordinal));
        Assert.False(overview.IsMethod);
        Assert.Equal("the title names no method", overview.Reason);
        var get = result.Outcomes.Single(outcome => outcome.Method == "shop.widget.get");
        Assert.Equal("shop/shop.widget.get.yaml", get.File);
        Assert.Null(get.Reason);

        var report = ImportReport.Write(result.Outcomes);
        Assert.Contains("**1 of 1 method pages (100.0%) have a spec.**", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_is_reproducible_and_reads_back_as_the_same_spec()
    {
        var folder = new DocsFolder().Page("api-reference/shop/shop-widget-add.md", AddPage);
        var first = folder.Import().Files.Single();
        var second = folder.Import().Files.Single();
        Assert.Equal(first.Value, second.Value);

        var reread = SpecDocument.Read(first.Key, first.Value);
        Assert.Empty(reread.Diagnostics);
    }

    [Fact]
    public void A_list_that_wraps_its_page_in_an_object_pages_over_that_list()
    {
        const string page = """
            # List gadgets shop.gadget.list

            > Scope: [`shop`](../scopes.md)

            ## Method Parameters

            #|
            || **Name**
            `type` | **Description** ||
            || **start**
            [`integer`](../data-types.md) | Offset ||
            |#

            ## Response Handling

            ### Returned Data

            #|
            || **Name**
            `type` | **Description** ||
            || **result**
            [`object`](../data-types.md) | The page, see [below](#page) ||
            || **total**
            [`integer`](../data-types.md) | How many ||
            |#

            #### Page {#page}

            #|
            || **Name**
            `type` | **Description** ||
            || **gadgets**
            [`object[]`](#gadget) | The gadgets ||
            |#

            #### Gadget {#gadget}

            #|
            || **Name**
            `type` | **Description** ||
            || **id**
            [`integer`](../data-types.md) | ID ||
            |#
            """;
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-list.md", page).Import();

        var method = SpecDocument.Read("list.yaml", result.Files["shop/shop.gadget.list.yaml"]).Method!;
        Assert.True(method.Paged);
        Assert.Equal("gadgets", method.PageItems!.WireName);
        Assert.Null(method.FastPaging);
    }

    [Fact]
    public void A_list_whose_answer_pages_takes_start_even_when_its_table_leaves_it_out()
    {
        const string page = """
            # List colours shop.colour.list

            > Scope: [`shop`](../scopes.md)

            ## Method Parameters

            #|
            || **Name**
            `type` | **Description** ||
            || **order**
            [`object`](../data-types.md) | Sorting ||
            |#

            ## Response Handling

            HTTP Status: **200**

            ```json
            {"result": ["red", "blue"], "total": 2, "time": {"start": 1.5}}
            ```

            ### Returned Data

            #|
            || **Name**
            `type` | **Description** ||
            || **result**
            [`string[]`](../data-types.md) | The colours ||
            || **total**
            [`integer`](../data-types.md) | How many ||
            |#
            """;
        var result = new DocsFolder().Page("api-reference/shop/shop-colour-list.md", page).Import();

        var method = SpecDocument.Read("list.yaml", result.Files["shop/shop.colour.list.yaml"]).Method!;
        Assert.True(method.Paged);
        var start = method.Parameters.Single(parameter => parameter.WireName == "start");
        Assert.Equal(WireKind.Integer, start.Type.Kind);
        Assert.False(start.Required);
    }

    private static readonly WireKind DocTypeAny = BuiltInTypes.Find("any")!.Value;

    [Fact]
    public void The_event_methods_which_name_no_scope_are_filed_under_basic_and_other_pages_without_a_scope_are_not_methods()
    {
        const string Bind = """
            # Bind a Handler event.bind

            > Who can execute the method: any user

            The method binds a handler.

            ## Method Parameters

            #|
            || **Name**
            `type` | **Description** ||
            || **event***
            [`string`](../data-types.md) | The event ||
            |#
            """;

        var result = new DocsFolder()
            .Page("api-reference/events/event-bind.md", Bind)
            .Page("api-reference/shop/events/shop-event-bind.md", Bind.Replace("event.bind", "shop.event.bind", StringComparison.Ordinal))
            .Import();

        var bind = Assert.Single(result.Outcomes, outcome => outcome.File is not null);
        Assert.Equal("basic/event.bind.yaml", bind.File);
        Assert.Equal("basic", SpecDocument.Read(bind.File!, result.Files[bind.File!]).Method!.Scope);
        Assert.Equal("the page names no scope", Assert.Single(result.Outcomes, outcome => outcome.File is null).Reason);
    }
}

