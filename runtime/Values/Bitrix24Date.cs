using System;
using System.Globalization;

namespace Bitrix24.Generated;

/// <summary>
/// A calendar date as a portal sends or takes it: ISO <c>2024-12-20</c> on input, the portal's regional
/// format (<c>20.12.2024</c>) in answers. The value keeps its wire text exactly and parses it on request.
/// </summary>
public readonly struct Bitrix24Date : IEquatable<Bitrix24Date>
{
    private readonly string? _text;

    /// <summary>Creates a value sent as <c>2024-12-20</c>.</summary>
    /// <param name="date">The date.</param>
    public Bitrix24Date(DateOnly date) => _text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Bitrix24Date(string text) => _text = text;

    /// <summary>The value exactly as it travels on the wire.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>Takes a wire text as it is, e.g. one read from a portal's answer.</summary>
    /// <param name="text">The text; not empty.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public static Bitrix24Date FromText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A date cannot be empty.", nameof(text));
        }

        return new Bitrix24Date(text);
    }

    /// <summary>
    /// Reads the date in any of the forms portals use (<c>2024-12-20</c>, <c>20.12.2024</c>, slashed forms as
    /// described on <see cref="Bitrix24DateTime.TryGetDateTime(out DateTime)"/>).
    /// </summary>
    /// <param name="value">The date.</param>
    /// <returns>Whether the text could be read.</returns>
    public bool TryGetDate(out DateOnly value) => PortalDateText.TryParseDate(Text, out value);

    /// <summary>Reads the date with an exact .NET format, for portals with a custom date format.</summary>
    /// <param name="format">A custom format string, e.g. <c>MM/dd/yyyy</c>.</param>
    /// <param name="value">The date.</param>
    /// <returns>Whether the text matched the format.</returns>
    public bool TryGetDate(string format, out DateOnly value) =>
        DateOnly.TryParseExact(Text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>The date written in the value.</summary>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is in no form a portal uses.</exception>
    public DateOnly ToDateOnly() =>
        TryGetDate(out var value) ? value : throw new FormatException("'" + Text + "' is not a date in a form Bitrix24 uses.");

    /// <summary>Sends the date as <c>2024-12-20</c>.</summary>
    /// <param name="value">The date.</param>
    public static implicit operator Bitrix24Date(DateOnly value) => new(value);

    /// <summary>Compares wire texts.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(Bitrix24Date left, Bitrix24Date right) => left.Equals(right);

    /// <summary>Compares wire texts.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(Bitrix24Date left, Bitrix24Date right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Bitrix24Date other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bitrix24Date other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The wire text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
