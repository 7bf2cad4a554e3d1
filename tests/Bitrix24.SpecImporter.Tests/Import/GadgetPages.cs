namespace Bitrix24.SpecImporter.Tests.Import;

/// <summary>
/// Method pages in the docs' layout, written for the tests: <c>shop.gadget.get</c> (parameters with a structure, a
/// webhook cURL request, an answer whose result is a gadget with parts) and <c>shop.gadget.list</c>, whose result
/// is a list of the same gadget type. The request and answer JSON are given per test.
/// </summary>
internal static class GadgetPages
{
    public const string DefaultRequest = """{"id":5,"fields":{"ACTIVE":true,"SINCE":1733932740}}""";

    public const string DefaultAnswer = """{"result":{"ID":5,"PRICE":10,"VISIBLE":"Y","CREATED":1733932740,"NOTE":"free","PARTS":[{"QTY":1,"CODES":[7]}]}}""";

    public static string Get(string request = DefaultRequest, string answer = DefaultAnswer) => $$"""
        # Get a gadget shop.gadget.get

        > Scope: [`shop`](../scopes.md)

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **id***
        [`integer`](../data-types.md) | Gadget ID ||
        || **fields**
        [`object`](../data-types.md) | What to match, see [below](#fields) ||
        |#

        ### Parameter fields {#fields}

        #|
        || **Name**
        `type` | **Description** ||
        || **ACTIVE**
        [`boolean`](../data-types.md) | Only active ones ||
        || **SINCE**
        [`timestamp`](../data-types.md) | Changed after ||
        |#

        ## Code Examples

        {% list tabs %}

        - cURL (Webhook)

            ```bash
            curl -X POST \
            -H "Content-Type: application/json" \
            -d '{{request}}' \
            https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/shop.gadget.get
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
        [`gadget`](#gadget) | The gadget ||
        |#

        ### Gadget {#gadget}

        #|
        || **Name**
        `type` | **Description** ||
        || **ID**
        [`integer`](../data-types.md) | ID ||
        || **PRICE**
        [`integer`](../data-types.md) | Price ||
        || **VISIBLE**
        [`char`](../data-types.md) | Shown ||
        || **CREATED**
        [`timestamp`](../data-types.md) | Created ||
        || **NOTE**
        [`any`](../data-types.md) | Anything ||
        || **PARTS**
        [`part[]`](#part) | Parts ||
        |#

        ### Part {#part}

        #|
        || **Name**
        `type` | **Description** ||
        || **QTY**
        [`integer`](../data-types.md) | Quantity ||
        || **CODES**
        [`integer[]`](../data-types.md) | Codes ||
        |#
        """;

    public static string List(string answer) => $$"""
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

        HTTP Status: **200**

        ```json
        {{answer}}
        ```

        ### Returned Data

        #|
        || **Name**
        `type` | **Description** ||
        || **result**
        [`gadget[]`](shop-gadget-get.md#gadget) | The gadgets ||
        |#
        """;

    /// <summary>A folder with the get page, and the list page when its answer is given.</summary>
    public static DocsFolder Folder(string request = DefaultRequest, string answer = DefaultAnswer, string? listAnswer = null)
    {
        var folder = new DocsFolder().Page("api-reference/shop/shop-gadget-get.md", Get(request, answer));
        return listAnswer is null ? folder : folder.Page("api-reference/shop/shop-gadget-list.md", List(listAnswer));
    }
}
