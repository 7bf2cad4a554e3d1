using System;
using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Finds the line that closes a construct (<c>|#</c> for <c>#|</c>, <c>{% endnote %}</c> for a note), counting
/// nested openings and skipping fenced code, whose text means nothing to the page's structure.
/// </summary>
internal static class EndFinder
{
    /// <summary>
    /// The index of the closing line for a construct opened just before <paramref name="start"/>, or -1 when it
    /// is not closed before the end.
    /// </summary>
    public static int Find(
        IReadOnlyList<SourceLine> lines, int start, Func<string, bool> opens, Func<string, bool> closes)
    {
        var depth = 1;
        Fence? fence = null;
        for (var index = start; index < lines.Count; index++)
        {
            var text = lines[index].Text;
            if (fence is not null)
            {
                if (fence.CloseEnd(text) >= 0)
                {
                    fence = null;
                }

                continue;
            }

            fence = Fence.TryOpen(text);
            if (fence is not null)
            {
                continue;
            }

            if (opens(text))
            {
                depth++;
            }
            else if (closes(text) && --depth == 0)
            {
                return index;
            }
        }

        return -1;
    }
}
