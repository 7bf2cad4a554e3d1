using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;

namespace Bitrix24.SpecImporter.Import;

/// <summary>
/// <c>IMPORT-REPORT.md</c>: per scope folder of the docs, the pages, the method pages, the specs imported or
/// written by hand, the documented examples taken over, and each method page left out with its reason. It holds no
/// date, so a re-import of the same docs writes the same file.
/// </summary>
internal static class ImportReport
{
    /// <summary>The report's Markdown.</summary>
    public static string Write(IReadOnlyList<ImportOutcome> outcomes)
    {
        var text = new StringBuilder();
        text.Append("# Import report\n\n");
        text.Append("Written by `bitrix24-spec import` from the official documentation's `api-reference/` (pages outside\n");
        text.Append("`outdated/`). A method page is a page whose title names a method; the others (overviews, events,\n");
        text.Append("widgets) document none. Examples are the documented request (the webhook cURL body, else the JS\n");
        text.Append("parameters) and the documented answer, kept in the spec and checked by the tests.\n\n");

        var methods = outcomes.Where(outcome => outcome.IsMethod).ToList();
        var specs = methods.Count(outcome => outcome.File is not null);
        text.Append(CultureInfo.InvariantCulture, $"**{specs} of {methods.Count} method pages ({Percent(specs, methods.Count)}) have a spec.**\n\n");
        text.Append("| Scope folder | Pages | Method pages | Specs | Left out | Share | Requests | Answers |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var scope in outcomes.GroupBy(outcome => outcome.Scope).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            Row(text, scope.Key, scope.ToList());
        }

        Row(text, "**all**", outcomes);
        var left = methods.Where(outcome => outcome.File is null).ToList();
        if (left.Count > 0)
        {
            text.Append("\n## Method pages left out\n");
            foreach (var scope in left.GroupBy(outcome => outcome.Scope).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n### {scope.Key}\n\n");
                foreach (var outcome in scope)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- `{outcome.Method}` ({outcome.Page}): {outcome.Reason}\n");
                }
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string scope, IReadOnlyList<ImportOutcome> outcomes)
    {
        var methods = outcomes.Count(outcome => outcome.IsMethod);
        var specs = outcomes.Count(outcome => outcome.File is not null);
        text.Append(CultureInfo.InvariantCulture, $"| {scope} | {outcomes.Count} | {methods} | {specs} | {methods - specs} | {Percent(specs, methods)} ");
        text.Append(CultureInfo.InvariantCulture, $"| {outcomes.Count(outcome => outcome.RequestExample)} | {outcomes.Count(outcome => outcome.ResponseExample)} |\n");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
