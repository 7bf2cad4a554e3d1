using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Reads <c>{% note kind "title" %}</c> … <c>{% endnote %}</c> and <c>{% cut "title" %}</c> … <c>{% endcut %}</c>.
/// The body is read as blocks after removing the directive's own indentation. Notes carry deprecation warnings
/// and use-case tips the mapper may look for, so kind and title are kept.
/// </summary>
internal static partial class NoteReader
{
    /// <summary>The kind a note has when the directive names none, as on the site.</summary>
    public const string DefaultKind = "info";

    /// <summary>Adds the note or cut opened at <paramref name="start"/>; returns the index after its end.</summary>
    public static int Read(
        BlockReader reader, IReadOnlyList<SourceLine> lines, int start, Directive directive, List<YfmBlock> blocks)
    {
        var arguments = ArgumentsPattern().Match(directive.Arguments);
        var kind = arguments.Groups["kind"].Success ? arguments.Groups["kind"].Value.ToLowerInvariant() : DefaultKind;
        var title = arguments.Groups["title"].Success ? arguments.Groups["title"].Value.Trim() : string.Empty;
        var note = directive.Name == "cut"
            ? ("cut", title.Length == 0 ? null : title)
            : (kind, title.Length == 0 ? null : title);
        return ReadUntil(reader, lines, start, directive.Name, "end" + directive.Name, blocks, note);
    }

    /// <summary>
    /// Reads the body up to the matching closing directive (or the end, reported) and adds it as a note; with no
    /// note given, the body's blocks are added in place.
    /// </summary>
    public static int ReadUntil(
        BlockReader reader,
        IReadOnlyList<SourceLine> lines,
        int start,
        string open,
        string close,
        List<YfmBlock> blocks,
        (string Kind, string? Title)? asNote)
    {
        var end = EndFinder.Find(lines, start + 1, text => Directive.Is(text, open), text => Directive.Is(text, close));
        if (end < 0)
        {
            reader.Problems.Add(new YfmProblem(lines[start].Line, $"{{% {open} %}} is not closed."));
            end = lines.Count;
        }

        var indent = LineText.Indent(lines[start].Text);
        var body = reader.Read(LineText.Dedent(LineText.Slice(lines, start + 1, end), indent));
        if (asNote is { } note)
        {
            blocks.Add(new YfmNote(lines[start].Line, note.Kind, note.Title, body));
        }
        else
        {
            blocks.AddRange(body);
        }

        return Math.Min(end + 1, lines.Count);
    }

    /// <summary>An optional kind word, then an optional quoted title.</summary>
    [GeneratedRegex(@"^\s*(?<kind>[A-Za-z][\w-]*)?\s*(?:""(?<title>[^""]*)""|'(?<title>[^']*)')?", RegexOptions.CultureInvariant)]
    private static partial Regex ArgumentsPattern();
}
