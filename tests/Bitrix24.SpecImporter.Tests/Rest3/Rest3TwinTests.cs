using System;
using System.Linq;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Tests.Import;
using static Bitrix24.SpecImporter.Tests.Rest3.Rest3Pages;

namespace Bitrix24.SpecImporter.Tests.Rest3;

/// <summary>
/// A <c>*-rest-v3.md</c> page documents the REST 3.0 version of a method the classic API also serves: it is imported
/// beside the classic spec as <c>method.v3.yaml</c>, its types named with V3, its item the object of the page of
/// fields it links, whose relations are object-typed properties.
/// </summary>
public sealed class Rest3TwinTests
{
    private const string Classic = """
        # Get a gadget shop.gadget.get

        > Scope: [`shop`](../scopes.md)

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **id***
        [`integer`](../data-types.md) | Gadget identifier ||
        |#
        """;

    private const string Fields = """
        # Gadget Fields in REST 3.0

        ## Gadget Object {#gadgetdto}

        #|
        || **Name**
        `type` | **Description** ||
        || **id**
        [`integer`](../data-types.md) | Gadget identifier ||
        || **ownerId**
        [`integer`](../data-types.md) | Owner identifier ||
        || **owner**
        [`object`](#user) | Owner. An object of type [user](#user) ||
        |#

        ## User Object {#user}

        #|
        || **Name**
        `type` | **Description** ||
        || **id**
        [`integer`](../data-types.md) | User identifier ||
        || **name**
        [`string`](../data-types.md) | User name ||
        |#
        """;

    private static string Rest3(string verb, string parameters, string returned) => Page(
        "shop.gadget." + verb,
        parameters,
        """{"result": {"item": {"id": 5}}}""",
        returned);

    private static ImportResult Import()
    {
        var get = Rest3(
            "get",
            """
            || **id***
            [`integer`](../data-types.md) | Gadget identifier ||
            || **select**
            [`array`](../data-types.md) | Fields to return, related objects' dotted. [List of fields](./fields-rest-v3.md) ||
            """,
            "|| **item**\n[`object`](../data-types.md) | The gadget. [Description of fields](./fields-rest-v3.md) ||");
        var add = Rest3(
            "add",
            """
            || **fields***
            [`object`](../data-types.md) | Gadget [fields](#fields) ||
            |#

            ### Parameter fields {#fields}

            #|
            || **Name**
            `type` | **Description** ||
            || **ownerId***
            [`integer`](../data-types.md) | Owner identifier ||
            """,
            "|| **item**\n[`object`](../data-types.md) | The gadget. [Description of fields](./fields-rest-v3.md) ||");
        return new DocsFolder()
            .Page("api-reference/shop/shop-gadget-get.md", Classic)
            .Page("api-reference/shop/shop-gadget-get-rest-v3.md", get)
            .Page("api-reference/shop/shop-gadget-add-rest-v3.md", add)
            .Page("api-reference/shop/fields-rest-v3.md", Fields)
            .Import();
    }

    [Fact]
    public void The_rest3_page_of_a_classic_method_is_imported_beside_it_as_its_v3_twin()
    {
        var result = Import();

        AssertReadBack(result);
        Assert.Equal(["shop/shop.gadget.add.v3.yaml", "shop/shop.gadget.get.v3.yaml", "shop/shop.gadget.get.yaml"], result.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(MethodApi.Classic, Method(result, "shop/shop.gadget.get.yaml").Api);
        var twin = Method(result, "shop/shop.gadget.get.v3.yaml");
        Assert.Equal(("shop.gadget.get", MethodApi.V3), (twin.Name, twin.Api));
        Assert.Equal(2, result.Outcomes.Count(outcome => outcome.Twin));
        Assert.Contains("- 2 are the REST 3.0 twins", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_twins_types_are_named_with_v3_and_its_item_is_the_object_of_the_fields_page()
    {
        var result = Import();

        var get = Method(result, "shop/shop.gadget.get.v3.yaml");
        Assert.Equal("ShopGadgetV3GetResult", get.Result.Type.Name);
        Assert.Equal("ShopV3Gadget", Property(Type(get, "ShopGadgetV3GetResult"), "item").Type.Name);
        Assert.Equal("ShopV3User", Property(Type(get, "ShopV3Gadget"), "owner").Type.Name);
        Assert.Equal(["id", "name"], Type(get, "ShopV3User").Properties.Select(property => property.WireName));

        var add = Method(result, "shop/shop.gadget.add.v3.yaml");
        Assert.Equal("ShopGadgetV3AddFields", add.Parameters.Single().Type.Name);
        Assert.Equal(Type(get, "ShopV3Gadget"), Type(add, "ShopV3Gadget"));
    }

    [Fact]
    public void A_select_linking_the_fields_page_of_the_item_is_typed_over_it()
    {
        var select = Method(Import(), "shop/shop.gadget.get.v3.yaml").Parameters.Single(parameter => parameter.WireName == "select");

        Assert.Equal((WireKind.Select, "ShopV3Gadget"), (select.Type.Kind, select.Type.Items!.Name));
    }
}
