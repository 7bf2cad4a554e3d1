using System;
using System.Globalization;

namespace Bitrix24.Emulator;

/// <summary>
/// The regional format a portal writes dates in (its users' language settings decide it on a real one):
/// event times, creation dates, recurrence ends and excluded dates all follow it.
/// </summary>
public sealed class PortalDateFormat
{
    private readonly string _date;
    private readonly string _dateTime;

    private PortalDateFormat(string name, string date, string dateTime)
    {
        Name = name;
        _date = date;
        _dateTime = dateTime;
    }

    /// <summary>Day first with dots and a 24-hour clock: <c>02.12.2024 11:00:00</c>.</summary>
    public static PortalDateFormat DayFirst { get; } = new("day first", "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss");

    /// <summary>The English portal's: month first with slashes and a 12-hour clock, <c>12/11/2024 05:59:00 pm</c>.</summary>
    public static PortalDateFormat English { get; } = new("English", "MM/dd/yyyy", "MM/dd/yyyy hh:mm:ss tt");

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>A date in this format.</summary>
    public string Format(DateOnly date) => date.ToString(_date, CultureInfo.InvariantCulture);

    /// <summary>A date and time in this format; am and pm in lower case, as portals write them.</summary>
    public string Format(DateTime value) => value.ToString(_dateTime, CultureInfo.InvariantCulture)
        .Replace("AM", "am", StringComparison.Ordinal)
        .Replace("PM", "pm", StringComparison.Ordinal);

    /// <summary>Whether a value a caller sent is a date, or a date and time, in this format.</summary>
    internal bool IsDate(string text) =>
        DateTime.TryParseExact(text, [_date, _dateTime], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
