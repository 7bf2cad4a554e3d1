using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads a YFM (Diplodoc) documentation page into a <see cref="YfmPage"/>: includes expanded, drafts
/// (<c>{% if %}</c>) dropped, then headings, prose, quotes, code, tables, tabs and notes as blocks. It never
/// throws on a page's content: whatever it cannot read becomes a <see cref="YfmProblem"/> with its line.
/// </summary>
public static class YfmReader
{
    /// <summary>
    /// Reads the page at <paramref name="path"/>, taking every file's text from <paramref name="readFile"/> (the
    /// text by full path, or null when there is no such file). Include paths resolve relative to the file that
    /// names them and are normalized, with <c>/</c> separators.
    /// </summary>
    /// <param name="path">The page's path.</param>
    /// <param name="readFile">Returns a file's text by its normalized path, or null when it is missing.</param>
    /// <returns>The page's blocks and problems; a page that cannot be read has no blocks and one problem.</returns>
    public static YfmPage Read(string path, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(readFile);
        var problems = new List<YfmProblem>();
        var lines = IncludeExpander.Expand(path, readFile, problems);
        var blocks = lines is null ? [] : new BlockReader(problems).Read(lines);
        return new YfmPage(path, blocks, [.. problems]);
    }

    /// <summary>Reads the page at <paramref name="path"/> and its includes from the file system.</summary>
    /// <param name="path">The page's path.</param>
    /// <returns>The page's blocks and problems.</returns>
    public static YfmPage ReadFile(string path) => Read(path, ReadOrNull);

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
