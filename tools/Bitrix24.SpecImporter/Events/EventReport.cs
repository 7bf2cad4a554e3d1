using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;

namespace Bitrix24.SpecImporter.Events;

/// <summary>The events part of <c>IMPORT-REPORT.md</c>: how many documented events have a spec, by scope folder, and those without.</summary>
internal static class EventReport
{
    public static string Write(IReadOnlyList<EventOutcome> outcomes)
    {
        var text = new StringBuilder();
        var specs = outcomes.Count(outcome => outcome.File is not null);
        text.Append("\n## Events\n\n");
        text.Append("An event page is a page under an `events` folder (outdated ones too) whose title names an event\n");
        text.Append("(`OnCalendarEntryAdd`, `CATALOG.PRICE.ON.ADD`), or a section of a page of several events headed by the event's\n");
        text.Append("name (`## ONIMBOTV2MESSAGEADD`). Its spec is `<scope>/events/<EVENT>.yaml`: the data fields from the documented\n");
        text.Append("payload, typed in their text form (a portal posts the payload form-encoded), with the field tables' descriptions\n");
        text.Append("and the fields only the tables name; the payload as the example.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**{specs} of {outcomes.Count} documented events have a spec**; ");
        text.Append(CultureInfo.InvariantCulture, $"{outcomes.Count(outcome => outcome.Example)} carry the documented payload, ");
        text.Append(CultureInfo.InvariantCulture, $"{outcomes.Count(outcome => outcome.File is not null && outcome.Fields == 0)} have no documented data fields.\n\n");
        text.Append("| Scope folder | Events | Specs | With payload |\n|---|---:|---:|---:|\n");
        foreach (var scope in outcomes.GroupBy(outcome => outcome.Scope).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {scope.Key} | {scope.Count()} | {scope.Count(outcome => outcome.File is not null)} | {scope.Count(outcome => outcome.Example)} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| **all** | {outcomes.Count} | {specs} | {outcomes.Count(outcome => outcome.Example)} |\n");
        var left = outcomes.Where(outcome => outcome.File is null).ToList();
        if (left.Count > 0)
        {
            text.Append("\n### Events left out\n\n");
            foreach (var outcome in left)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{outcome.Event}` ({outcome.Page}): {outcome.Reason}\n");
            }
        }

        return text.ToString();
    }
}
