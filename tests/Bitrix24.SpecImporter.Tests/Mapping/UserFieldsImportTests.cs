using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Import;

namespace Bitrix24.SpecImporter.Tests.Mapping;

/// <summary>
/// An object type gets <c>userFields</c> when its table has a row for all custom fields (<c>UF_CRM_...</c>) or when a
/// documented request or answer puts custom fields into it that the table does not name.
/// </summary>
public sealed class UserFieldsImportTests
{
    private const string NoRequest = """{"fields":{"TITLE":"Thing"}}""";

    private const string NoAnswer = """{"result":{"ID":1,"TITLE":"Thing"}}""";

    [Theory]
    [InlineData("UF_CRM_...")]
    [InlineData("UF_...")]
    [InlineData(@"UF_\*")]
    [InlineData("UF_CRM_xxx")]
    [InlineData("UF_RPA_...")]
    [InlineData("UF_")]
    public void A_row_for_all_custom_fields_gives_its_type_user_fields_and_no_property(string row)
    {
        var result = Folder(addRows: $"|| **{row}**\n[`any`](../data-types.md) | Custom fields, e.g. `UF_CRM_25534736` ||\n").Import();

        var fields = Type(result, "shop.thing.add", "ShopThingAddFields");
        Assert.Equal("UF_", fields.UserFields);
        Assert.Equal(["TITLE"], fields.Properties.Select(property => property.WireName));
        Assert.Contains("    userFields: UF_\n", result.Files["shop/shop.thing.add.yaml"], System.StringComparison.Ordinal);
        Assert.Null(Type(result, "shop.thing.get", "ShopThingGetThing").UserFields);
    }

