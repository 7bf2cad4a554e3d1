using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Corrections;

namespace Bitrix24.SpecImporter.Import;

/// <summary>The <c>import</c> command: its arguments, and the files it writes or checks.</summary>
/// <param name="Docs">The docs folder, the one holding <c>api-reference/</c>.</param>
/// <param name="Out">The specs folder.</param>
/// <param name="Methods">The methods to import; empty for all.</param>
/// <param name="CheckOnly">Whether to compare with the specs folder instead of writing.</param>
/// <param name="Corrections">The folder of correction files (<c>corrections/&lt;scope&gt;.yaml</c>), or null.</param>
internal sealed record ImportCommand(string Docs, string Out, IReadOnlyList<string> Methods, bool CheckOnly, string? Corrections = null)
{
    /// <summary>The name of the report in the specs folder.</summary>
    public const string ReportFile = "IMPORT-REPORT.md";

    /// <summary>Reads the arguments, or null when they do not make a command.</summary>
    public static ImportCommand? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != "import")
        {
            return null;
        }

        var docs = args[1];
        var output = "specs";
        var methods = new List<string>();
        var check = false;
        string? corrections = null;
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--method" when i + 1 < args.Count:
                    methods.Add(args[++i]);
                    break;
                case "--corrections" when i + 1 < args.Count:
                    corrections = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    return null;
            }
        }

        return new ImportCommand(docs, output, methods, check, corrections);
    }

    /// <summary>
    /// Runs the import; 0 on success, 1 when a check finds differences, a method is not found, or a correction file
    /// has an error or a correction does not apply (then nothing is written).
    /// </summary>
    public int Run(TextWriter output, TextWriter error)
    {
        var reference = Path.Combine(Docs, "api-reference");
        if (!Directory.Exists(reference))
        {
            error.WriteLine($"'{Docs}' has no api-reference folder; give the folder of the documentation.");
            return 2;
        }

        var pages = Directory.EnumerateFiles(reference, "*.md", SearchOption.AllDirectories).Where(IsMethodCandidate);
        var existing = SpecFiles(Out);
        var keep = existing.Where(file => !file.Value.StartsWith(DocsImporter.Marker, StringComparison.Ordinal))
            .Select(file => (file.Key, file.Value, Method: SpecDocument.Read(file.Key, file.Value).Method?.Name))
            .Where(file => file.Method is not null)
            .GroupBy(file => file.Method!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => (group.First().Key, group.First().Value), StringComparer.OrdinalIgnoreCase);
        var wanted = Methods.Count == 0 ? null : new HashSet<string>(Methods, StringComparer.OrdinalIgnoreCase);
        var corrections = Corrections is null ? CorrectionSet.Empty : CorrectionSet.FromFolder(Corrections);
        var pageSet = PageSet.FromFolder(Docs);
        var result = new DocsImporter(pageSet).Import(pages, keep, wanted is null ? null : wanted.Contains, corrections);
        if (result.Errors.Count > 0)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem);
            }

            error.WriteLine($"{result.Errors.Count} correction error(s); nothing was written.");
            return 1;
        }

        var files = new Dictionary<string, string>(result.Files, StringComparer.Ordinal);
        if (wanted is null)
        {
            // Every documented event, outdated ones too, beside the methods.
            var (events, eventOutcomes) = Events.EventImporter.Import(pageSet, Directory.EnumerateFiles(reference, "*.md", SearchOption.AllDirectories),
                result.Files.Concat(keep.Values.Select(kept => new KeyValuePair<string, string>(kept.Key, kept.Value))).ToDictionary(StringComparer.Ordinal));
            foreach (var (file, text) in events)
            {
                files[file] = text;
            }

            files[ReportFile] = ImportReport.Write(result.Outcomes, result.Refinements) + Events.EventReport.Write(eventOutcomes);
        }
        else if (wanted.FirstOrDefault(method => !result.Outcomes.Any(outcome => string.Equals(outcome.Method, method, StringComparison.OrdinalIgnoreCase))) is { } missing)
        {
            error.WriteLine($"No page documents '{missing}'.");
            return 1;
        }

        // A full import also removes the imported specs whose page no longer yields one.
        var stale = wanted is null
            ? existing.Where(file => file.Value.StartsWith(DocsImporter.Marker, StringComparison.Ordinal) && !files.ContainsKey(file.Key)).Select(file => file.Key).ToList()
            : [];
        var changed = files.Where(file => !existing.TryGetValue(file.Key, out var text) || text != file.Value).Select(file => file.Key).ToList();
        if (CheckOnly)
        {
            foreach (var file in changed.Concat(stale).OrderBy(file => file, StringComparer.Ordinal))
            {
                error.WriteLine($"{Path.Combine(Out, file)}: differs from what the import writes");
            }

            output.WriteLine($"{files.Count} files checked, {changed.Count + stale.Count} differ.");
            return changed.Count + stale.Count == 0 ? 0 : 1;
        }

        foreach (var file in changed)
        {
            var path = Path.Combine(Out, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, files[file]);
        }

        foreach (var file in stale)
        {
            File.Delete(Path.Combine(Out, file));
        }

        var methods = result.Outcomes.Count(outcome => outcome.IsMethod);
        output.WriteLine($"{result.Files.Count} specs imported from {methods} method pages; {changed.Count} files written, {stale.Count} removed.");
        return 0;
    }

    // Pages that may document a method: not the outdated ones, not shared fragments, not folder overviews.
    private static bool IsMethodCandidate(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return !parts.Contains("outdated") && !parts.Contains("_includes") && Path.GetFileName(path) is not ("index.md" or "data-types.md");
    }

    // The spec files under the specs folder, by path relative to it with '/' separators.
    private static Dictionary<string, string> SpecFiles(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(folder, path).Replace('\\', '/')] = File.ReadAllText(path);
        }

        var report = Path.Combine(folder, ReportFile);
        if (File.Exists(report))
        {
            files[ReportFile] = File.ReadAllText(report);
        }

        return files;
    }
}
