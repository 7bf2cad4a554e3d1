using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Events;

/// <summary>
/// One documented event: a page whose title names it (<c>When Adding an Event OnCalendarEntryAdd</c>, <c>Event on
/// Adding Price CATALOG.PRICE.ON.ADD</c>), or a section of a page of several (<c>## ONIMBOTV2MESSAGEADD</c>).
/// </summary>
/// <param name="Name">The event as the portal sends it, upper case.</param>
/// <param name="CSharpName">Its CamelCase name as the page writes it (<c>OnCalendarEntryAdd</c>), or null when the page has none.</param>
/// <param name="Scope">The scope the page names, else the docs folder.</param>
/// <param name="Access">Who may subscribe, when the page says so briefly.</param>
/// <param name="Summary">The first sentence on it.</param>
/// <param name="Anchor">The section's anchor on a page of several events, or null for a page of its own.</param>
/// <param name="Blocks">The blocks that describe it.</param>
/// <param name="Payload">The documented payload (<c>event</c>, <c>data</c>, <c>ts</c>, <c>auth</c>), or null.</param>
/// <param name="Data">The documented data alone, when the page shows only that, or null.</param>
internal sealed record EventSection(
    string Name, string? CSharpName, string Scope, string? Access, string Summary, string? Anchor, ImmutableArray<YfmBlock> Blocks, JsonElement? Payload, JsonElement? Data);

