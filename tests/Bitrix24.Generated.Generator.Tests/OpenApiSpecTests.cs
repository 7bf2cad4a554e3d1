using System.IO;
using System.Linq;
using Bitrix24.Generated.Generator.Tests.Infrastructure;
using Bitrix24.Generated.Tests;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generated.Generator.Tests;

/// <summary>
/// The specs the importer writes from an OpenAPI document (its approved test output) generate a client that compiles
/// without a warning, typed filters, selects and the walk over every page included.
/// </summary>
public class OpenApiSpecTests
{
    [Fact]
    public void Specs_imported_from_an_openapi_document_compile_without_a_warning()
    {
        var folder = Path.Combine(Repository.Root, "tests", "Bitrix24.SpecImporter.Tests", "OpenApi", "Approved");
        var specs = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => ("/app/specs/" + Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray();

        var (result, output) = GeneratorRunner.Run(specs);

        Assert.NotEmpty(specs);
        Assert.Empty(result.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetDtoFields"));
        var gadgets = output.GetTypeByMetadataName("Bitrix24.Generated.Shop.ShopGadgetApi")!;
        Assert.NotEmpty(gadgets.GetMembers("ListAllAsync"));
    }
}
