using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Diagnostics;
using Bitrix24.Generated.Specs.Model;
using Bitrix24.Generated.Specs.Naming;
using Bitrix24.Generated.Specs.Reading;

namespace Bitrix24.Generated.Specs.Linking;

/// <summary>
/// A set of specs read, indexed and linked as a whole, with every diagnostic placed in its file: what the analyzer
/// reports and what the emulator serves.
/// </summary>
public sealed class SpecSet
{
    private readonly Dictionary<string, TypeModel> _types;
    private readonly Dictionary<string, MethodModel> _methods;

    private SpecSet(IReadOnlyList<SpecDocument> documents, SpecIndex index, IReadOnlyList<LinkedSpec> linked, IReadOnlyList<SpecDiagnostic> diagnostics)
    {
        Documents = documents;
        Index = index;
        Linked = linked;
        Diagnostics = diagnostics;
        _methods = linked.Where(l => l.Method is not null).ToDictionary(l => Names.MethodKey(l.Method!.Name, l.Method.Api), l => l.Method!, StringComparer.OrdinalIgnoreCase);
        _types = linked.SelectMany(l => l.Types).ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Every spec, read.</summary>
    public IReadOnlyList<SpecDocument> Documents { get; }

    /// <summary>The index of the specs that read without errors.</summary>
    public SpecIndex Index { get; }

    /// <summary>What each spec that read without errors contributes to generation.</summary>
    public IReadOnlyList<LinkedSpec> Linked { get; }

    /// <summary>Every problem: each spec's own in file order, then those linking found.</summary>
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }

    /// <summary>The events that can be generated, one per name.</summary>
    public IReadOnlyCollection<EventModel> Events => Linked.Where(l => l.Event is not null).Select(l => l.Event!).ToList();

    /// <summary>The methods that can be generated, one per name and version.</summary>
    public IReadOnlyCollection<MethodModel> Methods => _methods.Values;

    /// <summary>Reads, indexes and links a set of spec files.</summary>
    /// <param name="files">The files' paths and texts.</param>
    /// <param name="isShipped">Which files are the package's shipped specs, which a project's spec of the same method replaces; none when null.</param>
    public static SpecSet Read(IEnumerable<(string Path, string? Text)> files, Func<string, bool>? isShipped = null) =>
        Link(files.Select(file => SpecDocument.Read(file.Path, file.Text)).ToList(), isShipped);

    /// <summary>Indexes and links specs already read (e.g. kept from an earlier compilation).</summary>
    /// <param name="documents">The specs as read.</param>
    /// <param name="isShipped">Which files are the package's shipped specs; none when null.</param>
    public static SpecSet Link(IReadOnlyList<SpecDocument> documents, Func<string, bool>? isShipped = null)
    {
        var models = new Dictionary<string, MethodModel>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Method is not null))
        {
            models[document.FilePath] = isShipped?.Invoke(document.FilePath) == true ? document.Method! with { Shipped = true } : document.Method!;
        }

        var events = new Dictionary<string, EventModel>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Event is not null))
        {
            events[document.FilePath] = isShipped?.Invoke(document.FilePath) == true ? document.Event! with { Shipped = true } : document.Event!;
        }

        var index = SpecIndex.Build(models.Values, events.Values);
        var diagnostics = documents.SelectMany(d => d.Diagnostics).ToList();
        var linked = new List<LinkedSpec>();
        foreach (var document in documents.Where(d => d.Method is not null || d.Event is not null).OrderBy(d => d.FilePath, StringComparer.Ordinal))
        {
            var found = new List<SpecDiagnostic>();
            void Report(SpecRule rule, SpecPath path, string[] arguments) => found.Add(SpecDiagnostic.Create(rule, document.Locate(path), arguments));
            linked.Add(document.Method is not null
                ? SpecLinker.Link(models[document.FilePath], index, Report)
                : SpecLinker.LinkEvent(events[document.FilePath], index, Report));

            // A problem of a shared part is found once per place.
            diagnostics.AddRange(found.Distinct());
        }

        return new SpecSet(documents, index, linked, diagnostics);
    }

    /// <summary>A method that can be generated, by name (ignoring case): the classic one when both versions have it, or null.</summary>
    public MethodModel? Method(string name) => Method(name, MethodApi.Classic) ?? Method(name, MethodApi.V3);

    /// <summary>A method that can be generated, by name (ignoring case) and version, or null.</summary>
    public MethodModel? Method(string name, MethodApi api) => _methods.TryGetValue(Names.MethodKey(name, api), out var method) ? method : null;

    /// <summary>A type that can be generated, by name, or null.</summary>
    public TypeModel? Type(string name) => _types.TryGetValue(name, out var type) ? type : null;
}
