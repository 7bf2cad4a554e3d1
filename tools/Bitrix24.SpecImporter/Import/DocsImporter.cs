using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.SpecImporter.Corrections;
using Bitrix24.SpecImporter.Mapping;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Writing;

namespace Bitrix24.SpecImporter.Import;

/// <summary>
/// Imports the method pages of a docs folder: maps each page, refines the types by what the documented examples
/// show, applies the corrections, checks the specs as the analyzer would and leaves out those it rejects, and lays
/// out the files as the specs folder holds them (<c>scope/method.yaml</c>).
/// </summary>
internal sealed class DocsImporter
{
    /// <summary>The first line of every imported spec: the importer rewrites such files and leaves others alone.</summary>
    public const string Marker = "# Imported by bitrix24-spec from the page in 'docs'; edit the corrections, not this file.";

    // The reason of a spec the analyzer rejects.
    private const string RejectedPrefix = "the spec has an error: ";

    private readonly PageSet _pages;

    public DocsImporter(PageSet pages) => _pages = pages;

    /// <summary>
    /// Imports the pages; <paramref name="keep"/> are the specs written by hand, by method name, that an import does
    /// not replace. With <paramref name="methodFilter"/> every page is still mapped and every correction applied, so
    /// that the specs of the chosen methods come out exactly as a full import writes them (the types they share with
    /// other methods are refined by those methods' examples too); only the chosen ones are returned.
    /// </summary>
    public ImportResult Import(
        IEnumerable<string> pagePaths,
        IReadOnlyDictionary<string, (string File, string Text)> keep,
        Func<string, bool>? methodFilter = null,
        CorrectionSet? corrections = null)
    {
        var outcomes = new List<ImportOutcome>();
        var wanted = new List<bool>();
        var specs = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        var evidence = new ShapeEvidence();
        foreach (var path in pagePaths.OrderBy(path => path, StringComparer.Ordinal))
        {
            var (outcome, spec, method) = Page(path, keep, specs);
            outcomes.Add(outcome);
            wanted.Add(methodFilter is null || method is not null && methodFilter(method));
            if (spec is not null)
            {
                evidence.Merge(spec.Evidence!);
                var key = Rest3Twin.IsTwinPage(path) ? Names.MethodKey(spec.Method.Name, MethodApi.V3) : spec.Method.Name;
                specs[key] = new Entry(spec.Method, outcome.File!, outcomes.Count - 1)
                {
                    FilterFields = spec.FilterFields.IsDefault ? [] : spec.FilterFields,
                    SelectOverItemPage = spec.SelectOverItemPage,
                    PaginationByPage = spec.PaginationByPage,
                    Twin = Rest3Twin.IsTwinPage(path),
                };
            }
        }

        var refinements = Refine(specs, evidence);
        Rest3(specs);

        // Items and paging are decided on the refined specs, before the corrections, which have the last word.
        // A REST 3.0 twin is keyed apart (Names.MethodKey): a sibling is looked up by the classic name.
        var refined = specs.ToDictionary(pair => pair.Key, pair => pair.Value.Method, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in specs.Values)
        {
            entry.Method = SiblingItemsRule.Apply(entry.Method, name => refined.TryGetValue(name, out var sibling) ? sibling : null);
        }

        var declared = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in specs.Values.OrderBy(entry => entry.File, StringComparer.Ordinal).SelectMany(entry => entry.Method.Types))
        {
            declared.TryAdd(type.Name, type);
        }

        foreach (var entry in specs.Values)
        {
            entry.Method = FastPagingRule.Apply(
                PageItemsRule.Apply(PagingRule.Apply(StartParameterRule.Apply(entry.Method))),
                name => declared.TryGetValue(name, out var type) ? type : null);
        }

        var errors = Correct(specs, keep, outcomes, corrections ?? CorrectionSet.Empty);
        foreach (var entry in specs.Values)
        {
            entry.Text = Marker + "\n" + SpecYamlWriter.Write(new ImportedSpec(entry.Method));
            var examples = entry.Method.Examples;
            var method = entry.Method;
            outcomes[entry.Outcome] = outcomes[entry.Outcome] with
            {
                RequestExample = examples.Any(example => example.Request is not null),
                ResponseExample = examples.Any(example => example.Status < 300 && example.Response is not null),
                NestedResult = method.Api == MethodApi.V3 ? Nested(method) : null,
                TypedFilters = method.Parameters.Count(parameter => parameter.Type.Kind == WireKind.Filter),
                TypedSelects = method.Parameters.Count(parameter => parameter.Type.Kind == WireKind.Select),
                PagePaging = method.Paged && method.Paging == MethodPaging.Page,
                FilterWithoutFields = entry.FilterWithoutFields,
                UndescribedItems = method.Api == MethodApi.V3 && IsUndescribed(method),
                ItemFromSelect = entry.ItemFromSelect,
                Twin = entry.Twin,
            };
        }

        Check(specs, keep, outcomes);

