using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>The fast walk of a list whose filter takes any JSON values, as the imported CRM lists do.</summary>
public class FastPagingRawFilterTests
{
    private const string Spec = """
        method: shop.widget.list
        scope: shop
        summary: Lists widgets.
        paging: start
        fastPaging:
          id: ID
          filter: filter
          order: order
        params:
          - name: filter
            type: map
            values: any
          - name: order
            type: map
            values: string
          - name: start
            type: integer
        result:
          type: array
          items: ShopWidget
        types:
          ShopWidget:
            kind: object
            properties:
              - name: ID
                type: integer-string
        """;

    [Fact]
    public void A_filter_of_any_values_gets_the_fast_walk_and_compiles_without_a_warning()
    {
        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.widget.list.yaml", Spec));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var source = result.GeneratedSources.Single(s => s.HintName.EndsWith("ShopWidgetList.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("static r => r.Filter ??= new Dictionary<string, JsonNode?>(),", source, System.StringComparison.Ordinal);
        Assert.Contains("ListAllFastAsync(", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_of_any_values_is_not_a_fast_walk_order()
    {
        var (result, _) = GeneratorRunner.Run(("/app/specs/shop.widget.list.yaml", Spec.Replace("""
              - name: order
                type: map
                values: string
            """, """
              - name: order
                type: map
                values: any
            """, System.StringComparison.Ordinal)));

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("B24026", problem.Id);
        Assert.Contains("fastPaging order", problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
