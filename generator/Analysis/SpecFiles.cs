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

    /// <summary>
    /// The folder of the package's shipped specs (<c>Bitrix24ShippedSpecsFolder</c>), normalized, or null: a spec
    /// under it is shipped, and a project's own spec of the same method replaces it.
    /// </summary>
    public static string? ShippedFolder(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.Bitrix24ShippedSpecsFolder", out var value) && !string.IsNullOrWhiteSpace(value)
            ? Normalize(value.Trim()).TrimEnd('/') + "/"
            : null;

    /// <summary>Whether a spec file is under the shipped folder.</summary>
    public static bool IsShipped(string path, string? shippedFolder) =>
        shippedFolder is not null && Normalize(path).StartsWith(shippedFolder, StringComparison.Ordinal);

    // Forward slashes and no "." or ".." segments: MSBuild hands paths over as written (tests/x/../../specs/a.yaml).
    private static string Normalize(string path)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 1)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != "." && (part.Length > 0 || parts.Count == 0))
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }

    public static string RootNamespace(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.Bitrix24RootNamespace", out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : DefaultRootNamespace;
}
