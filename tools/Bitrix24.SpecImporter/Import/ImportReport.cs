using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;
using Bitrix24.Generated.Specs.Reading;
using Bitrix24.SpecImporter.Mapping;

namespace Bitrix24.SpecImporter.Import;

/// <summary>
/// <c>IMPORT-REPORT.md</c>: per scope folder of the docs, the pages, the method pages, the specs imported or
/// written by hand, the documented examples taken over, the request keys recased and the corrections applied; then
/// the types the examples refined, by rule, each correction with its reason, and each method page left out with its
/// reason. It holds no date, so a re-import of the same docs writes the same file.
/// </summary>
internal static class ImportReport
{
    /// <summary>The report's Markdown.</summary>
    public static string Write(IReadOnlyList<ImportOutcome> outcomes, IReadOnlyList<Refinement>? refinements = null)
    {
        var text = new StringBuilder();
        text.Append("# Import report\n\n");
        text.Append("Written by `bitrix24-spec import` from the official documentation's `api-reference/` (pages outside\n");
        text.Append("`outdated/`). A method page is a page whose title names a method; the others (overviews, events,\n");
        text.Append("widgets) document none. Examples are the documented request (the webhook cURL body, else the JS\n");
        text.Append("parameters) and the documented answer, kept in the spec and checked by the tests. A request key in\n");
        text.Append("another case than the parameter table (`FIELDS` for `fields`) takes the table's case (Keys recased).\n");
        text.Append("A key the request sends that no table row names becomes an optional parameter typed by its value (Params\n");
        text.Append("from requests). Where the answer's `result` has a shape the result table's type cannot read, the spec takes\n");
        text.Append("the answer's shape (Results from answers). A request that is not a JSON object (parameters by position) or\n");
        text.Append("JSON with a key twice in one object cannot be a call and is left out (Examples left out).\n");
        text.Append("Corrections are the documentation mistakes fixed in `corrections/<scope>.yaml`.\n\n");

        var methods = outcomes.Where(outcome => outcome.IsMethod).ToList();
        var specs = methods.Count(outcome => outcome.File is not null);
        text.Append(CultureInfo.InvariantCulture, $"**{specs} of {methods.Count} method pages ({Percent(specs, methods.Count)}) have a spec.**\n\n");
        var rest3 = methods.Count(outcome => outcome.Rest3);
        text.Append(CultureInfo.InvariantCulture, $"{rest3} of the specs are methods of REST 3.0 (`api: v3`): their pages say so in a note linking the version's overview.\n\n");
        Rest3(text, methods.Where(outcome => outcome.File is not null).ToList());
        text.Append("| Scope folder | Pages | Method pages | Specs | Left out | Share | Requests | Answers | Keys recased | Params from requests | Results from answers | Examples left out | Corrected |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var scope in outcomes.GroupBy(outcome => outcome.Scope).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            Row(text, scope.Key, scope.ToList());
        }

        Row(text, "**all**", outcomes);
        Refined(text, refinements ?? []);
        Corrections(text, outcomes);
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

    // What the REST 3.0 rules made of those specs.
    private static void Rest3(StringBuilder text, IReadOnlyList<ImportOutcome> specs)
    {
        text.Append("REST 3.0 answers one envelope: `result.item`, `result.items` or `result.result`. Of the REST 3.0 specs:\n\n");
        var nested = specs.Count(outcome => outcome.NestedResult is not null);
        text.Append(CultureInfo.InvariantCulture, $"- {nested} have a nested result: {specs.Count(outcome => outcome.NestedResult == "item")} an object holding `item` of an item type, ");
        text.Append(CultureInfo.InvariantCulture, $"{specs.Count(outcome => outcome.NestedResult == "items")} holding `items`, a list of one, {specs.Count(outcome => outcome.NestedResult == "result")} holding `result`, true or false;\n");
        text.Append(CultureInfo.InvariantCulture, $"- {specs.Count(outcome => outcome.PagePaging)} are lists paged by `pagination` (`paging: page`);\n");
        text.Append(CultureInfo.InvariantCulture, $"- {specs.Sum(outcome => outcome.TypedFilters)} filters and {specs.Sum(outcome => outcome.TypedSelects)} selects are typed over the item type (`type: filter`, `type: select`);\n");
        text.Append(CultureInfo.InvariantCulture, $"- {specs.Count(outcome => outcome.FilterWithoutFields)} lists have a filter whose page names no field it may filter by, so it stays untyped;\n");
        text.Append(CultureInfo.InvariantCulture, $"- {specs.Count(outcome => outcome.ItemFromSelect)} hold an `item` or `items` the page does not describe but declared from the fields their `select` lists (typed as the documented answers show them) or the linked object it selects;\n");
        text.Append(CultureInfo.InvariantCulture, $"- {specs.Count(outcome => outcome.UndescribedItems)} hold an `item` or `items` whose fields the page does not describe, left raw (their filter and select stay untyped);\n");
        text.Append(CultureInfo.InvariantCulture, $"- {specs.Count(outcome => outcome.Twin)} are the REST 3.0 twins of classic methods (`<method>.v3.yaml`, from the `*-rest-v3.md` pages).\n\n");
    }

    private static void Row(StringBuilder text, string scope, IReadOnlyList<ImportOutcome> outcomes)
    {
        var methods = outcomes.Count(outcome => outcome.IsMethod);
        var specs = outcomes.Count(outcome => outcome.File is not null);
        text.Append(CultureInfo.InvariantCulture, $"| {scope} | {outcomes.Count} | {methods} | {specs} | {methods - specs} | {Percent(specs, methods)} ");
        text.Append(CultureInfo.InvariantCulture, $"| {outcomes.Count(outcome => outcome.RequestExample)} | {outcomes.Count(outcome => outcome.ResponseExample)} ");
        text.Append(CultureInfo.InvariantCulture, $"| {outcomes.Sum(outcome => outcome.RecasedKeys)} | {outcomes.Sum(outcome => outcome.AddedParameters)} ");
        text.Append(CultureInfo.InvariantCulture, $"| {outcomes.Count(outcome => outcome.ResultFromAnswer)} | {outcomes.Sum(outcome => outcome.DroppedExamples)} ");
        text.Append(CultureInfo.InvariantCulture, $"| {outcomes.Sum(outcome => outcome.Corrected)} |\n");
    }

    // How many parameters, results and declared types' properties (or their items and values) the examples refined, by rule.
    private static void Refined(StringBuilder text, IReadOnlyList<Refinement> refinements)
    {
        if (refinements.Count == 0)
        {
            return;
        }

        text.Append("\n## Types refined by the examples\n\n");
        text.Append("Where every documented value of a parameter or field shows another form than its documented type, and none\n");
        text.Append("contradicts it, the spec takes the form the examples show.\n\n");
        text.Append("| Documented | Examples show | Refined |\n|---|---|---:|\n");
        foreach (var rule in refinements.GroupBy(refinement => (refinement.From, refinement.To)).OrderBy(rule => BuiltInTypes.Name(rule.Key.From), StringComparer.Ordinal).ThenBy(rule => BuiltInTypes.Name(rule.Key.To), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{BuiltInTypes.Name(rule.Key.From)}` | `{BuiltInTypes.Name(rule.Key.To)}` | {rule.Count()} |\n");
        }
    }

    // Each correction under the scope of its file, with the change and the reason.
    private static void Corrections(StringBuilder text, IReadOnlyList<ImportOutcome> outcomes)
    {
        var notes = outcomes.SelectMany(outcome => outcome.Corrections ?? []).ToList();
        if (notes.Count == 0)
        {
            return;
        }

        text.Append("\n## Corrections\n");
        foreach (var scope in notes.GroupBy(note => note.Scope).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {scope.Key}\n\n");
            foreach (var note in scope)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{note.Method}`: {note.Change}. Why: {note.Reason}\n");
            }
        }
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
