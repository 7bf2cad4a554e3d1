using System;
using System.Globalization;

namespace Bitrix24.Generated;

/// <summary>
/// A date and time as a portal sends or takes it. Portals take ISO 8601 on input but answer in their
/// regional format (<c>02.12.2024 11:00:00</c>, <c>12/11/2024 05:59:00 pm</c>), so the value keeps its wire
/// text exactly and parses it on request: nothing is lost or reformatted when it is written back.
/// </summary>
/// <remarks>
/// Build one from a <see cref="DateTimeOffset"/> (sent with its offset, so the portal ignores any time-zone
/// parameter), from a <see cref="DateTime"/> (an unspecified kind is sent as wall-clock time, which the portal
/// reads in the time zone given beside it or the user's own), or from a <see cref="DateOnly"/> for all-day
/// values. Events also carry exact UTC timestamps (<c>DATE_FROM_TS_UTC</c>) where an instant is needed.
/// </remarks>
public readonly struct Bitrix24DateTime : IEquatable<Bitrix24DateTime>
{
    private readonly string? _text;

    /// <summary>Creates a value sent with its UTC offset, e.g. <c>2025-03-20T15:00:00+02:00</c>.</summary>
    /// <param name="value">The instant and its offset.</param>
    public Bitrix24DateTime(DateTimeOffset value)
    {
        _text = value.Offset == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Creates a value from a <see cref="DateTime"/>: UTC is sent with <c>Z</c>, local time with the machine's
    /// offset, and an unspecified kind as wall-clock time (<c>2025-03-20 15:00:00</c>).
    /// </summary>
    /// <param name="value">The date and time.</param>
    public Bitrix24DateTime(DateTime value)
    {
        _text = value.Kind switch
        {
            DateTimeKind.Unspecified => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            _ => new Bitrix24DateTime(new DateTimeOffset(value)).Text,
        };
    }

    private Bitrix24DateTime(string text) => _text = text;

    /// <summary>The value exactly as it travels on the wire.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>Whether the value carries a time of day (an all-day value has none).</summary>
    public bool HasTime => PortalDateText.HasTime(Text);

    /// <summary>Creates an all-day value, sent as <c>2025-03-20</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The value.</returns>
    public static Bitrix24DateTime FromDate(DateOnly date) => new(new Bitrix24Date(date).Text);

    /// <summary>Takes a wire text as it is, e.g. one read from a portal's answer.</summary>
    /// <param name="text">The text; not empty.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public static Bitrix24DateTime FromText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A date and time cannot be empty.", nameof(text));
        }

        return new Bitrix24DateTime(text);
    }

    /// <summary>
    /// Reads the wall-clock date and time written in the value, in any of the forms portals use. Slashed
    /// dates are read month first with <c>am</c>/<c>pm</c> (the English format) and day first without; use
    /// <see cref="TryGetDateTime(string, out DateTime)"/> for a portal set up otherwise.
    /// </summary>
    /// <param name="value">The date and time, of kind <see cref="DateTimeKind.Unspecified"/>.</param>
    /// <returns>Whether the text could be read.</returns>
    public bool TryGetDateTime(out DateTime value) => PortalDateText.TryParseDateTime(Text, out value);

    /// <summary>Reads the value with an exact .NET format, for portals with a custom date format.</summary>
    /// <param name="format">A custom format string, e.g. <c>dd/MM/yyyy HH:mm:ss</c>.</param>
    /// <param name="value">The date and time, of kind <see cref="DateTimeKind.Unspecified"/>.</param>
    /// <returns>Whether the text matched the format.</returns>
    public bool TryGetDateTime(string format, out DateTime value) =>
        DateTime.TryParseExact(Text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>The wall-clock date and time written in the value.</summary>
    /// <returns>The date and time, of kind <see cref="DateTimeKind.Unspecified"/>.</returns>
    /// <exception cref="FormatException">The text is in no form a portal uses.</exception>
    public DateTime ToDateTime() =>
        TryGetDateTime(out var value) ? value : throw new FormatException("'" + Text + "' is not a date and time in a form Bitrix24 uses.");

    /// <summary>The instant, when the text carries a UTC offset (ISO input does; portal answers do not).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>Whether the text has an offset.</returns>
    public bool TryGetDateTimeOffset(out DateTimeOffset value) => PortalDateText.TryParseOffset(Text, out value);

    /// <summary>Sends the instant with its offset.</summary>
    /// <param name="value">The instant.</param>
    public static implicit operator Bitrix24DateTime(DateTimeOffset value) => new(value);

    /// <summary>Sends the date and time according to its kind.</summary>
    /// <param name="value">The date and time.</param>
    public static implicit operator Bitrix24DateTime(DateTime value) => new(value);

    /// <summary>Sends an all-day value.</summary>
    /// <param name="value">The date.</param>
    public static implicit operator Bitrix24DateTime(DateOnly value) => FromDate(value);

    /// <summary>Compares wire texts.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(Bitrix24DateTime left, Bitrix24DateTime right) => left.Equals(right);

    /// <summary>Compares wire texts.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(Bitrix24DateTime left, Bitrix24DateTime right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Bitrix24DateTime other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bitrix24DateTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The wire text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
