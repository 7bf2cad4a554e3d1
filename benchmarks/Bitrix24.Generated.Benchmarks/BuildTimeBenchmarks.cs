using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// What the package adds to a consumer's build: <c>dotnet build --no-restore</c> of a tiny console project with
/// <c>Bitrix24Scopes=calendar</c>, and with <c>Bitrix24Scopes=all</c>, against the same project without the package
/// (the baseline). One C# file is
/// touched before each build, so that the compiler really runs, generator included, as after an edit.
/// </summary>
/// <remarks>
/// The package is laid out in a temporary folder from this repository's build output, as <c>dotnet pack</c>
/// lays it out (build files, analyzers, lib, specs), so that a run measures the generator as it is now without
/// packing it or putting a locally built version into the machine's NuGet cache.
/// </remarks>
[WarmupCount(2)]
[IterationCount(15)]
[InvocationCount(1)]
public class BuildTimeBenchmarks
{
    // The same program in both projects: the generated client is compiled whether it is used or not.
    private const string Program = """
        Console.WriteLine("Hello from a consumer of Bitrix24.Generated.");
        """;

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "bitrix24-build-time-" + Environment.ProcessId);

    private string _plain = null!;
    private string _withPackage = null!;
    private string _withAllScopes = null!;

    // Each benchmark runs in a process of its own, so each lays out only the project it builds.
    [GlobalSetup(Target = nameof(Plain))]
    public void SetupPlain()
    {
        _plain = CreateProject("Plain", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        FirstBuild(_plain);
    }

    [GlobalSetup(Target = nameof(WithPackage))]
    public void SetupWithPackage() => _withPackage = SetUpConsumer("WithPackage", "calendar");

    [GlobalSetup(Target = nameof(WithAllScopes))]
    public void SetupWithAllScopes() => _withAllScopes = SetUpConsumer("WithAllScopes", "all");

    private static string SetUpConsumer(string name, string scopes)
    {
        var package = LayOutPackage(Path.Combine(Root, "package"));

        // NuGet imports a package's build/*.props before the project and its build/*.targets after it; the
        // runtime's one dependency comes as the package's dependency would.
        var project = CreateProject(name, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{package}/build/Bitrix24.Generated.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <Bitrix24Scopes>{scopes}</Bitrix24Scopes>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{package}/lib/net8.0/Bitrix24.Generated.Runtime.dll" />
                <Analyzer Include="{package}/analyzers/dotnet/cs/*.dll" />
                <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />
              </ItemGroup>
              <Import Project="{package}/build/Bitrix24.Generated.targets" />
            </Project>
            """);
        FirstBuild(project);
        if (!DefinesType(project, "Bitrix24.Generated", "Bitrix24Client"))
        {
            throw new InvalidOperationException("The project with the package built without the generated client: the generator did not run.");
        }

        return project;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temporary directory anyway.
        }
    }

    [IterationSetup(Target = nameof(Plain))]
    public void TouchPlain() => Touch(_plain);

    [IterationSetup(Target = nameof(WithPackage))]
    public void TouchWithPackage() => Touch(_withPackage);

    [Benchmark(Baseline = true)]
    public void Plain() => DotNet(_plain, "build", "--no-restore", "-nologo", "-v:q");

    [IterationSetup(Target = nameof(WithAllScopes))]
    public void TouchWithAllScopes() => Touch(_withAllScopes);

    [Benchmark]
    public void WithPackage() => DotNet(_withPackage, "build", "--no-restore", "-nologo", "-v:q");

    /// <summary>The same consumer with every shipped scope: what <c>Bitrix24Scopes=all</c> costs each build.</summary>
    [Benchmark]
    public void WithAllScopes() => DotNet(_withAllScopes, "build", "--no-restore", "-nologo", "-v:q");

    private static void Touch(string project) => File.SetLastWriteTimeUtc(Path.Combine(project, "Program.cs"), DateTime.UtcNow);

    // Restore and a first build, untimed: the timed builds are the ones after an edit.
    private static void FirstBuild(string project)
    {
        var watch = Stopwatch.StartNew();
        DotNet(project, "build", "-nologo");
        Console.WriteLine($"// First build of {Path.GetFileName(project)}, restore included: {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static string CreateProject(string name, string projectFile)
    {
        var directory = Path.Combine(Root, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), projectFile);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        return directory;
    }

    /// <summary>The package's folders: build files, the generator and its dependency as analyzers, the runtime, the specs.</summary>
    private static string LayOutPackage(string package)
    {
        if (Directory.Exists(package))
        {
            Directory.Delete(package, recursive: true);
        }

        var build = Directory.CreateDirectory(Path.Combine(package, "build")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "generator", "build")))
        {
            File.Copy(file, Path.Combine(build, Path.GetFileName(file)));
        }

        // The same list packing asks the generator project for: its dll, the spec core and YamlDotNet.
        var analyzers = Directory.CreateDirectory(Path.Combine(package, "analyzers", "dotnet", "cs")).FullName;
        foreach (var file in GeneratorFiles())
        {
            File.Copy(file, Path.Combine(analyzers, Path.GetFileName(file)));
        }

        var lib = Directory.CreateDirectory(Path.Combine(package, "lib", "net8.0")).FullName;
        File.Copy(typeof(Bitrix24Connection).Assembly.Location, Path.Combine(lib, "Bitrix24.Generated.Runtime.dll"));

        var specs = Path.Combine(Repository.Root, "specs");
        foreach (var scope in Directory.GetDirectories(specs))
        {
            var target = Directory.CreateDirectory(Path.Combine(package, "specs", Path.GetFileName(scope))).FullName;
            foreach (var spec in Directory.GetFiles(scope, "*.yaml"))
            {
                File.Copy(spec, Path.Combine(target, Path.GetFileName(spec)));
            }
        }

        return package.Replace('\\', '/');
    }

    private static IEnumerable<string> GeneratorFiles()
    {
        var project = Path.Combine(Repository.Root, "generator", "Bitrix24.Generated.Generator.csproj");
        var output = DotNet(Repository.Root, "msbuild", project, "-nologo", "-getTargetResult:GetTargetPath", "-p:Configuration=Release");
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("TargetResults").GetProperty("GetTargetPath").GetProperty("Items")
            .EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .ToList();
        var missing = files.FirstOrDefault(file => !File.Exists(file));
        if (files.Count == 0 || missing is not null)
        {
            throw new InvalidOperationException("The generator is not built in Release (missing: " + missing + "); build the benchmarks in Release first.");
        }

        return files;
    }

    private static bool DefinesType(string project, string @namespace, string name)
    {
        var assembly = Directory.GetFiles(Path.Combine(project, "bin"), Path.GetFileName(project) + ".dll", SearchOption.AllDirectories).Single();
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Any(type => metadata.GetString(type.Name) == name && metadata.GetString(type.Namespace) == @namespace);
    }

    /// <summary>Runs the dotnet CLI as a user would, without the MSBuild settings of the process that started this one.</summary>
    private static string DotNet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            // A machine-wide UseSharedCompilation=false (common on CI) would start a fresh compiler for every build,
            // which is not what a developer's edit-build loop runs.
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
                || name.Equals("UseSharedCompilation", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (errors) { errors.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " took longer than 5 minutes.");
        }

        // The parameterless wait also waits for the last of the redirected output.
        process.WaitForExit();
        var text = output.ToString();
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{text}{errors}");
    }
}
