using System.Collections.Generic;

namespace Bitrix24.SpecImporter.Yfm;

/// <summary>
/// Drops <c>{% if %}</c> … <c>{% endif %}</c> sections whole. In the docs every condition is
/// <c>build == 'dev'</c>: drafts not published on the site, so the published page is the page without them.
/// Nested conditions are counted; <c>{% else %}</c> parts go with their condition.
/// </summary>
internal static class Conditionals
{
    /// <summary>
    /// For each line, whether it stays. An <c>{% if %}</c> left open at the end of the file drops only its own
    /// line (dropping the rest of the page would lose more than it saves) and is reported; a stray
    /// <c>{% endif %}</c> is dropped and reported.
    /// </summary>
    public static bool[] Keep(string[] lines, int? pageLine, List<YfmProblem> problems)
    {
        var keep = new bool[lines.Length];
        var depth = 0;
        var openedAt = -1;
        for (var index = 0; index < lines.Length; index++)
        {
            var directive = Directive.TryParse(lines[index]);
            if (directive?.Name == "if")
            {
                if (depth++ == 0)
                {
                    openedAt = index;
                }

                continue;
            }

            if (directive?.Name == "endif")
            {
                if (depth == 0)
                {
                    problems.Add(new YfmProblem(pageLine ?? index + 1, "An {% endif %} without an {% if %}."));
                }
                else
                {
                    depth--;
                }

                continue;
            }

            keep[index] = depth == 0;
        }

        if (depth > 0)
        {
            problems.Add(new YfmProblem(pageLine ?? openedAt + 1, "An {% if %} is not closed; its lines are kept."));
            for (var index = openedAt + 1; index < lines.Length; index++)
            {
                keep[index] = Directive.TryParse(lines[index])?.Name is not ("if" or "endif" or "else" or "elsif");
            }
        }

        return keep;
    }
}
