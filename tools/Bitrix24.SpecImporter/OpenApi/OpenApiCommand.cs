using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;

namespace Bitrix24.SpecImporter.OpenApi;

/// <summary>
/// The <c>openapi</c> command: imports the OpenAPI document a portal's <c>rest.documentation.openapi</c> answers
/// (a file, or <c>-</c> for standard input) as REST 3.0 specs in a folder, with <c>OPENAPI-REPORT.md</c> listing what
/// the specs do not hold. Specs there that another import or a person wrote are left alone.
/// </summary>
/// <param name="Document">The document's file, or <c>-</c>.</param>
/// <param name="Out">The specs folder.</param>
/// <param name="ScopeFromTags">Whether an operation's first tag is its scope when the document names none.</param>
internal sealed record OpenApiCommand(string Document, string Out, bool ScopeFromTags)
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "openapi";

    /// <summary>The name of the report in the specs folder.</summary>
    public const string ReportFile = "OPENAPI-REPORT.md";

    /// <summary>Reads the arguments, or null when they do not make the command.</summary>
    public static OpenApiCommand? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != Name)
        {
            return null;
        }

        string? output = null;
        var tags = false;
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--scope-from-tags":
                    tags = true;
                    break;
                default:
                    return null;
            }
        }

        return output is null ? null : new OpenApiCommand(args[1], output, tags);
    }

    /// <summary>Runs the import; 0 when it wrote the specs, 1 when the document cannot be read or imported (then nothing is written).</summary>
    public int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var source = Document == "-" ? "standard input" : Document;
        string text;
        try
        {
            text = Document == "-" ? input.ReadToEnd() : File.ReadAllText(Document);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read '{source}': {exception.Message}");
            return 1;
        }

        OpenApiImport result;
        try
        {
            result = OpenApiImporter.Import(OpenApiDocument.Parse(text), ScopeFromTags);
        }
        catch (OpenApiException exception)
        {
            error.WriteLine($"error: {source}: {exception.JsonPath}: {exception.Message}");
            return 1;
        }

        var warnings = result.Warnings.ToList();
        var written = 0;
        foreach (var (file, spec) in result.Files)
        {
            var path = Path.Combine(Out, file);
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path);
                if (!existing.StartsWith(OpenApiImporter.Marker, StringComparison.Ordinal))
                {
                    warnings.Add(new OpenApiWarning("$", $"{file} was not written by this import (by hand or from the docs); it is left alone"));
                    continue;
                }

                if (existing == spec)
                {
                    continue;
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, spec);
            written++;
        }

        var report = result with { Warnings = warnings };
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, ReportFile), report.Report(Document == "-" ? "-" : Path.GetFileName(Document)));
        foreach (var warning in warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        output.WriteLine($"{result.Files.Count} specs from {result.Paths} paths; {written} files written, {warnings.Count} things not kept (see {Path.Combine(Out, ReportFile)}).");
        return 0;
    }
}
