using System.Linq;

namespace Bitrix24.SpecImporter.Tests.Import;

/// <summary>
/// A one-method page in the docs' layout, <c>shop.thing.get</c>, written for the tests: parameter rows, a webhook
/// cURL request, an answer and the returned-data rows are given per test, each row as <c>name|type|description</c>.
/// </summary>
internal static class ThingPages
{
    public const string Method = "shop.thing.get";

    public static string Page(string[] parameters, string? request, string? answer, string[] returned, string extra = "") => $$"""
        # Get a thing {{Method}}

        > Scope: [`shop`](../scopes.md)

        ## Method Parameters

        {{Table(parameters)}}

        ## Code Examples

        {% list tabs %}

        - cURL (Webhook)

            ```bash
            curl -X POST \
            -H "Content-Type: application/json" \
            -d '{{request ?? "{}"}}' \
            https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/{{(request is null ? "other.method" : Method)}}
            ```

        {% endlist %}

        ## Response Handling

        HTTP Status: **200**

        ```json
        {{answer ?? "no answer"}}
        ```

        ### Returned Data

        {{Table(returned)}}

        {{extra}}
        """;

    /// <summary>A folder with the page.</summary>
    public static DocsFolder Folder(string[] parameters, string? request, string? answer, string[] returned, string extra = "") =>
        new DocsFolder().Page("api-reference/shop/shop-thing-get.md", Page(parameters, request, answer, returned, extra));

    // Rows as "name|type|description"; a name ending in '*' is required.
    private static string Table(string[] rows) =>
        "#|\n|| **Name**\n`type` | **Description** ||\n"
        + string.Concat(rows.Select(row => row.Split('|')).Select(cells => $"|| **{cells[0]}**\n[`{cells[1]}`](../data-types.md) | {cells[2]} ||\n"))
        + "|#";
}
