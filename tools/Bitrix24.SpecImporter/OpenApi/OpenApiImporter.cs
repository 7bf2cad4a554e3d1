using System.Collections.Generic;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Writing;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// Imports every path of an OpenAPI document as a REST 3.0 spec (<c>scope/method.yaml</c>), written as the docs
/// import writes its specs. The specs are checked as the analyzer would; one it rejects is left out with a warning.
/// </summary>
internal static class OpenApiImporter
{
    /// <summary>The first line of every spec this import writes: it rewrites such files and leaves others alone.</summary>
    public const string Marker = "# Imported by bitrix24-spec from an OpenAPI document; import it again rather than edit this file.";

    /// <summary>Imports a document; a broken <c>$ref</c> is an <see cref="OpenApiException"/>.</summary>
    public static OpenApiImport Import(OpenApiDocument document, bool scopeFromTags)
    {
        var warnings = new OpenApiWarnings();
        var schemas = new SchemaMapper(document.Refs, warnings);
        var operations = new OperationMapper(document, schemas, scopeFromTags, warnings);
        var specs = new Dictionary<string, (string File, string Text, string Path)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, item) in document.OrderedPaths())
        {
            operations.Survey(item);
        }

        foreach (var (path, item) in document.OrderedPaths())
        {
            if (operations.Map(path, item) is not { } method)
            {
                continue;
            }

            if (specs.TryGetValue(method.Name, out var twin))
            {
                warnings.Add($"$.paths['{path}']", $"'{method.Name}' is described by '{twin.Path}' too; this one is left out");
                continue;
            }

            specs[method.Name] = (method.Scope + "/" + method.Name + ".yaml", Marker + "\n" + SpecYamlWriter.Write(new ImportedSpec(method)), path);
        }

        Check(specs, warnings);
        var files = specs.Values.OrderBy(spec => spec.File, StringComparer.Ordinal).ToDictionary(spec => spec.File, spec => spec.Text, StringComparer.Ordinal);
        return new OpenApiImport(document.Paths.Count, files, warnings);
    }

    // The analyzer's view: a spec with an error is left out, with the error as the warning; its warnings are passed on.
    private static void Check(Dictionary<string, (string File, string Text, string Path)> specs, OpenApiWarnings warnings)
    {
        for (var round = 0; round < 5; round++)
        {
            var set = SpecSet.Read(specs.Values.Select(spec => (spec.File, (string?)spec.Text)));
            var rejected = new List<string>();
            foreach (var (name, spec) in specs)
            {
                var found = set.Diagnostics.Where(diagnostic => diagnostic.Location.FilePath == spec.File).ToList();
                foreach (var diagnostic in found.Where(diagnostic => !diagnostic.IsError))
                {
                    warnings.Add($"$.paths['{spec.Path}']", $"the spec has a warning: {diagnostic.Rule.Id} {diagnostic.Message}");
                }

                if (found.FirstOrDefault(diagnostic => diagnostic.IsError) is { } error)
                {
                    warnings.Add($"$.paths['{spec.Path}']", $"the spec has an error and is left out: {error.Rule.Id} {error.Message}");
                    rejected.Add(name);
                }
            }

            if (rejected.Count == 0)
            {
                return;
            }

            rejected.ForEach(name => specs.Remove(name));
        }
    }
}

/// <summary>What an import of a document gives: how many paths it has, the spec files by path in the specs folder, and what was not kept.</summary>
internal sealed record OpenApiImport(int Paths, IReadOnlyDictionary<string, string> Files, IReadOnlyList<OpenApiWarning> Warnings)
{
    /// <summary>The report: the counts, the specs and every warning.</summary>
    public string Report(string source)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# OpenAPI import\n\n");
        text.Append($"{Files.Count} specs of REST 3.0 from the {Paths} paths of `{source}`.\n");
        text.Append("\n## Specs\n\n");
        foreach (var file in Files.Keys)
        {
            text.Append("- `").Append(file).Append("`\n");
        }

        text.Append("\n## Not kept\n\n");
        if (Warnings.Count == 0)
        {
            text.Append("Nothing: the specs hold all the document states.\n");
        }

        foreach (var warning in Warnings)
        {
            text.Append("- `").Append(warning.JsonPath.Replace("`", "'", StringComparison.Ordinal)).Append("`: ").Append(warning.Message).Append('\n');
        }

        return text.ToString();
    }
}
