using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Package.Tests;

/// <summary>
/// Packs the packages once into a folder feed (the client, the emulator and the emulator's tool), and makes a place
/// outside the repository for user projects: a nuget.config that knows only that feed and the packages already on
/// the machine, and a package folder of its own, so nothing is fetched from the network and no earlier build's
/// package is reused.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string Version = "0.0.1-test";

    // The configuration these tests were built in, which the packages are packed from.
    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public string Workspace { get; } = Directory.CreateTempSubdirectory("b24-package-").FullName;

    public string Feed => Path.Combine(Workspace, "feed");

    public string PackagePath => Path.Combine(Feed, "Bitrix24.Generated." + Version + ".nupkg");

    public string EmulatorPackagePath => Path.Combine(Feed, "Bitrix24.Generated.Emulator." + Version + ".nupkg");

    public string ToolPackagePath => Path.Combine(Feed, "Bitrix24.Generated.Emulator.Tool." + Version + ".nupkg");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Workspace, "packages"),
    };

    public async Task InitializeAsync()
    {
        foreach (var project in new[]
        {
            Path.Combine("runtime", "Bitrix24.Generated.Runtime.csproj"),
            Path.Combine("emulator", "Bitrix24.Emulator.csproj"),
            Path.Combine("tools", "Bitrix24.Emulator.Tool", "Bitrix24.Emulator.Tool.csproj"),
        })
        {
            var (exitCode, output) = await DotNet.RunAsync(
                Repository.Root,
                null,
                "pack", project, "--no-build", "-c", Configuration, "-o", Feed, "-p:PackageVersion=" + Version, "--disable-build-servers");
            if (exitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack " + project + " failed:\n" + output);
            }
        }

        var machinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="package-under-test" value="{Feed}" />
                <add key="machine-packages" value="{machinePackages}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Writes a project folder under the workspace: a file per entry, paths relative to the folder.</summary>
    public string CreateProject(string name, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Workspace, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    /// <summary>A console project that references the package under test and nothing else, warnings as errors.</summary>
    public static string ProjectFile(string extraProperties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net{System.Environment.Version.Major}.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Bitrix24.Generated" Version="{Version}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// The version the repository's own projects use of a package (Directory.Packages.props), which is therefore on
    /// the machine: xUnit and the test SDK for a user's test project.
    /// </summary>
    public static string RepositoryPackageVersion(string id) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == id)
            .Attribute("Version")!.Value;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is cleaned up by the system later.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The tests that share one packed package; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}
