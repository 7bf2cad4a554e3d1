using System;
using System.IO;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrix24.Generated.Generator.Analysis;

/// <summary>What the generator and the analyzer agree on: which AdditionalFiles are specs, and the root namespace.</summary>
internal static class SpecFiles
{
    public const string DefaultRootNamespace = "Bitrix24.Generated";

    public static bool IsSpec(string path)
    {
        var extension = Path.GetExtension(path);
        return string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase) ||
               string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase);
    }

    public static string RootNamespace(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.Bitrix24RootNamespace", out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : DefaultRootNamespace;
}
