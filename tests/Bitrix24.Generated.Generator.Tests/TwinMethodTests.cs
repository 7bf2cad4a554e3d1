using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// A method served by both versions of the API (<c>tasks.task.add</c>) has a spec per version: the classic one keeps
/// its place in the client, the REST 3.0 one is placed under <c>V3</c> with its own request and error types.
/// </summary>
public class TwinMethodTests
{
    private const string Classic = """
        method: shop.gadget.add
        scope: shop
        summary: Adds a gadget the classic way.
        params:
          - name: fields
            type: map
            values: any
        result:
          type: integer
        """;

    private const string Rest3 = """
        method: shop.gadget.add
        scope: shop
        api: v3
        summary: Adds a gadget through REST 3.0.
        params:
          - name: fields
            type: ShopGadgetV3AddFields
            required: true
        result:
          type: ShopGadgetV3AddResult
        types:
          ShopGadgetV3AddFields:
            kind: object
            properties:
              - name: title
                type: string
                required: true
          ShopGadgetV3AddResult:
            kind: object
            properties:
              - name: item
                type: any
        """;

    private const string Use = """
        using System.Threading.Tasks;
        using Bitrix24.Generated;
        using Bitrix24.Generated.Shop;

        /// <summary>Calls both.</summary>
        public static class Caller
        {
            /// <summary>Calls both.</summary>
            /// <param name="client">The client.</param>
            /// <returns>Something of both.</returns>
            public static async Task<int> CallBothAsync(Bitrix24Client client)
            {
                var classic = await client.Shop.Gadget.AddAsync(new ShopGadgetAddRequest());
                var rest3 = await client.Shop.Gadget.V3.AddAsync(new ShopGadgetV3AddFields { Title = "x" });
                return classic.Value + (rest3.Value.Item is null ? 0 : 1);
            }
        }
        """;

    [Fact]
    public void Both_versions_generate_side_by_side_and_each_names_its_own_api()
    {
        var (result, output) = GeneratorRunner.Run(("/app/specs/shop.gadget.add.yaml", Classic), ("/app/specs/shop.gadget.add.v3.yaml", Rest3));

        Assert.Empty(result.Diagnostics);
        var compiled = output.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Use, GeneratorRunner.ParseOptions));
        Assert.Empty(compiled.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetAddRequest"));
        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetV3AddRequest"));
        var v3 = output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetV3Api")!;
        var source = v3.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree.ToString()).Single(text => text.Contains("s_add", System.StringComparison.Ordinal));
        // Both call the same method on the wire, each at its own address.
        Assert.Contains("\"shop.gadget.add\"", source, System.StringComparison.Ordinal);
        Assert.Contains("api: Bitrix24ApiVersion.Rest3", source, System.StringComparison.Ordinal);
        var classic = output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetApi")!;
        var classicSource = classic.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree.ToString()).Single(text => text.Contains("s_add", System.StringComparison.Ordinal));
        Assert.DoesNotContain("Rest3", classicSource, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_specs_of_one_method_and_version_still_clash()
    {
        var (result, _) = GeneratorRunner.Run(("/app/specs/a.yaml", Rest3), ("/app/specs/b.yaml", Rest3.Replace("ShopGadgetV3", "Other", System.StringComparison.Ordinal)));

        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "B24009");
    }
}