/// <summary>Finds the events a page documents.</summary>
internal static partial class EventSections
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Whether a page may document events: under an <c>events</c> folder, not a folder's overview.</summary>
    public static bool IsCandidate(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        return parts.Take(parts.Length - 1).Any(part => part.StartsWith("events", StringComparison.Ordinal)) && !parts.Contains("_includes")
            && parts[^1] is not "index.md";
    }

    /// <summary>The events a page documents; none for a page of another kind (a method, a guide, a widget's JS events).</summary>
    /// <param name="page">The page.</param>
    /// <param name="relativePath">Its path under the docs folder (<c>api-reference/calendar/...</c>).</param>
    public static IReadOnlyList<EventSection> Read(YfmPage page, string relativePath)
    {
        var title = page.Blocks.OfType<YfmHeading>().FirstOrDefault(heading => heading.Level == 1);
        if (title is null)
        {
            return [];
        }

        var titleText = Inline.Plain(title.Text);
        var words = titleText.Split(' ').Select(word => word.Trim('(', ')', ',', ':', '"', '\'', '.')).ToList();
        // A method's page (event.bind, im.v2.Event.subscribe) shows event payloads too, and is no event's own.
        var methodTitle = words.Any(word => MethodName().IsMatch(word) && !DottedEvent().IsMatch(word));

        var scope = Scope(page.Blocks, relativePath, out var access);
        var titleWord = words.LastOrDefault(word => CamelEvent().IsMatch(word) || UpperEvent().IsMatch(word) || DottedEvent().IsMatch(word));
        var payload = Json(page.Blocks, json => json.ValueKind == JsonValueKind.Object && json.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String);
        var sent = payload?.GetProperty("event").GetString()!.ToUpperInvariant();
        var file = FileName(relativePath);
        if (!methodTitle && (titleWord is not null || (sent is not null && UpperEvent().IsMatch(sent) && titleText.StartsWith("Event", StringComparison.OrdinalIgnoreCase))))
        {
            // The payload's name where it is the file's (onLeadDelete's page sends ONCRMLEADDELETE); else the title's.
            var name = sent is not null && (titleWord is null || Squash(sent) == Squash(file)) ? sent : titleWord!.ToUpperInvariant();
            var camel = titleWord is not null && CamelEvent().IsMatch(titleWord) && Squash(titleWord) == Squash(name)
                ? char.ToUpperInvariant(titleWord[0]) + titleWord[1..]
                : Squash(file) == Squash(name) ? Pascal(file) : null;
            var summary = Summary(page.Blocks.TakeWhile(block => block is not YfmHeading { Level: 2 }), name);
            return [new EventSection(name, camel, scope, access, summary, null, page.Blocks, payload, null)];
        }

        // A page of several events, a section each under a heading of its name.
        var outline = new PageOutline(page);
        var sections = new List<EventSection>();
        foreach (var heading in page.Blocks.OfType<YfmHeading>().Where(heading => heading.Level == 2 && UpperEvent().IsMatch(Inline.Plain(heading.Text))))
        {
            var name = Inline.Plain(heading.Text);
            var anchor = heading.Anchor ?? PageOutline.Slug(heading.Text);
            var blocks = outline.Anchored(anchor);
            var data = Json(blocks, json => json.ValueKind == JsonValueKind.Object);
            sections.Add(new EventSection(name, null, scope, access, Summary(blocks, name), anchor, blocks, null, data));
        }

        return sections;
    }

    // The scope the quote names ("> Scope: [`calendar`]"), else the docs folder; who may subscribe.
    private static string Scope(IEnumerable<YfmBlock> blocks, string relativePath, out string? access)
    {
        string? scope = null;
        access = null;
        foreach (var quote in blocks.OfType<YfmQuote>())
        {
            foreach (var line in quote.Text.Split('\n'))
            {
                if (line.Contains("Scope", StringComparison.OrdinalIgnoreCase) && scope is null)
                {
                    scope = Inline.CodeSpans(line).SelectMany(span => span.Split(',')).Select(name => name.Trim()).FirstOrDefault(name => ScopeName().IsMatch(name));
                }
                else if (line.StartsWith("Who can", StringComparison.OrdinalIgnoreCase) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    var who = Inline.Plain(line[(colon + 1)..]).TrimEnd('.');
                    access = who.Length is > 0 and <= 40 ? who : null;
                }
            }
        }

        // The events of the event machinery itself (api-reference/events/, ONOFFLINEEVENT) need no scope, as the
        // event methods beside them; a payload's example scope there is only whatever the sample app had.
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (scope is null && parts.Length == 3 && parts[1] == "events")
        {
            return "basic";
        }

        // Else the scope a documented payload's auth names, else the API's folder the events stand in (im.v2/events: im), else the docs'.
        if (scope is null && Json(blocks, json => json.ValueKind == JsonValueKind.Object && json.TryGetProperty("auth", out var auth)
                && auth.ValueKind == JsonValueKind.Object && auth.TryGetProperty("scope", out var named) && named.ValueKind == JsonValueKind.String) is { } payload)
        {
            scope = payload.GetProperty("auth").GetProperty("scope").GetString()!.Split(',')[0].Trim();
        }

        var folder = Array.FindLastIndex(parts, parts.Length - 2, part => part.StartsWith("events", StringComparison.Ordinal)) is var events and > 1
            && Regex.Match(parts[events - 1], @"^(.+)\.v\d+$") is { Success: true } versioned
            ? versioned.Groups[1].Value
            : parts[1];
        return scope is not null && ScopeName().IsMatch(scope) ? scope : ScopeName().IsMatch(folder) ? folder : parts[1].Replace('-', '_');
    }

    // The first sentence of prose: "The ONCALENDARENTRYADD event is triggered when a calendar event is added."
    private static string Summary(IEnumerable<YfmBlock> blocks, string name)
    {
        foreach (var text in blocks.OfType<YfmText>())
        {
            var plain = Inline.Plain(text.Text.Split("\n\n")[0].Replace('\n', ' '));
            if (plain.Length < 8 || plain.StartsWith("Data is transmitted", StringComparison.OrdinalIgnoreCase) || plain.StartsWith('{') || plain.StartsWith('-'))
            {
                continue;
            }

            var end = plain.IndexOf(". ", StringComparison.Ordinal);
            return end > 0 ? plain[..(end + 1)] : plain.EndsWith('.') ? plain : plain + ".";
        }

        return "The portal sends " + name + ".";
    }

    // The first JSON code block (in notes, tabs and cuts too) that parses and passes the test.
    private static JsonElement? Json(IEnumerable<YfmBlock> blocks, Func<JsonElement, bool> wanted)
    {
        foreach (var block in blocks)
        {
            var found = block switch
            {
                YfmCode code when code.Language is null or "json" or "js" or "javascript" => Parse(code.Text, wanted),
                YfmNote note => Json(note.Blocks, wanted),
                YfmTabs tabs => Json(tabs.Tabs.SelectMany(tab => tab.Blocks), wanted),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static JsonElement? Parse(string text, Func<JsonElement, bool> wanted)
    {
        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            return wanted(document.RootElement) ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FileName(string relativePath) => Path.GetFileNameWithoutExtension(relativePath.Replace('\\', '/').Split('/')[^1]);

    // "on-Crm-Timeline-Comment-Add" -> "OnCrmTimelineCommentAdd".
    private static string Pascal(string dashed) =>
        string.Concat(dashed.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));

    private static string Squash(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    [GeneratedRegex(@"^[oO]n[A-Z][A-Za-z0-9]*$")]
    private static partial Regex CamelEvent();

    [GeneratedRegex(@"^ON[A-Z0-9_]{3,}$")]
    private static partial Regex UpperEvent();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*\.ON\.[A-Z][A-Z0-9_]*$")]
    private static partial Regex DottedEvent();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+$")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")]
    private static partial Regex ScopeName();
}