    [Fact]
    public void A_documented_custom_field_is_a_property_and_alone_gives_no_user_fields()
    {
        var result = Folder(
            addRows: "|| **UF_DEPARTMENT**\n[`array`](../data-types.md) | Departments ||\n",
            request: """{"fields":{"TITLE":"Thing","UF_DEPARTMENT":[1]}}""").Import();

        var fields = Type(result, "shop.thing.add", "ShopThingAddFields");
        Assert.Null(fields.UserFields);
        Assert.Equal(["TITLE", "UF_DEPARTMENT"], fields.Properties.Select(property => property.WireName));
        Assert.DoesNotContain("userFields", result.Files["shop/shop.thing.add.yaml"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_that_sends_custom_fields_the_table_does_not_name_gives_user_fields()
    {
        var result = Folder(request: """{"fields":{"TITLE":"Thing","UF_CRM_1721244482250":"Hello"}}""").Import();

        Assert.Equal("UF_", Type(result, "shop.thing.add", "ShopThingAddFields").UserFields);
        Assert.All(result.Outcomes, outcome => Assert.Null(outcome.Reason));
    }

    [Fact]
    public void An_answer_with_camel_case_custom_fields_gives_their_prefix()
    {
        var result = Folder(answer: """{"result":{"ID":1,"TITLE":"Thing","ufCrm7_1739432938":"x","ufCrm_1720019876534":[1]}}""").Import();

        Assert.Equal("ufCrm", Type(result, "shop.thing.get", "ShopThingGetThing").UserFields);
        Assert.Null(Type(result, "shop.thing.add", "ShopThingAddFields").UserFields);
    }

    [Fact]
    public void The_table_has_the_last_word_and_examples_of_both_forms_give_none()
    {
        var tabled = Folder(
            addRows: "|| **UF_CRM_...**\n[`any`](../data-types.md) | Custom fields ||\n",
            request: """{"fields":{"TITLE":"Thing","ufCrm_1720019876534":"x"}}""").Import();
        var mixed = Folder(answer: """{"result":{"ID":1,"UF_CRM_1721244482250":"a","ufCrm_1720019876534":"b"}}""").Import();

        Assert.Equal("UF_", Type(tabled, "shop.thing.add", "ShopThingAddFields").UserFields);
        Assert.Null(Type(mixed, "shop.thing.get", "ShopThingGetThing").UserFields);
    }

    [Fact]
    public void A_type_two_methods_share_gets_user_fields_in_both_from_either_ones_examples()
    {
        var result = GadgetPages.Folder(listAnswer: """{"result":[{"ID":6,"PRICE":11,"UF_CRM_1721244482250":"Hello"}],"total":1}""").Import();

        var get = ExampleShapesTests.Spec(result, "shop.gadget.get").Types.Single(type => type.Name == "ShopGadgetGetGadget");
        var list = ExampleShapesTests.Spec(result, "shop.gadget.list").Types.Single(type => type.Name == "ShopGadgetGetGadget");
        Assert.Equal("UF_", get.UserFields);
        Assert.Equal(get, list);
        Assert.All(result.Outcomes, outcome => Assert.Null(outcome.Reason));
    }

    [Fact]
    public void A_parameter_table_row_for_all_custom_fields_is_no_parameter()
    {
        var result = ThingPages.Folder(["id*|integer|Thing ID", "UF_|any|Custom fields of the thing"], """{"id":5}""", """{"result":true}""", ["result|boolean|Done"]).Import();

        var spec = ExampleShapesTests.Spec(result, ThingPages.Method);
        Assert.Equal(["id"], spec.Parameters.Select(parameter => parameter.WireName));
        Assert.All(spec.Types, type => Assert.Null(type.UserFields));
    }

    private static TypeModel Type(ImportResult result, string method, string type) =>
        ExampleShapesTests.Spec(result, method).Types.Single(declared => declared.Name == type);

    // shop.thing.add takes fields (TITLE and the given rows) and answers an id; shop.thing.get answers a thing.
    private static DocsFolder Folder(string addRows = "", string request = NoRequest, string answer = NoAnswer) => new DocsFolder()
        .Page("api-reference/shop/shop-thing-add.md", $$"""
            # Add a thing shop.thing.add

            > Scope: [`shop`](../scopes.md)

            ## Method Parameters

            #|
            || **Name**
            `type` | **Description** ||
            || **fields***
            [`object`](../data-types.md) | The thing's fields, see [below](#fields) ||
            |#

            ### Parameter fields {#fields}

            #|
            || **Name**
            `type` | **Description** ||
            || **TITLE**
            [`string`](../data-types.md) | Title ||
            {{addRows}}|#

            ## Code Examples

            {% list tabs %}

            - cURL (Webhook)

                ```bash
                curl -X POST \
                -H "Content-Type: application/json" \
                -d '{{request}}' \
                https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/shop.thing.add
                ```

            {% endlist %}

            ## Response Handling

            HTTP Status: **200**

            ```json
            {"result":1}
            ```

            ### Returned Data

            #|
            || **Name**
            `type` | **Description** ||
            || **result**
            [`integer`](../data-types.md) | The new thing's ID ||
            |#
            """)
        .Page("api-reference/shop/shop-thing-get.md", $$"""
            # Get a thing shop.thing.get

            > Scope: [`shop`](../scopes.md)

            ## Method Parameters

            #|
            || **Name**
            `type` | **Description** ||
            || **id***
            [`integer`](../data-types.md) | Thing ID ||
            |#

            ## Code Examples

            {% list tabs %}

            - cURL (Webhook)

                ```bash
                curl -X POST \
                -H "Content-Type: application/json" \
                -d '{"id":1}' \
                https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/shop.thing.get
                ```

            {% endlist %}

            ## Response Handling

            HTTP Status: **200**

            ```json
            {{answer}}
            ```

            ### Returned Data

            #|
            || **Name**
            `type` | **Description** ||
            || **result**
            [`thing`](#thing) | The thing ||
            |#

            ### Thing {#thing}

            #|
            || **Name**
            `type` | **Description** ||
            || **ID**
            [`integer`](../data-types.md) | ID ||
            || **TITLE**
            [`string`](../data-types.md) | Title ||
            |#
            """);
}
