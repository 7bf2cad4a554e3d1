using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Pages;

/// <summary>
/// A documentation page read as a method page: the method its title names, its scopes, and its blocks grouped by
/// heading so that the parameter, result, error and example parts can be found by name or by anchor.
/// </summary>
internal sealed partial class MethodPage
{
    private MethodPage(YfmPage page, string method, ImmutableArray<string> scopes, string? access, string? deprecated, bool rest3)
    {
        Rest3 = rest3;
        Page = page;
        Method = method;
        Scopes = scopes;
        Access = access;
        Deprecated = deprecated;
        Outline = new PageOutline(page);
    }

    /// <summary>The page as read.</summary>
    public YfmPage Page { get; }

    /// <summary>The method the title names, e.g. <c>crm.deal.add</c>.</summary>
    public string Method { get; }

    /// <summary>The scopes the page names, first the one the method belongs to.</summary>
    public ImmutableArray<string> Scopes { get; }

    /// <summary>Who may call the method, when the page says so briefly.</summary>
    public string? Access { get; }

    /// <summary>Null, or the page marks the method as no longer developed: "" or the method it points to instead.</summary>
    public string? Deprecated { get; }

    /// <summary>Whether a note on the page says the method belongs to REST 3.0, linking the overview of that version.</summary>
    public bool Rest3 { get; }

    /// <summary>Reads a page as a method page, or says why it is not one.</summary>
    public static MethodPage? From(YfmPage page, out string? reason)
    {
        var title = page.Blocks.OfType<YfmHeading>().FirstOrDefault(heading => heading.Level == 1);
        if (title is null)
        {
            reason = "the page has no title";
            return null;
        }

        var method = Inline.Plain(title.Text).Split(' ').Select(word => word.Trim('(', ')', ',', ':', '"', '\'', '.')).LastOrDefault(word => MethodName().IsMatch(word))
            ?? NamedByFile(page);
        if (method is null)
        {
            reason = "the title names no method";
            return null;
        }

        var scopes = ImmutableArray<string>.Empty;
        string? access = null;
        foreach (var quote in page.Blocks.OfType<YfmQuote>())
        {
            foreach (var line in quote.Text.Split('\n'))
            {
                if (line.Contains("Scope", StringComparison.OrdinalIgnoreCase) && scopes.IsEmpty)
                {
                    // "`crm`", "`placement, crm`", "`sign.b2e`": every scope named, the method's own first.
                    var named = Inline.CodeSpans(line).SelectMany(span => span.Split(',')).Select(scope => scope.Trim()).Where(scope => ScopeName().IsMatch(scope)).Distinct().ToList();
                    var own = named.FindIndex(scope => method.StartsWith(scope + ".", StringComparison.Ordinal));
                    scopes = [.. named.Skip(own).Take(own >= 0 ? 1 : 0), .. named.Where((_, index) => index != own)];
                }
                else if (line.StartsWith("Who can", StringComparison.OrdinalIgnoreCase) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    var who = Inline.Plain(line[(colon + 1)..]).TrimEnd('.');
                    access = who.Length is > 0 and <= 40 ? who : null;
                }
            }
        }

        // The pages of event.bind, event.get, event.offline.* name no scope: those methods need none, so they are
        // filed with the other scope-less methods under basic.
        if (scopes.IsEmpty && InEventMethodsFolder(page))
        {
            scopes = ["basic"];
        }

        if (scopes.IsEmpty)
        {
            reason = "the page names no scope";
            return null;
        }

        // A "DEPRECATED" note: "" for deprecated, or the method it points to instead.
        string? deprecated = null;
        if (page.Blocks.OfType<YfmNote>().FirstOrDefault(note => note.Title?.Contains("DEPRECATED", StringComparison.OrdinalIgnoreCase) == true) is { } note)
        {
            deprecated = note.Blocks.OfType<YfmText>()
                .SelectMany(text => Inline.CodeSpans(text.Text).Concat(LinkLabels(text.Text)))
                .FirstOrDefault(name => MethodName().IsMatch(name) && name != method) ?? string.Empty;
        }

        // The docs mark a REST 3.0 method with a note that links the version's overview page, in a few wordings.
        var rest3 = page.Blocks.OfType<YfmNote>().Any(note => note.Blocks.OfType<YfmText>()
            .Any(text => text.Text.Contains("REST 3.0", StringComparison.Ordinal) && text.Text.Contains("rest-v3.md)", StringComparison.Ordinal)));

        reason = null;
        return new MethodPage(page, method, scopes, access, deprecated, rest3);
    }

    private static IEnumerable<string> LinkLabels(string markdown) =>
        Regex.Matches(markdown, @"\[([^\]]+)\]\(").Select(match => match.Groups[1].Value.Trim('`'));

    // A title in words only ("Get Fields of CRM Item"): the method whose dashed name is the file's name,
    // when the page names it in code (crm-item-fields.md and `crm.item.fields`). A method of one word (`profile`)
    // must also be the file's name exactly, since a single word in code is seldom a method.
    private static bool InEventMethodsFolder(YfmPage page)
    {
        var parts = page.Path.Replace('\\', '/').Split('/');
        return parts.Length >= 2 && parts[^2] == "events" && (parts.Length == 2 || parts[^3] == "api-reference");
    }

    private static string? NamedByFile(YfmPage page)
    {
        var file = Path.GetFileNameWithoutExtension(page.Path);
        return page.Blocks.OfType<YfmText>()
            .SelectMany(text => Inline.CodeSpans(text.Text))
            .FirstOrDefault(span => MethodName().IsMatch(span)
                ? span.Replace('.', '-').Equals(file, StringComparison.OrdinalIgnoreCase)
                : span == file && SingleWordMethod().IsMatch(span));
    }

    /// <summary>The page's headings and what stands under them.</summary>
    public PageOutline Outline { get; }

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+$")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")]
    private static partial Regex ScopeName();

    [GeneratedRegex(@"^[a-z][a-z0-9]*$")]
    private static partial Regex SingleWordMethod();

}
