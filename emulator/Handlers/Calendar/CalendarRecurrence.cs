using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Handlers.Calendar;

/// <summary>
/// The recurrence of an event (the <c>rrule</c> parameter): a frequency, an interval, weekdays for weekly events,
/// and an end by count or by date. Expands into the start dates of the occurrences.
/// </summary>
internal sealed record CalendarRecurrence(string Frequency, int Interval, IReadOnlyList<DayOfWeek> Weekdays, int? Count, DateOnly? Until)
{
    private static readonly string[] DayCodes = { "SU", "MO", "TU", "WE", "TH", "FR", "SA" };

    /// <summary>Reads <c>rrule</c>; null when it is absent or has no frequency.</summary>
    public static CalendarRecurrence? Read(JsonNode? rule)
    {
        if (rule is not JsonObject fields || fields["FREQ"]?.ToString() is not { Length: > 0 } frequency)
        {
            return null;
        }

        var weekdays = fields["BYDAY"] switch
        {
            JsonArray list => list.Select(day => day?.ToString()),
            JsonObject set => set.Select(pair => pair.Key),
            JsonValue text => text.ToString().Split(','),
            _ => Enumerable.Empty<string?>(),
        };
        var days = weekdays.Select(day => Array.IndexOf(DayCodes, day)).Where(index => index >= 0).Select(index => (DayOfWeek)index).Distinct().OrderBy(d => ((int)d + 6) % 7).ToArray();
        // A weekly rule without days falls on Mondays, as the portal reads it; other rules have no days.
        days = frequency == "WEEKLY" ? (days.Length == 0 ? new[] { DayOfWeek.Monday } : days) : Array.Empty<DayOfWeek>();
        return new CalendarRecurrence(
            frequency,
            Math.Max(1, Integer(fields["INTERVAL"]) ?? 1),
            days,
            Integer(fields["COUNT"]),
            DateOnly.TryParseExact(fields["UNTIL"]?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null);
    }

    /// <summary>The start dates of the occurrences, from the series' first day, in order, leaving out <paramref name="excluded"/>.</summary>
    public IEnumerable<DateOnly> Occurrences(DateOnly first, ISet<DateOnly> excluded)
    {
        var produced = 0;
        foreach (var day in Candidates(first))
        {
            if ((Until is { } until && day > until) || (Count is { } count && produced >= count))
            {
                yield break;
            }

            // Excluded days still count towards COUNT: they were occurrences once.
            produced++;
            if (!excluded.Contains(day))
            {
                yield return day;
            }
        }
    }

    /// <summary>How many occurrences (excluded or not) start before <paramref name="day"/>.</summary>
    public int CountBefore(DateOnly first, DateOnly day) =>
        Candidates(first).TakeWhile(candidate => candidate < day).Take(Count ?? int.MaxValue).Count();

    /// <summary>The rule as the portal answers it: <c>BYDAY</c> as an object keyed by the days, the end date in the portal's format and as a Unix time.</summary>
    public JsonObject ToPortalJson(Func<DateOnly, string> formatDate)
    {
        var rule = new JsonObject { ["FREQ"] = Frequency };
        if (Count is { } count)
        {
            rule["COUNT"] = count;
        }

        if (Weekdays.Count > 0)
        {
            var days = new JsonObject();
            foreach (var day in Weekdays)
            {
                days[DayCodes[(int)day]] = DayCodes[(int)day];
            }

            rule["BYDAY"] = days;
        }

        rule["INTERVAL"] = Interval;
        if (Until is { } until)
        {
            rule["UNTIL"] = formatDate(until);
            rule["~UNTIL"] = formatDate(until);
            rule["UNTIL_TS"] = new DateTimeOffset(until.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        }

        return rule;
    }

    /// <summary>The rule in words, as <c>~RRULE_DESCRIPTION</c>.</summary>
    public string Describe()
    {
        var unit = Frequency switch { "DAILY" => "day", "WEEKLY" => "week", "MONTHLY" => "month", _ => "year" };
        var text = Interval == 1 ? "every " + unit : "every " + Interval.ToString(CultureInfo.InvariantCulture) + " " + unit + "s";
        if (Weekdays.Count > 0)
        {
            text += " on: " + string.Join(", ", Weekdays.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));
        }

        return text;
    }

    private IEnumerable<DateOnly> Candidates(DateOnly first)
    {
        switch (Frequency)
        {
            case "WEEKLY" when Weekdays.Count > 0:
                // Weeks start on Monday; every Interval-th week from the first one, on the rule's days.
                var monday = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
                for (var week = 0; week < 5000; week += Interval)
                {
                    foreach (var day in Weekdays)
                    {
                        var date = monday.AddDays((week * 7) + (((int)day + 6) % 7));
                        if (date >= first)
                        {
                            yield return date;
                        }
                    }
                }

                break;
            default:
                for (var step = 0; step < 5000; step++)
                {
                    yield return Frequency switch
                    {
                        "DAILY" => first.AddDays(step * Interval),
                        "WEEKLY" => first.AddDays(step * Interval * 7),
                        "MONTHLY" => MonthsLater(first, step * Interval),
                        _ => MonthsLater(first, step * Interval * 12),
                    };
                }

                break;
        }
    }

    /// <summary>
    /// The day <paramref name="months"/> months after <paramref name="first"/>, on the same day of the month. A month
    /// too short for that day (the 31st in April, the 29th of February in a common year) has the occurrence on the 1st
    /// of the month after, as a portal expands it; it is neither left out nor moved back to the month's last day.
    /// </summary>
    private static DateOnly MonthsLater(DateOnly first, int months)
    {
        var month = new DateOnly(first.Year, first.Month, 1).AddMonths(months);
        return first.Day <= DateTime.DaysInMonth(month.Year, month.Month)
            ? new DateOnly(month.Year, month.Month, first.Day)
            : month.AddMonths(1);
    }

    private static int? Integer(JsonNode? node) =>
        int.TryParse(node?.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
