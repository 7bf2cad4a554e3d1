using System;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Import;

namespace Bitrix24.SpecImporter.Tests.Import;

/// <summary>A page the docs mark as REST 3.0 gives a spec with <c>api: v3</c>; every other page a classic one.</summary>
public sealed class RestVersionTests
{
    private const string Rest3Page = """
        # Add a gadget shop.gadget.add

        > Scope: [`shop`](../scopes.md)

        {% note info "" %}

        The method is one of REST 3.0; how it is called is in the [overview of REST 3.0](../rest-v3.md).

        {% endnote %}

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **title***
        [`string`](../data-types.md) | Gadget title ||
        |#

        ## Response Handling

        ```json
        {"result": {"item": {"id": 5}}}
        ```
        """;

    // The same page, with a note that links the overview without naming the version.
    private const string ClassicPage = """
        # Add a gadget shop.gadget.add

        > Scope: [`shop`](../scopes.md)

        {% note info "" %}

        Compare with [the newer calls](../rest-v3.md).

        {% endnote %}

        ## Method Parameters

        #|
        || **Name**
        `type` | **Description** ||
        || **title***
        [`string`](../data-types.md) | Gadget title ||
        |#
        """;

    [Fact]
    public void A_page_with_the_rest3_note_gives_a_v3_spec_and_the_report_counts_it()
    {
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-add.md", Rest3Page).Import();

        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Rest3);
        var text = result.Files[outcome.File!];
        Assert.Contains("\napi: v3\n", text, StringComparison.Ordinal);
        var document = SpecDocument.Read(outcome.File!, text);
        Assert.DoesNotContain(document.Diagnostics, diagnostic => diagnostic.IsError);
        Assert.Equal(MethodApi.V3, document.Method!.Api);
        Assert.Contains("1 of the specs are methods of REST 3.0", ImportReport.Write(result.Outcomes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_it_gives_a_classic_spec_that_names_no_api()
    {
        var result = new DocsFolder().Page("api-reference/shop/shop-gadget-add.md", ClassicPage).Import();

        var outcome = Assert.Single(result.Outcomes);
        Assert.False(outcome.Rest3);
        var text = result.Files[outcome.File!];
        Assert.DoesNotContain("api:", text, StringComparison.Ordinal);
        Assert.Equal(MethodApi.Classic, SpecDocument.Read(outcome.File!, text).Method!.Api);
    }
}
