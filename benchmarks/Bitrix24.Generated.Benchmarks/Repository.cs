using System;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// The repository the benchmarks run from. The specs and the build files are read from there rather than
/// copied into the benchmarks, so that a run always measures the specs and generator as they are now.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every shipped spec, a folder per scope.</summary>
    public static string AllSpecs => Path.Combine(Root, "specs");

    /// <summary>The shipped calendar specs.</summary>
    public static string CalendarSpecs => Path.Combine(Root, "specs", "calendar");

    /// <summary>
    /// The response of a spec's documented example, e.g. the answer the portal gives to <c>calendar.user.settings.get</c>.
    /// </summary>
    public static string ExampleResponse(string method, string example)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(CalendarSpecs, method + ".yaml")))
        {
            yaml.Load(reader);
        }

        var examples = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["examples"];
        var found = examples.Children.Cast<YamlMappingNode>()
            .SingleOrDefault(node => ((YamlScalarNode)node["name"]).Value == example)
            ?? throw new InvalidOperationException($"The spec of {method} has no example named '{example}'.");
        return ((YamlScalarNode)found["response"]).Value!;
    }

    // BenchmarkDotNet runs each benchmark from a project it generates below this project's bin folder, so the
    // repository is found by walking up from wherever the process runs.
    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Bitrix24.Generated.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("The benchmarks read the specs from the repository; run them from inside it.");
    }
}
