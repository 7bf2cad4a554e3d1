using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Turns a page into one list of lines with its <c>{% include %}</c> directives replaced by the included files'
/// lines, recursively. Diplodoc expands includes before it parses Markdown, so doing it on lines first lets the
/// block reader see an included table or note like any other. Every line from an included file is reported at
/// the include's line in the page. A missing file, a cycle or a chain deeper than <see cref="MaxDepth"/> becomes
/// a problem at that line and the directive is dropped.
/// </summary>
internal sealed partial class IncludeExpander
{
    /// <summary>How deep includes may nest; the docs go two levels deep.</summary>
    public const int MaxDepth = 10;

    private readonly Func<string, string?> readFile;
    private readonly List<YfmProblem> problems;
    private readonly HashSet<string> open = new(StringComparer.Ordinal);
    private readonly List<SourceLine> output = [];

    private IncludeExpander(Func<string, string?> readFile, List<YfmProblem> problems)
    {
        this.readFile = readFile;
        this.problems = problems;
    }

    /// <summary>The page's lines with includes expanded, or null when the page itself cannot be read.</summary>
    public static List<SourceLine>? Expand(string path, Func<string, string?> readFile, List<YfmProblem> problems)
    {
        var normalized = YfmPath.Normalize(path);
        var text = readFile(normalized) ?? (normalized == path ? null : readFile(path));
        if (text is null)
        {
            problems.Add(new YfmProblem(0, $"The page {path} could not be read."));
            return null;
        }

        var expander = new IncludeExpander(readFile, problems);
        expander.open.Add(normalized);
        expander.Append(normalized, text, pageLine: null, indent: string.Empty, depth: 0);
        return expander.output;
    }

    private void Append(string path, string text, int? pageLine, string indent, int depth)
    {
        var lines = SourceText.Lines(text);
        var keep = Conditionals.Keep(lines, pageLine, problems);
        for (var index = FrontMatter.Length(lines); index < lines.Length; index++)
        {
            if (!keep[index])
            {
                continue;
            }

            var line = pageLine ?? index + 1;
            var match = IncludePattern().Match(lines[index]);
            if (!match.Success)
            {
                output.Add(new SourceLine(LineText.IsBlank(lines[index]) ? lines[index] : indent + lines[index], line));
                continue;
            }

            // An indented include belongs to the list item or tab it sits in, so its lines take the indentation.
            Include(path, match.Groups["target"].Value, line, indent + match.Groups["indent"].Value, depth + 1);
        }
    }

    private void Include(string fromPath, string target, int line, string indent, int depth)
    {
        var resolved = YfmPath.Resolve(fromPath, target);
        if (depth > MaxDepth)
        {
            problems.Add(new YfmProblem(line, $"Includes nest deeper than {MaxDepth} at {resolved}."));
            return;
        }

        if (!open.Add(resolved))
        {
            problems.Add(new YfmProblem(line, $"The include of {resolved} forms a cycle."));
            return;
        }

        try
        {
            var text = readFile(resolved);
            if (text is null)
            {
                problems.Add(new YfmProblem(line, $"The included file {resolved} is missing."));
                return;
            }

            Append(resolved, text, line, indent, depth);
        }
        finally
        {
            open.Remove(resolved);
        }
    }

    [GeneratedRegex(
        @"^(?<indent>[ \t]*)\{%-?\s*include\s+(?:notitle\s+)?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)\s*-?%\}\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IncludePattern();
}
