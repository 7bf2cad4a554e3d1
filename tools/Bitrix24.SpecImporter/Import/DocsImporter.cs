using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Writing;

namespace Bitrix24.SpecImporter.Import;

/// <summary>
/// Imports the method pages of a docs folder: maps each page, checks the specs as the analyzer would and leaves out
/// those it rejects, and lays out the files as the specs folder holds them (<c>scope/method.yaml</c>).
/// </summary>
internal sealed class DocsImporter
{
    /// <summary>The first line of every imported spec: the importer rewrites such files and leaves others alone.</summary>
    public const string Marker = "# Imported by bitrix24-spec from the page in 'docs'; edit the corrections, not this file.";

    private readonly PageSet _pages;

    public DocsImporter(PageSet pages) => _pages = pages;

    /// <summary>Imports the pages; <paramref name="keep"/> are the specs written by hand, by method name, that an import does not replace.</summary>
    public ImportResult Import(IEnumerable<string> pagePaths, IReadOnlyDictionary<string, (string File, string Text)> keep, Func<string, bool>? methodFilter = null)
    {
        var outcomes = new List<ImportOutcome>();
        var specs = new Dictionary<string, (ImportedSpec Spec, string File, string Text, int Outcome)>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in pagePaths.OrderBy(path => path, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(_pages.Root, path).Replace('\\', '/');
            var scope = relative.Split('/') is { Length: > 2 } parts ? parts[1] : string.Empty;
            if (_pages.Get(path) is not { } page)
            {
                outcomes.Add(new ImportOutcome(relative, scope, null, null, "the page cannot be read"));
                continue;
            }

            var methodPage = MethodPage.From(page.Page, out var reason);
            if (methodPage is null)
            {
                outcomes.Add(new ImportOutcome(relative, scope, null, null, reason));
                continue;
            }

            if (methodFilter is not null && !methodFilter(methodPage.Method))
            {
                continue;
            }

            if (path.EndsWith("-rest-v3.md", StringComparison.Ordinal))
            {
                outcomes.Add(new ImportOutcome(relative, scope, methodPage.Method + " (REST 3.0)", null, "a REST 3.0 page; specs for REST 3.0 calls are not imported yet"));
                continue;
            }

            if (keep.TryGetValue(methodPage.Method, out var own))
            {
                outcomes.Add(new ImportOutcome(relative, scope, methodPage.Method, own.File, null));
                continue;
            }

            if (specs.ContainsKey(methodPage.Method))
            {
                outcomes.Add(new ImportOutcome(relative, scope, methodPage.Method, null, "another page documents the same method: " + specs[methodPage.Method].Spec.Method.Docs));
                continue;
            }

            var notes = new List<string>();
            ImportedSpec spec;
            try
            {
                spec = MethodMapper.Map(methodPage, _pages, notes);
            }
            catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
            {
                outcomes.Add(new ImportOutcome(relative, scope, methodPage.Method, null, "the page cannot be mapped: " + exception.Message));
                continue;
            }

            var file = spec.Method.Scope + "/" + spec.Method.Name + ".yaml";
            var text = Marker + "\n" + SpecYamlWriter.Write(spec);
            var examples = spec.Method.Examples;
            outcomes.Add(new ImportOutcome(
                relative,
                scope,
                spec.Method.Name,
                file,
                null,
                examples.Any(example => example.Request is not null),
                examples.Any(example => example.Status < 300 && example.Response is not null)));
            specs[spec.Method.Name] = (spec, file, text, outcomes.Count - 1);
        }

        Check(specs, keep, outcomes);
        var files = specs.Values.ToDictionary(spec => spec.File, spec => spec.Text, StringComparer.Ordinal);
        return new ImportResult(outcomes, files);
    }

    // The analyzer's view: a spec it reports an error for is left out, with the first error as the reason. Leaving
    // one out can clear another's error (a type declared differently), so this repeats until none is left.
    private static void Check(
        Dictionary<string, (ImportedSpec Spec, string File, string Text, int Outcome)> specs,
        IReadOnlyDictionary<string, (string File, string Text)> keep,
        List<ImportOutcome> outcomes)
    {
        for (var round = 0; round < 5; round++)
        {
            var files = specs.Values.Select(spec => (spec.File, (string?)spec.Text)).Concat(keep.Values.Select(own => (own.File, (string?)own.Text)));
            var set = SpecSet.Read(files);
            var rejected = set.Diagnostics.Where(diagnostic => diagnostic.IsError)
                .GroupBy(diagnostic => diagnostic.Location.FilePath, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            var dropped = specs.Where(spec => rejected.ContainsKey(spec.Value.File)).ToList();
            if (dropped.Count == 0)
            {
                return;
            }

            foreach (var (name, spec) in dropped)
            {
                var diagnostic = rejected[spec.File];
                outcomes[spec.Outcome] = outcomes[spec.Outcome] with { File = null, Reason = $"the spec has an error: {diagnostic.Rule.Id} {diagnostic.Message}" };
                specs.Remove(name);
            }
        }
    }
}

/// <summary>The outcome of every page, and the spec files to write, by path relative to the specs folder.</summary>
internal sealed record ImportResult(IReadOnlyList<ImportOutcome> Outcomes, IReadOnlyDictionary<string, string> Files);
