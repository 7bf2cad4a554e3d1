using System;
using System.Globalization;

namespace Bitrix24.Generated;

/// <summary>
/// Reads the date texts portals send. Input is ISO 8601; output follows the portal's regional settings:
/// <c>02.12.2024 11:00:00</c> (day first, dots), <c>12/11/2024 05:59:00 pm</c> (English: month first,
/// 12-hour clock), <c>11/12/2024 17:59:00</c> (day first, slashes, 24-hour clock) or <c>2024-12-02 11:00:00</c>.
/// </summary>
internal static class PortalDateText
{
    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "dd.MM.yyyy HH:mm:ss",
        "dd.MM.yyyy HH:mm",
        "dd.MM.yyyy H:mm:ss",
    };

    private static readonly string[] DateFormats = { "yyyy-MM-dd", "dd.MM.yyyy" };

    /// <summary>Whether the text carries a time of day, judged by its form alone.</summary>
    public static bool HasTime(string text) => text.IndexOf(':') >= 0;

    /// <summary>The wall-clock date and time written in <paramref name="text"/>, offset ignored.</summary>
    public static bool TryParseDateTime(string text, out DateTime value)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out value))
        {
            // An offset or Z made the result Local or Utc; keep the clock time as written.
            if (value.Kind != DateTimeKind.Unspecified && DateTimeOffset.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
            {
                value = withOffset.DateTime;
            }

            value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            return true;
        }

        if (TryParseSlashed(trimmed, out value))
        {
            return true;
        }

        // Date-only forms; not TryParseDate, which comes back here for text with a time part.
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date.ToDateTime(TimeOnly.MinValue);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The calendar date written in <paramref name="text"/>, time of day ignored.</summary>
    public static bool TryParseDate(string text, out DateOnly value)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        var space = trimmed.IndexOfAny(new[] { ' ', 'T' });
        if (space > 0 && TryParseDateTime(trimmed, out var dateTime))
        {
            value = DateOnly.FromDateTime(dateTime);
            return true;
        }

        if (TryParseSlashed(trimmed, out dateTime))
        {
            value = DateOnly.FromDateTime(dateTime);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The offset written in an ISO text, if it has one.</summary>
    public static bool TryParseOffset(string text, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith("Z", StringComparison.OrdinalIgnoreCase) ||
            (trimmed.Length > 19 && trimmed.IndexOf('T') == 10 && (trimmed.LastIndexOf('+') > 10 || trimmed.LastIndexOf('-') > 10));
        if (hasOffset && DateTimeOffset.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Slashed dates: with am/pm the portal is in the English format, month first; without, day first.
    /// When the numbers only make sense the other way round (<c>12/24/2024</c>, <c>24/12/2024 05:59:00 pm</c>),
    /// they are read that way. A date such as <c>12/11/2024</c> without a clock stays ambiguous and reads day first.
    /// </summary>
    private static bool TryParseSlashed(string text, out DateTime value)
    {
        value = default;
        if (text.IndexOf('/') < 0)
        {
            return false;
        }

        var twelveHour = text.EndsWith("am", StringComparison.OrdinalIgnoreCase) || text.EndsWith("pm", StringComparison.OrdinalIgnoreCase);
        return TryParseSlashed(text, twelveHour, monthFirst: twelveHour, out value) ||
            TryParseSlashed(text, twelveHour, monthFirst: !twelveHour, out value);
    }

    private static bool TryParseSlashed(string text, bool twelveHour, bool monthFirst, out DateTime value)
    {
        var date = monthFirst ? "MM/dd/yyyy" : "dd/MM/yyyy";
        string[] formats = twelveHour
            ? new[] { date + " hh:mm:ss tt", date + " h:mm:ss tt", date + " hh:mm tt", date + " h:mm tt" }
            : new[] { date + " HH:mm:ss", date + " H:mm:ss", date + " HH:mm", date };
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
    }
}
