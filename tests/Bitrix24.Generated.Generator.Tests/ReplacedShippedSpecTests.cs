using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>A project's own spec of a method the package ships: the project's wins, the shipped spec's types stay.</summary>
public class ReplacedShippedSpecTests
{
    private const string ShippedGet = """
        method: shop.widget.get
        scope: shop
        summary: Reads a widget.
        result:
          type: ShopWidget
        types:
          ShopWidget:
            kind: object
            properties:
              - name: ID
                type: integer
        """;

    // Another shipped spec that uses the type the replaced one declares.
    private const string ShippedList = """
        method: shop.widget.list
        scope: shop
        summary: Lists widgets.
        result:
          type: array
          items: ShopWidget
        """;

    private const string OwnGet = """
        method: shop.widget.get
        scope: shop
        summary: Reads a widget as it comes.
        result:
          type: any
        """;

    [Fact]
    public void The_project_s_spec_is_generated_with_an_info_and_the_shipped_types_stay()
    {
        var (result, output) = GeneratorRunner.Run(
            [
                new SpecText("/pkg/specs/shop/shop.widget.get.yaml", ShippedGet),
                new SpecText("/pkg/specs/shop/shop.widget.list.yaml", ShippedList),
                new SpecText("/app/specs/shop.widget.get.yaml", OwnGet),
            ],
            shippedFolder: "/pkg/tools/../specs/");

        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("B24041", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal("/app/specs/shop.widget.get.yaml", info.Location.GetLineSpan().Path);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

        var get = output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopWidgetApi")!.GetMembers("GetAsync").OfType<IMethodSymbol>().First();
        Assert.Equal("System.Threading.Tasks.Task<Bitrix24.Generated.Bitrix24Response<System.Text.Json.Nodes.JsonNode?>>", get.ReturnType.ToDisplayString());
        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopWidget"));
    }

    [Fact]
    public void Two_specs_of_one_method_outside_the_shipped_folder_still_clash()
    {
        var (result, _) = GeneratorRunner.Run(
            [
                new SpecText("/pkg/specs/shop/shop.widget.get.yaml", ShippedGet),
                new SpecText("/app/specs/shop.widget.get.yaml", OwnGet),
            ]);

        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "B24009");
    }
}
