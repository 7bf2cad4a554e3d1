using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.SpecImporter.Corrections;
using Bitrix24.SpecImporter.Import;

namespace Bitrix24.SpecImporter.Tests.Import;

/// <summary>A docs folder in memory: pages by path under a fixed root, written for the tests in the docs' syntax.</summary>
internal sealed class DocsFolder
{
    public const string Root = "/docs";

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public DocsFolder Page(string relative, string text)
    {
        _files[Root + "/" + relative] = text.ReplaceLineEndings("\n");
        return this;
    }

    public PageSet Pages() => new(Root, path => _files.TryGetValue(path, out var text) ? text : null);

    public ImportResult Import(IReadOnlyDictionary<string, (string File, string Text)>? keep = null, CorrectionSet? corrections = null, Func<string, bool>? methods = null) =>
        new DocsImporter(Pages()).Import(_files.Keys.Where(path => path.Contains("/api-reference/", StringComparison.Ordinal)), keep ?? new Dictionary<string, (string, string)>(), methods, corrections);

    /// <summary>Imports with correction files given as name (<c>shop.yaml</c>) and text.</summary>
    public ImportResult ImportCorrected(params (string Name, string Text)[] corrections) =>
        Import(corrections: CorrectionSet.FromFiles(corrections.Select(file => ("corrections/" + file.Name, file.Text))));

    /// <summary>The files as written, for a docs folder on disk.</summary>
    public IEnumerable<(string Relative, string Text)> Files() => _files.Select(file => (file.Key[(Root.Length + 1)..], file.Value));
}
