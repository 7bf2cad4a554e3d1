using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// <c>docs</c> and <c>deprecated</c>: the published page as a <c>&lt;seealso&gt;</c> link and Bitrix24's word that it no
/// longer develops the method as a remark, on every generated overload, and never an <c>[Obsolete]</c>.
/// </summary>
public class MethodDocsSpecTests
{
    private const string Listed = """
        method: test.item.list
        scope: test
        summary: Lists items.
        docs: https://apidocs.bitrix24.com/api-reference/test/test-item-list.html?lang=en&v=2
        deprecated: test.entity.list
        paging: start
        fastPaging:
          id: ID
          filter: filter
        params:
          - name: start
            type: integer
          - name: filter
            type: map
            values: string
        result:
          type: array
          items: Item
        types:
          Item:
            kind: object
            properties:
              - name: ID
                type: integer
        """;

    private const string Plain = """
        method: test.item.get
        scope: test
        summary: Reads an item.
        description: Reads one.
        deprecated: true
        result:
          type: boolean
        """;

    private const string Seealso = "/// <seealso href=\"https://apidocs.bitrix24.com/api-reference/test/test-item-list.html?lang=en&amp;v=2\">Bitrix24 documentation</seealso>";

    [Fact]
    public void Every_overload_links_the_page_and_says_where_bitrix24_points_instead()
    {
        var (result, output) = GeneratorRunner.Run(("/specs/test.item.list.yaml", Listed), ("/specs/test.item.get.yaml", Plain));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);

        // Diagnose mode: a link that is not valid XML would be a warning here.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var code = Source(result, "TestItemList");

        // ListAsync with parameters, ListAsync with the request, ListAllAsync and ListAllFastAsync.
        Assert.Equal(4, Count(code, Seealso));
        Assert.Equal(4, Count(code, "<para>Bitrix24 no longer develops this method; it points to <c>test.entity.list</c> instead.</para>") +
            Count(code, "/// <remarks>Bitrix24 no longer develops this method; it points to <c>test.entity.list</c> instead.</remarks>"));
        Assert.DoesNotContain("Obsolete", code, System.StringComparison.Ordinal);
        var member = (IMethodSymbol)output.GetTypeByMetadataName("Bitrix24.Generated.Test.TestItemApi")!.GetMembers("ListAllAsync").Single();
        Assert.Contains("Bitrix24 no longer develops this method", member.GetDocumentationCommentXml(), System.StringComparison.Ordinal);
        Assert.Contains("<seealso href=\"https://apidocs.bitrix24.com/api-reference/test/test-item-list.html?lang=en&amp;v=2\">", member.GetDocumentationCommentXml(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Deprecated_true_says_so_without_a_pointer_and_no_docs_means_no_link()
    {
        var (result, _) = GeneratorRunner.Run(("/specs/test.item.get.yaml", Plain));

        var code = Source(result, "TestItemGet");
        Assert.Contains(
            "/// <remarks>\n    /// <para>Calls <c>test.item.get</c> (scope <c>test</c>).</para>\n    /// <para>Reads one.</para>\n    /// <para>Bitrix24 no longer develops this method.</para>\n    /// </remarks>",
            code,
            System.StringComparison.Ordinal);
        Assert.DoesNotContain("seealso", code, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Obsolete", code, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deprecated: false\n")]
    [InlineData("")]
    public void A_method_bitrix24_still_develops_says_nothing(string deprecated)
    {
        var (result, _) = GeneratorRunner.Run(("/specs/test.item.get.yaml", "method: test.item.get\nscope: test\nsummary: Reads.\n" + deprecated + "result:\n  type: boolean\n"));

        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain("no longer develops", Source(result, "TestItemGet"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs: apidocs.bitrix24.com/page.html\n", "B24039")]
    [InlineData("docs: ftp://example.com/page\n", "B24039")]
    [InlineData("docs: /api-reference/page.html\n", "B24039")]
    [InlineData("deprecated: use crm.item.add\n", "B24040")]
    [InlineData("deprecated: crm..add\n", "B24040")]
    [InlineData("deprecated: 'true'\n", "B24040")]
    [InlineData("deprecated: [crm.item.add]\n", "B24040")]
    public void A_bad_value_warns_and_the_method_still_generates_without_it(string key, string id)
    {
        var (result, _) = GeneratorRunner.Run(("/specs/test.item.get.yaml", "method: test.item.get\nscope: test\nsummary: Reads.\n" + key + "result:\n  type: boolean\n"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        var code = Source(result, "TestItemGet");
        Assert.DoesNotContain("seealso", code, System.StringComparison.Ordinal);
        Assert.DoesNotContain("no longer develops", code, System.StringComparison.Ordinal);
    }

    private static string Source(SpecRun result, string prefix) =>
        result.GeneratedSources.Single(s => s.HintName == "Bitrix24.Generated.Test." + prefix + ".g.cs").SourceText.ToString();

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
