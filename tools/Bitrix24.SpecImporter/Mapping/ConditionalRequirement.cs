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
        var optional = Choices(note ?? string.Empty, names, self: null);
        foreach (var row in rows)
        {
            if (Condition().IsMatch(row.Description.Text))
            {
                optional.Add(row.Name);
            }

            optional.UnionWith(Choices(row.Description.Text, names, row.Name));
        }

        return optional;
    }

    // The rows each sentence offering a choice names, when it names two or more; a row's own sentence counts the row.
    private static HashSet<string> Choices(string text, HashSet<string> names, string? self)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match sentence in Choice().Matches(text))
        {
            var named = Inline.CodeSpans(sentence.Value).Where(names.Contains);
            var choice = (self is null ? named : named.Append(self)).Distinct().ToList();
            if (choice.Count >= 2)
            {
                chosen.UnionWith(choice);
            }
        }

        return chosen;
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
