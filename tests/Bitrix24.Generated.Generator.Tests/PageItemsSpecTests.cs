using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>A list that answers an object wrapping the page: <c>pageItems</c> names the list to walk.</summary>
public class PageItemsSpecTests
{
    private const string Spec = """
        method: shop.widget.list
        scope: shop
        summary: Lists widgets.
        paging: start
        pageItems: items
        params:
          - name: start
            type: integer
        result:
          type: ShopWidgetPage
        types:
          ShopWidgetPage:
            kind: object
            properties:
              - name: items
                type: array
                items: ShopWidget
          ShopWidget:
            kind: object
            properties:
              - name: id
                type: integer
        """;

    [Fact]
    public void The_walk_yields_the_items_of_the_wrapped_list_and_compiles_without_a_warning()
    {
        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.widget.list.yaml", Spec));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var walk = output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopWidgetApi")!.GetMembers("ListAllAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<Bitrix24.Generated.Shop.ShopWidget>", walk.ReturnType.ToDisplayString());
        var source = result.GeneratedSources.Single(s => s.HintName.EndsWith("ShopWidgetList.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("static result => result?.Items, limit, cancellationToken);", source, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageItems: items", "pageItems: rows")]
    [InlineData("        type: array\n        items: ShopWidget", "        type: ShopWidget")]
    [InlineData("paging: start\n", "")]
    public void PageItems_that_does_not_name_a_list_of_a_paged_result_object_is_an_error(string from, string to)
    {
        var (result, _) = GeneratorRunner.Run(("/app/specs/shop.widget.list.yaml", Spec.Replace(from, to, System.StringComparison.Ordinal)));

        var problem = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal("B24042", problem.Id);
    }
}
