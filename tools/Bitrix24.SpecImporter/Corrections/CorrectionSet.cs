using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Diagnostics;

namespace Bitrix24.SpecImporter.Corrections;

/// <summary>
/// The corrections of a folder, one file per scope (<c>corrections/crm.yaml</c>), in a fixed order (files by name,
/// entries as written) so that the import applies them alike every time; and the errors the files hold.
/// </summary>
internal sealed class CorrectionSet
{
    private CorrectionSet(IReadOnlyList<Correction> corrections, IReadOnlyList<CorrectionError> errors)
    {
        Corrections = corrections;
        Errors = errors;
    }

    /// <summary>No corrections.</summary>
    public static CorrectionSet Empty { get; } = new([], []);

    /// <summary>The corrections, in the order they apply.</summary>
    public IReadOnlyList<Correction> Corrections { get; }

    /// <summary>What is wrong in the files; any error fails the import.</summary>
    public IReadOnlyList<CorrectionError> Errors { get; }

    /// <summary>Reads the <c>*.yaml</c> files of a folder; a missing folder is an error.</summary>
    public static CorrectionSet FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new CorrectionSet([], [new CorrectionError(SourceLocation.FileStart(folder), "the corrections folder does not exist")]);
        }

        var files = Directory.EnumerateFiles(folder, "*.yaml")
            .Select(path => (Path: Path.Combine(folder, Path.GetFileName(path)), Text: File.ReadAllText(path)));
        return FromFiles(files);
    }

    /// <summary>Reads correction files given as path and text; the scope is each file's name without <c>.yaml</c>.</summary>
    public static CorrectionSet FromFiles(IEnumerable<(string Path, string Text)> files)
    {
        var corrections = new List<Correction>();
        var errors = new List<CorrectionError>();
        foreach (var (path, text) in files.OrderBy(file => Path.GetFileName(file.Path), StringComparer.Ordinal))
        {
            var (read, wrong) = CorrectionReader.Read(path.Replace('\\', '/'), Path.GetFileNameWithoutExtension(path), text.ReplaceLineEndings("\n"));
            corrections.AddRange(read);
            errors.AddRange(wrong);
        }

        return new CorrectionSet(corrections, errors);
    }
}
