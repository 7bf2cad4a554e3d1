using System;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Bitrix24.Generated.Package.Tests;

/// <summary>The package holds exactly what a user needs, where NuGet and the compiler look for it.</summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public class PackageLayoutTests
{
    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package) => _package = package;

    [Fact]
    public void The_package_holds_exactly_the_runtime_the_generator_the_build_files_and_the_shipped_specs()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);

        var files = Files(archive);

        var expected = new[]
        {
            "Bitrix24.Generated.nuspec",
            "README.md",
            "[Content_Types].xml",
            "_rels/.rels",
            "analyzers/dotnet/cs/Bitrix24.Generated.Generator.dll",
            "analyzers/dotnet/cs/Bitrix24.Generated.Specs.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/Bitrix24.Generated.props",
            "build/Bitrix24.Generated.targets",
            "lib/net8.0/Bitrix24.Generated.Runtime.dll",
            "lib/net8.0/Bitrix24.Generated.Runtime.xml",
            "package/services/metadata/core-properties/*.psmdcp",
        }.Concat(ShippedSpecs()).Append("specs/spec.schema.json").Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
        Assert.Equal(21, ShippedSpecs().Count(path => path.StartsWith("specs/calendar/", StringComparison.Ordinal) && !path.StartsWith("specs/calendar/events/", StringComparison.Ordinal)));
        Assert.Equal(6, ShippedSpecs().Count(path => path.StartsWith("specs/calendar/events/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_manifest_names_the_license_readme_repository_and_only_the_runtime_dependencies()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        using var stream = archive.GetEntry("Bitrix24.Generated.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("Bitrix24.Generated", Value("id"));
        Assert.Equal(PackageFixture.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value);
        Assert.Equal(new[] { "Microsoft.Extensions.Http", "Polly.Core", "System.Threading.RateLimiting" }, dependencies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Symbols_go_to_their_own_package()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath.Replace(".nupkg", ".snupkg", StringComparison.Ordinal));

        Assert.Equal(
            new[]
            {
                "Bitrix24.Generated.nuspec",
                "[Content_Types].xml",
                "_rels/.rels",
                "lib/net8.0/Bitrix24.Generated.Runtime.pdb",
                "package/services/metadata/core-properties/*.psmdcp",
            },
            Files(archive));
    }

    internal static string[] Files(ZipArchive archive) => archive.Entries
        .Select(entry => entry.FullName)
        // NuGet names this part after a random id.
        .Select(name => name.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) ? "package/services/metadata/core-properties/*.psmdcp" : name)
        .Order(StringComparer.Ordinal)
        .ToArray();

    internal static string[] ShippedSpecs() =>
        System.IO.Directory.GetFiles(System.IO.Path.Combine(Repository.Root, "specs"), "*.yaml", System.IO.SearchOption.AllDirectories)
            .Select(path => "specs/" + System.IO.Path.GetRelativePath(System.IO.Path.Combine(Repository.Root, "specs"), path).Replace('\\', '/'))
            .ToArray();
}
