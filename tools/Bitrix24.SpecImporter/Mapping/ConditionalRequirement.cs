using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using Bitrix24.SpecImporter.Pages;
using Bitrix24.SpecImporter.Yfm;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Starred rows that a call may leave out: rows of which a caller passes one or another ("at least one of the
/// parameters: `IBLOCK_ID` or `IBLOCK_CODE`", "pass either the `uuid` or `crmId` parameter", "used instead of
/// `fileId`") and rows required only under a condition ("required if `DIALOG_ID` is not provided", "required only
/// for webhooks", "relevant only for services of type list"). A spec's
/// required parameter must be sent on every call, so none of these is required in the spec; the portal's own check
/// answers a call that misses the condition.
/// </summary>
internal static partial class ConditionalRequirement
{
    /// <summary>The names of the rows that are not required on their own.</summary>
    /// <param name="rows">The rows of a table.</param>
    /// <param name="note">The text under the table, which may name the choice instead of a row.</param>
    public static HashSet<string> NotRequiredAlone(IReadOnlyList<FieldRow> rows, string? note = null)
    {
        var names = rows.Select(row => row.Name).ToHashSet(StringComparer.Ordinal);
        var optional = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match sentence in Choice().Matches(note ?? string.Empty))
        {
            var named = Inline.CodeSpans(sentence.Value).Where(names.Contains).Distinct().ToList();
            if (named.Count >= 2)
            {
                optional.UnionWith(named);
            }
        }

        foreach (var row in rows)
        {
            if (Condition().IsMatch(row.Description.Text))
            {
                optional.Add(row.Name);
            }

            foreach (Match sentence in Choice().Matches(row.Description.Text))
            {
                // The choice is between the rows the sentence names, the row itself among them.
                var named = Inline.CodeSpans(sentence.Value).Where(names.Contains).Append(row.Name).Distinct().ToList();
                if (named.Count >= 2)
                {
                    optional.UnionWith(named);
                }
            }
        }

        return optional;
    }

    /// <summary>The text of the paragraphs that follow a table, up to the next table.</summary>
    public static string TextAfter(IEnumerable<YfmBlock> blocks, YfmTable table) =>
        string.Join("\n", blocks.SkipWhile(block => !ReferenceEquals(block, table)).Skip(1).TakeWhile(block => block is not YfmTable).OfType<YfmText>().Select(text => text.Text));

    // From the phrase that offers a choice to the end of its sentence or cell.
    [GeneratedRegex(@"(?:at least one of|one of the (?:parameters|fields|following fields)|\beither\b|\binstead of\b)[^.|]*", RegexOptions.IgnoreCase)]
    private static partial Regex Choice();

    [GeneratedRegex(@"\b(?:(?:required|mandatory) (?:if|when|only)|relevant only (?:for|when|if))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();
}
