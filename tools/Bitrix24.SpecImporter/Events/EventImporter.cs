using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using Bitrix24.Generated.Specs.Linking;
using Bitrix24.SpecImporter.Import;
using Bitrix24.SpecImporter.Writing;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Events;

/// <summary>What became of one documented event: its spec file, or why it has none.</summary>
/// <param name="Page">The page, relative to the docs folder, with the section's anchor on a page of several events.</param>
/// <param name="Scope">The scope folder of the docs it stands in.</param>
/// <param name="Event">The event's name.</param>
/// <param name="File">The spec's path under the specs folder, or null.</param>
/// <param name="Reason">Why there is no spec, or null.</param>
/// <param name="Example">Whether the spec carries the documented payload.</param>
/// <param name="Fields">How many fields its data has.</param>
internal sealed record EventOutcome(string Page, string Scope, string Event, string? File, string? Reason, bool Example, int Fields);

/// <summary>
/// Imports the event pages (<c>**/events*/**.md</c>) into event specs, <c>scope/events/NAME.yaml</c>: one per documented
/// event, the first page by path when two document the same one. Each is checked as the analyzer would, with the
/// method specs beside it, and left out with the reason when it has an error.
/// </summary>
internal static class EventImporter
{
    /// <summary>The event specs by path under the specs folder, and what became of each event.</summary>
    /// <param name="pages">The docs' pages.</param>
    /// <param name="pagePaths">Every page of the docs.</param>
    /// <param name="methodSpecs">The method specs the import writes, by path, to check the events' names against.</param>
    public static (Dictionary<string, string> Files, List<EventOutcome> Outcomes) Import(
        PageSet pages, IEnumerable<string> pagePaths, IReadOnlyDictionary<string, string> methodSpecs)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var outcomes = new List<EventOutcome>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var found = new List<(string Path, string Relative, EventSection Section)>();
        foreach (var path in pagePaths.OrderBy(path => path, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(pages.Root, path).Replace('\\', '/');
            if (EventSections.IsCandidate(relative) && pages.Get(path) is { } page)
            {
                found.AddRange(EventSections.Read(page.Page, relative).Select(section => (path, relative, section)));
            }
        }

        // An upper-case name alone (ONIMBOTV2MESSAGEADD) is split by the words of the names the other pages write.
        var words = new EventWords(found.Select(f => f.Section.CSharpName).OfType<string>());
        foreach (var (path, relative, named) in found)
        {
            var section = named.CSharpName is null && words.Split(named.Name, string.Join(" ", named.Blocks.OfType<YfmText>().Select(text => text.Text))) is { } split ? named with { CSharpName = split } : named;
            var folder = relative.Split('/') is { Length: > 2 } parts ? parts[1] : string.Empty;
            var where = section.Anchor is null ? relative : relative + "#" + section.Anchor;
            if (seen.TryGetValue(section.Name, out var first))
            {
                outcomes.Add(new EventOutcome(where, folder, section.Name, null, "another page documents the same event: " + first, false, 0));
                continue;
            }

            seen.Add(section.Name, where);
            var file = section.Scope + "/events/" + section.Name + ".yaml";
            var docs = pages.PublishedUrl(path) + (section.Anchor is null ? string.Empty : "#" + section.Anchor);
            var spec = EventMapper.Map(section, file, docs);
            files[file] = DocsImporter.Marker + "\n" + SpecYamlWriter.WriteEvent(spec);
            outcomes.Add(new EventOutcome(where, folder, section.Name, file, null, !spec.Examples.IsEmpty, spec.Data.Count));
        }

        // Checked as a project would build them: with the method specs, every problem placed in its file.
        var set = SpecSet.Read(methodSpecs.Concat(files).Select(pair => (pair.Key, (string?)pair.Value)));
        var errors = set.Diagnostics.Where(d => d.IsError).ToLookup(d => d.Location.FilePath, StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].File is { } file && errors[file].FirstOrDefault() is { } error)
            {
                files.Remove(file);
                outcomes[i] = outcomes[i] with { File = null, Reason = "the spec has an error: " + error.Message };
            }
        }

        return (files, outcomes);
    }
}
