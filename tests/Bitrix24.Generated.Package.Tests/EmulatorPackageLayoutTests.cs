using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Bitrix24.Generated.Package.Tests;

/// <summary>
/// The emulator's packages hold what a test project and a command need: the library with the spec core and the
/// shipped specs, a compile surface of the emulator alone, and the tool with everything it runs on.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public class EmulatorPackageLayoutTests
{
    private readonly PackageFixture _package;

    public EmulatorPackageLayoutTests(PackageFixture package) => _package = package;

    [Fact]
    public void The_library_package_holds_the_emulator_and_the_spec_core_and_compiles_against_the_emulator_alone()
    {
        using var archive = ZipFile.OpenRead(_package.EmulatorPackagePath);

        Assert.Equal(
            new[]
            {
                "Bitrix24.Generated.Emulator.nuspec",
                "README.md",
                "[Content_Types].xml",
                "_rels/.rels",
                "lib/net10.0/Bitrix24.Emulator.dll",
                "lib/net10.0/Bitrix24.Emulator.xml",
                "lib/net10.0/Bitrix24.Generated.Specs.dll",
                "package/services/metadata/core-properties/*.psmdcp",
                // The spec core stays out of ref/: its types never meet the generated client's.
                "ref/net10.0/Bitrix24.Emulator.dll",
                "ref/net10.0/Bitrix24.Emulator.xml",
            }.Order(StringComparer.Ordinal),
            PackageLayoutTests.Files(archive));
        Assert.Contains("portal.CreateClient()", Read(archive, "README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_emulator_embeds_every_shipped_spec_and_its_reference_assembly_none()
    {
        using var archive = ZipFile.OpenRead(_package.EmulatorPackagePath);

        Assert.Equal(PackageLayoutTests.ShippedSpecs().Order(StringComparer.Ordinal), Resources(archive, "lib/net10.0/Bitrix24.Emulator.dll"));
        Assert.Empty(Resources(archive, "ref/net10.0/Bitrix24.Emulator.dll"));
    }

    [Fact]
    public void The_library_manifest_names_the_readme_the_web_framework_and_YamlDotNet_at_run_time_only()
    {
        using var archive = ZipFile.OpenRead(_package.EmulatorPackagePath);
        var metadata = Metadata(archive, "Bitrix24.Generated.Emulator.nuspec");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("Bitrix24.Generated.Emulator", Value("id"));
        Assert.Equal(PackageFixture.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        var dependency = Assert.Single(metadata.Descendants(), e => e.Name.LocalName == "dependency");
        Assert.Equal("YamlDotNet", dependency.Attribute("id")!.Value);
        Assert.Contains("Compile", dependency.Attribute("exclude")!.Value.Split(','));
        var framework = Assert.Single(metadata.Descendants(), e => e.Name.LocalName == "frameworkReference");
        Assert.Equal("Microsoft.AspNetCore.App", framework.Attribute("name")!.Value);
    }

    [Fact]
    public void The_symbols_of_the_emulator_and_the_spec_core_go_to_the_symbol_package()
    {
        using var archive = ZipFile.OpenRead(_package.EmulatorPackagePath.Replace(".nupkg", ".snupkg", StringComparison.Ordinal));

        Assert.Equal(
            new[]
            {
                "Bitrix24.Generated.Emulator.nuspec",
                "[Content_Types].xml",
                "_rels/.rels",
                "lib/net10.0/Bitrix24.Emulator.pdb",
                "lib/net10.0/Bitrix24.Generated.Specs.pdb",
                "package/services/metadata/core-properties/*.psmdcp",
            },
            PackageLayoutTests.Files(archive));
    }

    [Fact]
    public void The_tool_package_holds_the_command_and_everything_it_runs_on()
    {
        using var archive = ZipFile.OpenRead(_package.ToolPackagePath);

        Assert.Equal(
            new[]
            {
                "Bitrix24.Generated.Emulator.Tool.nuspec",
                "README.md",
                "[Content_Types].xml",
                "_rels/.rels",
                "package/services/metadata/core-properties/*.psmdcp",
                "tools/net10.0/any/Bitrix24.Emulator.Tool.deps.json",
                "tools/net10.0/any/Bitrix24.Emulator.Tool.dll",
                "tools/net10.0/any/Bitrix24.Emulator.Tool.pdb",
                "tools/net10.0/any/Bitrix24.Emulator.Tool.runtimeconfig.json",
                "tools/net10.0/any/Bitrix24.Emulator.dll",
                "tools/net10.0/any/Bitrix24.Emulator.pdb",
                "tools/net10.0/any/Bitrix24.Generated.Specs.dll",
                "tools/net10.0/any/Bitrix24.Generated.Specs.pdb",
                "tools/net10.0/any/DotnetToolSettings.xml",
                "tools/net10.0/any/YamlDotNet.dll",
            }.Order(StringComparer.Ordinal),
            PackageLayoutTests.Files(archive));
        var metadata = Metadata(archive, "Bitrix24.Generated.Emulator.Tool.nuspec");
        Assert.Equal("DotnetTool", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        Assert.Contains("Command Name=\"bitrix24-emulator\"", Read(archive, "tools/net10.0/any/DotnetToolSettings.xml"), StringComparison.Ordinal);
    }

    private static string Read(ZipArchive archive, string path)
    {
        using var reader = new StreamReader(archive.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }

    private static XElement Metadata(ZipArchive archive, string nuspec)
    {
        using var stream = archive.GetEntry(nuspec)!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    // The names of an assembly's embedded resources, read from its metadata without loading it.
    private static string[] Resources(ZipArchive archive, string path)
    {
        using var copy = new MemoryStream();
        using (var entry = archive.GetEntry(path)!.Open())
        {
            entry.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        var reader = pe.GetMetadataReader();
        return reader.ManifestResources.Select(handle => reader.GetString(reader.GetManifestResource(handle).Name)).Order(StringComparer.Ordinal).ToArray();
    }
}