        // A corrected spec the analyzer rejects is the correction's fault as likely as the page's: say so where it stands.
        errors.AddRange(outcomes.Where(outcome => outcome.File is null && outcome.Corrected > 0 && outcome.Reason?.StartsWith(RejectedPrefix, StringComparison.Ordinal) == true)
            .Select(outcome => new CorrectionError(outcome.Corrections![^1].Location, $"after the corrections {outcome.Reason}")));
        var files = specs.Values.Where(entry => wanted[entry.Outcome]).ToDictionary(entry => entry.File, entry => entry.Text, StringComparer.Ordinal);
        return new ImportResult(outcomes.Where((_, index) => wanted[index]).ToList(), files, errors, refinements);
    }

    // One page: its outcome, and its spec when it is imported; the method it documents, for the filter.
    private (ImportOutcome Outcome, ImportedSpec? Spec, string? Method) Page(
        string path,
        IReadOnlyDictionary<string, (string File, string Text)> keep,
        Dictionary<string, Entry> specs)
    {
        var relative = Path.GetRelativePath(_pages.Root, path).Replace('\\', '/');
        var scope = relative.Split('/') is { Length: > 2 } parts ? parts[1] : string.Empty;
        if (_pages.Get(path) is not { } page)
        {
            return (new ImportOutcome(relative, scope, null, null, "the page cannot be read"), null, null);
        }

        var methodPage = MethodPage.From(page.Page, out var reason);
        if (methodPage is null)
        {
            return (new ImportOutcome(relative, scope, null, null, reason), null, null);
        }

        var method = methodPage.Method;
        var twin = Rest3Twin.IsTwinPage(path);
        var key = twin ? Names.MethodKey(method, MethodApi.V3) : method;
        if (keep.TryGetValue(key, out var own))
        {
            return (new ImportOutcome(relative, scope, key, own.File, null), null, method);
        }

        if (specs.TryGetValue(key, out var other))
        {
            return (new ImportOutcome(relative, scope, method, null, "another page documents the same method: " + other.Method.Docs), null, method);
        }

        ImportedSpec spec;
        try
        {
            spec = MethodMapper.Map(methodPage, _pages, [], twin);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
        {
            return (new ImportOutcome(relative, scope, method, null, "the page cannot be mapped: " + exception.Message), null, method);
        }

        var file = twin ? Rest3Twin.File(spec.Method.Scope, spec.Method.Name) : spec.Method.Scope + "/" + spec.Method.Name + ".yaml";
        var outcome = new ImportOutcome(relative, scope, key, file, null, RecasedKeys: spec.RecasedKeys)
        {
            AddedParameters = spec.AddedParameters,
            ResultFromAnswer = spec.ResultFromAnswer,
            DroppedExamples = spec.DroppedExamples,
            Rest3 = spec.Method.Api == MethodApi.V3,
        };
        return (outcome, spec, method);
    }

    // REST 3.0 items declared from their selects where the page does not describe them, shared by entity, then lists
    // paged by page and filters and selects typed over their items.
    private static void Rest3(Dictionary<string, Entry> specs)
    {
        var entries = specs.Values.OrderBy(entry => entry.File, StringComparer.Ordinal).ToList();
        var (declared, fromSelect) = Rest3SelectItem.Apply(entries.ConvertAll(entry => entry.Method));
        var (shared, _) = Rest3ItemSharing.Apply(declared);
        var (typed, _) = Rest3Query.Apply(shared, index => entries[index].FilterFields, index => entries[index].SelectOverItemPage, index => entries[index].PaginationByPage);
        for (var i = 0; i < entries.Count; i++)
        {
            var filter = typed[i].Parameters.FirstOrDefault(parameter => parameter.WireName == "filter");
            entries[i].FilterWithoutFields = typed[i].Api == MethodApi.V3 && filter is not null && filter.Type.Kind != WireKind.Filter
                && Rest3ItemSharing.ItemTypeName(typed[i]) is not null && IsList(typed[i]);
            entries[i].Method = typed[i];
            entries[i].ItemFromSelect = fromSelect.Contains(i);
        }
    }

    private static bool IsList(MethodModel method) => Rest3Query.IsList(method);

    // A REST 3.0 result object whose item or items the page does not describe (raw JSON).
    private static bool IsUndescribed(MethodModel method) =>
        method.Types.FirstOrDefault(type => type.Name == method.Result.Type.Name) is { } holder
        && holder.Properties.Any(property => property.WireName is "item" or "items"
            && (property.Type.Kind == WireKind.Json || property.Type.Kind == WireKind.Array && property.Type.Items!.Kind == WireKind.Json));

    // What a REST 3.0 result object holds: item or items of an item type, or result true or false.
    private static string? Nested(MethodModel method)
    {
        if (method.Types.FirstOrDefault(type => type.Name == method.Result.Type.Name) is not { } holder)
        {
            return null;
        }

        if (holder.Properties is [{ WireName: "result", Type.Kind: WireKind.Boolean }])
        {
            return "result";
        }

        return Rest3ItemSharing.ItemTypeName(method) is null ? null : IsList(method) ? "items" : "item";
    }

    // Every spec's types refined by the examples of all specs: a type declared by several specs changes in all of them
    // or in none. Returns each refined slot once.
    private static IReadOnlyList<Refinement> Refine(Dictionary<string, Entry> specs, ShapeEvidence evidence)
    {
        var refined = new Dictionary<ShapeSlot, Refinement>();
        foreach (var entry in specs.Values)
        {
            var (method, refinements) = TypeRefiner.Refine(entry.Method, evidence);
            entry.Method = method;
            foreach (var refinement in refinements)
            {
                refined.TryAdd(refinement.Slot, refinement);
            }
        }

        return refined.Values.OrderBy(refinement => refinement.Slot.ToString(), StringComparer.Ordinal).ToList();
    }

    // The corrections in order; one that cannot apply is an error at its place in the file.
    private static List<CorrectionError> Correct(
        Dictionary<string, Entry> specs,
        IReadOnlyDictionary<string, (string File, string Text)> keep,
        List<ImportOutcome> outcomes,
        CorrectionSet corrections)
    {
        var errors = new List<CorrectionError>(corrections.Errors);
        foreach (var correction in corrections.Corrections)
        {
            if (!specs.TryGetValue(correction.Method, out var entry))
            {
                errors.Add(new CorrectionError(correction.Location, Missing(correction.Method, keep, outcomes)));
                continue;
            }

            if (entry.Method.Scope != correction.Scope)
            {
                errors.Add(new CorrectionError(correction.Location, $"'{correction.Method}' is in scope '{entry.Method.Scope}'; its corrections go in {entry.Method.Scope}.yaml"));
                continue;
            }

            var declared = specs.Values.SelectMany(spec => spec.Method.Types).Select(type => type.Name).ToHashSet(StringComparer.Ordinal);
            var (applied, error) = CorrectionApplier.Apply(correction, entry.Method, declared.Contains);
            if (applied is null)
            {
                errors.Add(error!);
                continue;
            }

            var outcome = outcomes[entry.Outcome];
            var note = new CorrectionNote(correction.Scope, correction.Method, applied.Change, correction.Reason, correction.Location);
            outcome = outcome with { Corrections = [.. outcome.Corrections ?? [], note] };
            if (applied.Method is null)
            {
                outcome = outcome with { File = null, Reason = "left out by a correction: " + correction.Reason };
                specs.Remove(correction.Method);
            }
            else
            {
                entry.Method = applied.Method;
                if (applied.OldType is { } old)
                {
                    Propagate(specs, entry, old, applied.NewType!);
                }
            }

            outcomes[entry.Outcome] = outcome;
        }

        return errors;
    }

    // The same documented table is declared alike by every spec that uses it: a correction of it applies to all.
    private static void Propagate(Dictionary<string, Entry> specs, Entry corrected, TypeModel old, TypeModel updated)
    {
        var before = old with { Scope = string.Empty };
        foreach (var entry in specs.Values.Where(entry => entry != corrected))
        {
            if (entry.Method.Types.Any(type => type with { Scope = string.Empty } == before))
            {
                var types = entry.Method.Types.Select(type => type with { Scope = string.Empty } == before ? updated with { Scope = type.Scope } : type);
                entry.Method = entry.Method with { Types = new(types) };
            }
        }
    }

    private static string Missing(string method, IReadOnlyDictionary<string, (string File, string Text)> keep, List<ImportOutcome> outcomes)
    {
        if (keep.TryGetValue(method, out var own))
        {
            return $"'{method}' has a spec written by hand ({own.File}); correct that file instead";
        }

        return outcomes.FirstOrDefault(outcome => string.Equals(outcome.Method, method, StringComparison.OrdinalIgnoreCase) && outcome.Reason is not null) is { } left
            ? $"'{method}' is not imported ({left.Reason}); the correction has nothing to apply to"
            : $"no page documents '{method}'; the correction is stale";
    }

    // The analyzer's view: a spec it reports an error for is left out, with the first error as the reason. Leaving
    // one out can clear another's error (a type declared differently), so this repeats until none is left.
    private static void Check(
        Dictionary<string, Entry> specs,
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
                outcomes[spec.Outcome] = outcomes[spec.Outcome] with { File = null, Reason = $"{RejectedPrefix}{diagnostic.Rule.Id} {diagnostic.Message}" };
                specs.Remove(name);
            }
        }
    }

    // A spec on its way through: refined and corrected in place, then written.
    private sealed class Entry(MethodModel method, string file, int outcome)
    {
        public MethodModel Method { get; set; } = method;

        public string File { get; } = file;

        public int Outcome { get; } = outcome;

        public string Text { get; set; } = string.Empty;

        public System.Collections.Immutable.ImmutableArray<string> FilterFields { get; init; } = [];

        public bool SelectOverItemPage { get; init; }

        public bool PaginationByPage { get; init; }

        public bool Twin { get; init; }

        public bool FilterWithoutFields { get; set; }

        public bool ItemFromSelect { get; set; }
    }
}

/// <summary>
/// The outcome of every page, the spec files to write (by path relative to the specs folder), the corrections that
/// could not be applied (the command fails on any), and each type slot the documented examples refined.
/// </summary>
internal sealed record ImportResult(
    IReadOnlyList<ImportOutcome> Outcomes,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<CorrectionError> Errors,
    IReadOnlyList<Refinement> Refinements);
