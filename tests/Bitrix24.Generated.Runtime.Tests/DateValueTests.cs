using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

public class DateValueTests
{
    private const long UnixSeconds = 1733932740; // 2024-12-11 15:59:00 UTC

    // ---- Reading the forms portals send -------------------------------------------------------------

    [Theory]
    [InlineData("2024-12-20T10:00:00+02:00", 2024, 12, 20, 10, 0, 0)]
    [InlineData("2024-12-20T10:00:00-05:30", 2024, 12, 20, 10, 0, 0)]
    [InlineData("2024-12-20T10:00:00Z", 2024, 12, 20, 10, 0, 0)]
    [InlineData("2024-12-20T10:00:00", 2024, 12, 20, 10, 0, 0)]
    [InlineData("2024-12-20T10:07", 2024, 12, 20, 10, 7, 0)]
    [InlineData("2024-12-20 10:00:00", 2024, 12, 20, 10, 0, 0)]
    [InlineData("2024-12-20 23:59", 2024, 12, 20, 23, 59, 0)]
    [InlineData("2024-12-20", 2024, 12, 20, 0, 0, 0)]
    [InlineData("02.12.2024 11:00:00", 2024, 12, 2, 11, 0, 0)]
    [InlineData("02.12.2024 11:05", 2024, 12, 2, 11, 5, 0)]
    [InlineData("02.12.2024 9:05:30", 2024, 12, 2, 9, 5, 30)]
    [InlineData("20.12.2024", 2024, 12, 20, 0, 0, 0)]
    [InlineData("12/11/2024 05:59:00 pm", 2024, 12, 11, 17, 59, 0)]
    [InlineData("12/11/2024 12:30:00 am", 2024, 12, 11, 0, 30, 0)]
    [InlineData("12/11/2024 12:30:00 pm", 2024, 12, 11, 12, 30, 0)]
    [InlineData("12/11/2024 05:59:00 AM", 2024, 12, 11, 5, 59, 0)]
    [InlineData("12/11/2024 5:59:00 PM", 2024, 12, 11, 17, 59, 0)]
    [InlineData("12/11/2024 05:59 pm", 2024, 12, 11, 17, 59, 0)]
    [InlineData("12/25/2024 05:00:00 pm", 2024, 12, 25, 17, 0, 0)]
    [InlineData("25/12/2024 05:00:00 pm", 2024, 12, 25, 17, 0, 0)]
    [InlineData("13/01/2024 08:00:00 am", 2024, 1, 13, 8, 0, 0)]
    [InlineData("11/12/2024 17:59:00", 2024, 12, 11, 17, 59, 0)]
    [InlineData("12/11/2024 17:59:00", 2024, 11, 12, 17, 59, 0)]
    [InlineData("12/11/2024 7:05:00", 2024, 11, 12, 7, 5, 0)]
    [InlineData("13/01/2024 08:00", 2024, 1, 13, 8, 0, 0)]
    [InlineData("11/12/2024", 2024, 12, 11, 0, 0, 0)]
    [InlineData("  02.12.2024 11:00:00  ", 2024, 12, 2, 11, 0, 0)]
    public void Every_portal_form_reads_as_the_wall_clock_time_written(string text, int year, int month, int day, int hour, int minute, int second)
    {
        var expected = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var value = Bitrix24DateTime.FromText(text);

        Assert.True(value.TryGetDateTime(out var parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(DateTimeKind.Unspecified, parsed.Kind);
        Assert.Equal(expected, value.ToDateTime());
        Assert.Equal(DateTimeKind.Unspecified, value.ToDateTime().Kind);
    }

    [Fact]
    public void Fractional_seconds_in_iso_text_are_kept()
    {
        var value = Bitrix24DateTime.FromText("2024-12-20T10:00:00.250+03:00");

        Assert.Equal(new DateTime(2024, 12, 20, 10, 0, 0, 250, DateTimeKind.Unspecified), value.ToDateTime());
        Assert.True(value.TryGetDateTimeOffset(out var offset));
        Assert.Equal(new DateTimeOffset(2024, 12, 20, 10, 0, 0, 250, TimeSpan.FromHours(3)), offset);
    }

    [Theory]
    [InlineData("2024-12-20", 2024, 12, 20)]
    [InlineData("20.12.2024", 2024, 12, 20)]
    [InlineData("02.12.2024", 2024, 12, 2)]
    [InlineData("02.12.2024 11:00:00", 2024, 12, 2)]
    [InlineData("2024-12-20 10:00:00", 2024, 12, 20)]
    [InlineData("2024-12-20T23:30:00-05:00", 2024, 12, 20)]
    [InlineData("2024-12-20T00:30:00+03:00", 2024, 12, 20)]
    [InlineData("12/11/2024 05:59:00 pm", 2024, 12, 11)]
    [InlineData("25/12/2024 05:00:00 pm", 2024, 12, 25)]
    [InlineData("12/11/2024 17:59:00", 2024, 11, 12)]
    [InlineData("11/12/2024", 2024, 12, 11)]
    [InlineData(" 2024-12-20 ", 2024, 12, 20)]
    public void Every_portal_form_reads_as_the_date_written(string text, int year, int month, int day)
    {
        var expected = new DateOnly(year, month, day);
        var value = Bitrix24Date.FromText(text);

        Assert.True(value.TryGetDate(out var parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(expected, value.ToDateOnly());
    }

    [Theory]
    [InlineData("2024-12-20T10:00:00+02:00", 120)]
    [InlineData("2024-12-20T10:00:00-05:30", -330)]
    [InlineData("2024-12-20T10:00:00Z", 0)]
    [InlineData("2024-12-20T10:00:00+00:00", 0)]
    public void Iso_text_with_an_offset_reads_as_that_instant(string text, int offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);

        Assert.True(Bitrix24DateTime.FromText(text).TryGetDateTimeOffset(out var value));
        Assert.Equal(offset, value.Offset);
        Assert.Equal(new DateTime(2024, 12, 20, 10, 0, 0), value.DateTime);
        Assert.Equal(new DateTimeOffset(2024, 12, 20, 10, 0, 0, offset).UtcDateTime, value.UtcDateTime);
    }

    [Theory]
    [InlineData("2024-12-20T10:00:00")]
    [InlineData("2024-12-20T10:00:00.123")]
    [InlineData("2024-12-20 10:00:00")]
    [InlineData("2024-12-20")]
    [InlineData("02.12.2024 11:00:00")]
    [InlineData("12/11/2024 05:59:00 pm")]
    [InlineData("11/12/2024 17:59:00")]
    [InlineData("soon")]
    public void Text_without_an_offset_gives_no_instant(string text)
    {
        Assert.False(Bitrix24DateTime.FromText(text).TryGetDateTimeOffset(out var value));
        Assert.Equal(default, value);
    }

    [Fact]
    public void Ambiguous_slashed_text_is_month_first_only_with_am_or_pm()
    {
        // The same digits, two readings: the 12-hour clock marks the English (month-first) format.
        Assert.Equal(new DateTime(2024, 12, 11, 17, 59, 0), Bitrix24DateTime.FromText("12/11/2024 05:59:00 pm").ToDateTime());
        Assert.Equal(new DateTime(2024, 11, 12, 17, 59, 0), Bitrix24DateTime.FromText("12/11/2024 17:59:00").ToDateTime());
        Assert.Equal(new DateOnly(2024, 12, 11), Bitrix24Date.FromText("12/11/2024 05:59:00 pm").ToDateOnly());
        Assert.Equal(new DateOnly(2024, 11, 12), Bitrix24Date.FromText("12/11/2024 17:59:00").ToDateOnly());
    }

    [Theory]
    [InlineData("12/25/2024 17:00:00", 2024, 12, 25, 17, 0)]
    [InlineData("12/24/2024", 2024, 12, 24, 0, 0)]
    [InlineData("24/12/2024 05:59:00 pm", 2024, 12, 24, 17, 59)]
    [InlineData("13/12/2024 05:00:00 pm", 2024, 12, 13, 17, 0)]
    public void Slashed_text_that_only_fits_the_other_order_is_read_that_way(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), Bitrix24DateTime.FromText(text).ToDateTime());
        Assert.Equal(new DateOnly(year, month, day), Bitrix24Date.FromText(text).ToDateOnly());
    }

    [Fact]
    public void Ambiguous_slashed_text_without_a_clock_reads_day_first_unless_a_format_is_named()
    {
        var date = Bitrix24Date.FromText("12/11/2024");
        Assert.Equal(new DateOnly(2024, 11, 12), date.ToDateOnly());
        Assert.True(date.TryGetDate("MM/dd/yyyy", out var monthFirst));
        Assert.Equal(new DateOnly(2024, 12, 11), monthFirst);
        Assert.False(Bitrix24Date.FromText("12/25/2024").TryGetDate("dd/MM/yyyy", out _));

        var value = Bitrix24DateTime.FromText("12/11/2024 17:59:00");
        Assert.Equal(new DateTime(2024, 11, 12, 17, 59, 0), value.ToDateTime());
        Assert.True(value.TryGetDateTime("MM/dd/yyyy HH:mm:ss", out var parsed));
        Assert.Equal(new DateTime(2024, 12, 11, 17, 59, 0), parsed);
        Assert.Equal(DateTimeKind.Unspecified, parsed.Kind);
        Assert.False(value.TryGetDateTime("yyyy-MM-dd HH:mm:ss", out _));
    }

    [Theory]
    [InlineData("2024-12-20T10:00:00+02:00", true)]
    [InlineData("2024-12-20 10:00", true)]
    [InlineData("02.12.2024 11:00:00", true)]
    [InlineData("12/11/2024 05:59:00 pm", true)]
    [InlineData("2024-12-20", false)]
    [InlineData("20.12.2024", false)]
    [InlineData("11/12/2024", false)]
    public void HasTime_tells_all_day_values_apart(string text, bool hasTime)
    {
        Assert.Equal(hasTime, Bitrix24DateTime.FromText(text).HasTime);
        Assert.Equal(hasTime, PortalDateText.HasTime(text));
    }

    // ---- Text that is no date -----------------------------------------------------------------------

    [Theory]
    [InlineData("soon")]
    [InlineData("Today")]
    [InlineData("31/31/2024")]
    [InlineData("13/25/2024 05:00:00 pm")]
    [InlineData("13/25/2024 17:00:00")]
    [InlineData("12/11/2024 13:00:00 pm")]
    [InlineData("2024-13-01 10:00:00")]
    [InlineData("2024-12-20T25:00:00")]
    [InlineData("32.12.2024 10:00:00")]
    [InlineData("30.02.2024")]
    [InlineData("2024/12/20")]
    [InlineData("1733932740")]
    public void Garbage_date_time_text_is_refused_and_named(string text)
    {
        var value = Bitrix24DateTime.FromText(text);

        Assert.False(value.TryGetDateTime(out var parsed));
        Assert.Equal(default, parsed);
        Assert.False(value.TryGetDateTimeOffset(out _));
        var exception = Assert.Throws<FormatException>(() => value.ToDateTime());
        Assert.Equal("'" + text + "' is not a date and time in a form Bitrix24 uses.", exception.Message);
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("31/31/2024")]
    [InlineData("2024-02-30")]
    [InlineData("30.02.2024")]
    [InlineData("12/11/2024 13:00:00 pm")]
    [InlineData("2024-12-20Tnoon")]
    [InlineData("20.12.24")]
    public void Garbage_date_text_is_refused_and_named(string text)
    {
        var value = Bitrix24Date.FromText(text);

        Assert.False(value.TryGetDate(out var parsed));
        Assert.Equal(default, parsed);
        var exception = Assert.Throws<FormatException>(() => value.ToDateOnly());
        Assert.Equal("'" + text + "' is not a date in a form Bitrix24 uses.", exception.Message);
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_no_value(string text)
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => Bitrix24DateTime.FromText(text)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => Bitrix24Date.FromText(text)).ParamName);
    }

    [Fact]
    public void Default_values_have_empty_text_and_read_as_nothing()
    {
        Bitrix24DateTime dateTime = default;
        Bitrix24Date date = default;

        Assert.Equal(string.Empty, dateTime.Text);
        Assert.Equal(string.Empty, dateTime.ToString());
        Assert.False(dateTime.HasTime);
        Assert.False(dateTime.TryGetDateTime(out _));
        Assert.False(dateTime.TryGetDateTimeOffset(out _));
        Assert.Throws<FormatException>(() => dateTime.ToDateTime());
        Assert.Equal(string.Empty, date.Text);
        Assert.Equal(string.Empty, date.ToString());
        Assert.False(date.TryGetDate(out _));
        Assert.Throws<FormatException>(() => date.ToDateOnly());
    }

    // ---- The wire text is kept --------------------------------------------------------------------

    [Theory]
    [InlineData("02.12.2024 11:00:00")]
    [InlineData("12/11/2024 05:59:00 pm")]
    [InlineData("2024-12-20T10:00:00+02:00")]
    [InlineData(" 2024-12-20 10:00:00 ")]
    [InlineData("soon")]
    public void Date_time_text_is_kept_exactly(string text)
    {
        var value = Bitrix24DateTime.FromText(text);
        value.TryGetDateTime(out _);
        value.TryGetDateTimeOffset(out _);

        Assert.Equal(text, value.Text);
        Assert.Equal(text, value.ToString());
        Assert.Equal(text, JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, ConverterOptions)));

        var read = Read(JsonSerializer.Serialize(text), static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDateTime(ref r));
        Assert.Equal(text, read!.Value.Text);
    }

    [Theory]
    [InlineData("20.12.2024")]
    [InlineData("2024-12-20")]
    [InlineData("12/11/2024")]
    [InlineData(" 20.12.2024 ")]
    [InlineData("02.12.2024 11:00:00")]
    public void Date_text_is_kept_exactly(string text)
    {
        var value = Bitrix24Date.FromText(text);
        value.TryGetDate(out _);

        Assert.Equal(text, value.Text);
        Assert.Equal(text, value.ToString());
        Assert.Equal(text, JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, ConverterOptions)));

        var read = Read(JsonSerializer.Serialize(text), static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDate(ref r));
        Assert.Equal(text, read!.Value.Text);
    }

    [Fact]
    public void Date_time_values_are_equal_by_text_alone()
    {
        var a = Bitrix24DateTime.FromText("2024-12-20 10:00:00");
        var b = Bitrix24DateTime.FromText("2024-12-20 10:00:00");
        var sameMoment = Bitrix24DateTime.FromText("20.12.2024 10:00:00");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != sameMoment);
        Assert.False(a.Equals(sameMoment));
        Assert.False(a.Equals("2024-12-20 10:00:00"));
        Assert.False(Bitrix24DateTime.FromText("2024-12-20T10:00:00Z") == Bitrix24DateTime.FromText("2024-12-20T12:00:00+02:00"));
        Assert.False(Bitrix24DateTime.FromText("2024-12-20T10:00:00Z") == Bitrix24DateTime.FromText("2024-12-20T10:00:00z"));
        Assert.Equal(new Bitrix24DateTime(new DateTime(2024, 12, 20, 10, 0, 0)), a);
    }

    [Fact]
    public void Date_values_are_equal_by_text_alone()
    {
        var a = Bitrix24Date.FromText("2024-12-20");
        var b = new Bitrix24Date(new DateOnly(2024, 12, 20));
        var sameDay = Bitrix24Date.FromText("20.12.2024");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != sameDay);
        Assert.False(a.Equals((object)sameDay));
        Assert.False(a.Equals("2024-12-20"));
        Assert.Equal(a.ToDateOnly(), sameDay.ToDateOnly());
    }

    [Fact]
    public void Equal_texts_collapse_in_a_set()
    {
        var set = new HashSet<Bitrix24DateTime>
        {
            Bitrix24DateTime.FromText("02.12.2024 11:00:00"),
            Bitrix24DateTime.FromText("02.12.2024 11:00:00"),
            Bitrix24DateTime.FromText("2024-12-02 11:00:00"),
        };

        Assert.Equal(2, set.Count);
    }

    // ---- Values built in code -----------------------------------------------------------------------

    [Theory]
    [InlineData(120, "2025-03-20T15:00:00+02:00")]
    [InlineData(-330, "2025-03-20T15:00:00-05:30")]
    [InlineData(345, "2025-03-20T15:00:00+05:45")]
    [InlineData(0, "2025-03-20T15:00:00Z")]
    public void An_offset_value_is_sent_as_iso_with_its_offset(int offsetMinutes, string expected)
    {
        var instant = new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromMinutes(offsetMinutes));
        var value = new Bitrix24DateTime(instant);

        Assert.Equal(expected, value.Text);
        Assert.Equal(expected, value.ToString());
        Assert.True(value.HasTime);
        Assert.True(value.TryGetDateTimeOffset(out var read));
        Assert.Equal(instant, read);
        Assert.Equal(instant.Offset, read.Offset);
        Assert.Equal(new DateTime(2025, 3, 20, 15, 0, 0), value.ToDateTime());
        Assert.Equal(new DateOnly(2025, 3, 20), Bitrix24Date.FromText(value.Text).ToDateOnly());
    }

    [Fact]
    public void An_offset_value_is_sent_to_the_second()
    {
        var instant = new DateTimeOffset(2025, 3, 20, 15, 0, 7, 789, TimeSpan.FromHours(2));

        Assert.Equal("2025-03-20T15:00:07+02:00", new Bitrix24DateTime(instant).Text);
    }

    [Fact]
    public void An_unspecified_date_time_is_sent_as_wall_clock_time()
    {
        var wallClock = new DateTime(2025, 3, 20, 15, 4, 5, DateTimeKind.Unspecified);
        var value = new Bitrix24DateTime(wallClock);

        Assert.Equal("2025-03-20 15:04:05", value.Text);
        Assert.True(value.HasTime);
        Assert.True(value.TryGetDateTime(out var read));
        Assert.Equal(wallClock, read);
        Assert.Equal(DateTimeKind.Unspecified, read.Kind);
        Assert.False(value.TryGetDateTimeOffset(out _));
    }

    [Fact]
    public void A_utc_date_time_is_sent_with_z()
    {
        var utc = new DateTime(2025, 3, 20, 15, 0, 0, DateTimeKind.Utc);
        var value = new Bitrix24DateTime(utc);

        Assert.Equal("2025-03-20T15:00:00Z", value.Text);
        Assert.True(value.TryGetDateTimeOffset(out var read));
        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(utc, read.UtcDateTime);
    }

    [Fact]
    public void A_local_date_time_is_sent_with_the_machine_offset()
    {
        var local = new DateTime(2025, 3, 20, 15, 0, 0, DateTimeKind.Local);
        var value = new Bitrix24DateTime(local);

        Assert.Equal(new Bitrix24DateTime(new DateTimeOffset(local)).Text, value.Text);
        Assert.True(value.TryGetDateTimeOffset(out var read));
        Assert.Equal(local.ToUniversalTime(), read.UtcDateTime);
        Assert.Equal(new DateTime(2025, 3, 20, 15, 0, 0), value.ToDateTime());
    }

    [Theory]
    [InlineData(2025, 3, 20, "2025-03-20")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void A_date_is_sent_as_iso(int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);

        var allDay = Bitrix24DateTime.FromDate(date);
        Assert.Equal(expected, allDay.Text);
        Assert.False(allDay.HasTime);
        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), allDay.ToDateTime());
        Assert.False(allDay.TryGetDateTimeOffset(out _));

        var value = new Bitrix24Date(date);
        Assert.Equal(expected, value.Text);
        Assert.Equal(expected, value.ToString());
        Assert.True(value.TryGetDate(out var read));
        Assert.Equal(date, read);
    }

    [Fact]
    public void Implicit_conversions_pick_the_matching_constructor()
    {
        Bitrix24DateTime fromOffset = new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromHours(2));
        Bitrix24DateTime fromWallClock = new DateTime(2025, 3, 20, 15, 0, 0);
        Bitrix24DateTime fromUtc = new DateTime(2025, 3, 20, 15, 0, 0, DateTimeKind.Utc);
        Bitrix24DateTime fromDay = new DateOnly(2025, 3, 20);
        Bitrix24Date date = new DateOnly(2025, 3, 20);

        Assert.Equal("2025-03-20T15:00:00+02:00", fromOffset.Text);
        Assert.Equal("2025-03-20 15:00:00", fromWallClock.Text);
        Assert.Equal("2025-03-20T15:00:00Z", fromUtc.Text);
        Assert.Equal("2025-03-20", fromDay.Text);
        Assert.Equal("2025-03-20", date.Text);
        Assert.Equal(Bitrix24DateTime.FromDate(new DateOnly(2025, 3, 20)), fromDay);
    }

    // ---- Culture --------------------------------------------------------------------------------

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("custom")]
    public void Reading_and_writing_do_not_depend_on_the_current_culture(string cultureName)
    {
        var culture = cultureName == "custom" ? HostileCulture() : CultureInfo.GetCultureInfo(cultureName);
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            Assert.Equal(new DateTime(2024, 12, 11, 17, 59, 0), Bitrix24DateTime.FromText("12/11/2024 05:59:00 pm").ToDateTime());
            Assert.Equal(new DateTime(2024, 12, 11, 0, 30, 0), Bitrix24DateTime.FromText("12/11/2024 12:30:00 am").ToDateTime());
            Assert.Equal(new DateTime(2024, 11, 12, 17, 59, 0), Bitrix24DateTime.FromText("12/11/2024 17:59:00").ToDateTime());
            Assert.Equal(new DateTime(2024, 12, 2, 11, 0, 0), Bitrix24DateTime.FromText("02.12.2024 11:00:00").ToDateTime());
            Assert.Equal(new DateTime(2024, 12, 20, 10, 0, 0), Bitrix24DateTime.FromText("2024-12-20 10:00:00").ToDateTime());
            Assert.True(Bitrix24DateTime.FromText("2024-12-20T10:00:00+02:00").TryGetDateTimeOffset(out var instant));
            Assert.Equal(new DateTimeOffset(2024, 12, 20, 10, 0, 0, TimeSpan.FromHours(2)), instant);
            Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
            Assert.Equal(new DateOnly(2024, 12, 20), Bitrix24Date.FromText("20.12.2024").ToDateOnly());
            Assert.Equal(new DateOnly(2024, 12, 20), Bitrix24Date.FromText("2024-12-20").ToDateOnly());
            Assert.False(Bitrix24DateTime.FromText("31/31/2024").TryGetDateTime(out _));

            Assert.Equal("2025-03-20T15:00:00+02:00", new Bitrix24DateTime(new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromHours(2))).Text);
            Assert.Equal("2025-03-20T15:00:00-05:30", new Bitrix24DateTime(new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromMinutes(-330))).Text);
            Assert.Equal("2025-03-20T15:00:00Z", new Bitrix24DateTime(new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.Zero)).Text);
            Assert.Equal("2025-03-20 15:04:05", new Bitrix24DateTime(new DateTime(2025, 3, 20, 15, 4, 5)).Text);
            Assert.Equal("2025-03-20", Bitrix24DateTime.FromDate(new DateOnly(2025, 3, 20)).Text);
            Assert.Equal("2025-03-20", new Bitrix24Date(new DateOnly(2025, 3, 20)).Text);

            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(-1), Read("\"-1\"", static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r)));
            Assert.Equal("[1733932740,\"1733932740\"]", WriteUnixPair(DateTimeOffset.FromUnixTimeSeconds(UnixSeconds)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    // ---- Wire readers and writers -----------------------------------------------------------------

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("false")]
    [InlineData("null")]
    public void Empty_dates_read_as_null(string json)
    {
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDateTime(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDate(ref r)));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("20241220", "the number 20241220")]
    [InlineData("{}", "an object")]
    [InlineData("[]", "an array")]
    public void Dates_reject_other_tokens_clearly(string json, string found)
    {
        var dateTime = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDateTime(ref r)));
        var date = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDate(ref r)));

        Assert.Equal("Expected a date and time but found " + found + ".", dateTime.Message);
        Assert.Equal("Expected a date but found " + found + ".", date.Message);
    }

    [Fact]
    public void Dates_read_strings_without_judging_them()
    {
        // The wire reader keeps whatever text came; parsing happens on request.
        Assert.Equal("soon", Read("\"soon\"", static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDateTime(ref r))!.Value.Text);
        Assert.Equal("02.12.2024 11:00:00", Read("\"02.12.2024 11:00:00\"", static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDateTime(ref r))!.Value.Text);
        Assert.Equal("12/11/2024 05:59:00 pm", Read("\"12\\/11\\/2024 05:59:00 pm\"", static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDateTime(ref r))!.Value.Text);
        Assert.Equal("20.12.2024", Read("\"20.12.2024\"", static (ref Utf8JsonReader r) => Bitrix24Wire.ReadDate(ref r))!.Value.Text);
    }

    [Theory]
    [InlineData("1733932740")]
    [InlineData("\"1733932740\"")]
    public void Unix_time_reads_numbers_and_numeric_strings(string json)
    {
        var value = Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(UnixSeconds), value);
        Assert.Equal(TimeSpan.Zero, value!.Value.Offset);
        Assert.Equal(new DateTime(2024, 12, 11, 15, 59, 0), value.Value.DateTime);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("\"-1\"", -1)]
    [InlineData("-86400", -86400)]
    [InlineData("253402300799", 253402300799)]
    public void Unix_time_reads_the_edges(string json, long seconds) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds), Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r)));

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Empty_unix_time_reads_as_null(string json) =>
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r)));

    [Theory]
    [InlineData("\"soon\"", "a Unix time in seconds but found the string \"soon\"")]
    [InlineData("\"2024-12-11 15:59:00\"", "a Unix time in seconds but found the string \"2024-12-11 15:59:00\"")]
    [InlineData("\"1733932740.5\"", "a Unix time in seconds but found the string \"1733932740.5\"")]
    [InlineData("\" 1733932740\"", "a Unix time in seconds but found the string \" 1733932740\"")]
    [InlineData("1733932740.5", "a Unix time in seconds but found the number 1733932740.5")]
    [InlineData("false", "a Unix time in seconds but found false")]
    [InlineData("[]", "a Unix time in seconds but found an array")]
    [InlineData("253402300800", "a Unix time in seconds within the years 1 to 9999 but found the number 253402300800")]
    [InlineData("\"-99999999999999\"", "a Unix time in seconds within the years 1 to 9999 but found the string \"-99999999999999\"")]
    public void Unix_time_rejects_other_values_clearly(string json, string message)
    {
        var exception = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r)));

        Assert.Equal("Expected " + message + ".", exception.Message);
    }

    [Fact]
    public void Unix_time_writers_use_a_number_and_a_quoted_number()
    {
        // 2024-12-11 17:59 at +02:00 is the same instant as 15:59 UTC.
        Assert.Equal("[1733932740,\"1733932740\"]", WriteUnixPair(new DateTimeOffset(2024, 12, 11, 17, 59, 0, TimeSpan.FromHours(2))));
        Assert.Equal("[1733932740,\"1733932740\"]", WriteUnixPair(DateTimeOffset.FromUnixTimeSeconds(UnixSeconds).AddMilliseconds(999)));
        Assert.Equal("[-1,\"-1\"]", WriteUnixPair(DateTimeOffset.FromUnixTimeSeconds(-1)));
        Assert.Equal("[0,\"0\"]", WriteUnixPair(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Unix_time_round_trips_through_both_writers()
    {
        var instant = new DateTimeOffset(2024, 12, 11, 17, 59, 0, TimeSpan.FromHours(2));
        var number = Write(writer => Bitrix24Wire.WriteUnixTime(writer, instant));
        var text = Write(writer => Bitrix24Wire.WriteUnixTimeString(writer, instant));

        Assert.Equal("1733932740", number);
        Assert.Equal("\"1733932740\"", text);
        Assert.Equal(instant, Read(number, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r)));
        Assert.Equal(instant, Read(text, static (ref Utf8JsonReader r) => Bitrix24Wire.ReadUnixTime(ref r)));
    }

    [Fact]
    public void Unix_time_writers_need_a_writer()
    {
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => Bitrix24Wire.WriteUnixTime(null!, DateTimeOffset.UnixEpoch)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => Bitrix24Wire.WriteUnixTimeString(null!, DateTimeOffset.UnixEpoch)).ParamName);
    }

    // ---- Converters ---------------------------------------------------------------------------------

    [Fact]
    public void Converters_read_and_write_the_wire_text()
    {
        var dateTime = JsonSerializer.Deserialize<Bitrix24DateTime>("\"02.12.2024 11:00:00\"", ConverterOptions);
        var date = JsonSerializer.Deserialize<Bitrix24Date>("\"20.12.2024\"", ConverterOptions);

        Assert.Equal("02.12.2024 11:00:00", dateTime.Text);
        Assert.Equal(new DateTime(2024, 12, 2, 11, 0, 0), dateTime.ToDateTime());
        Assert.Equal("20.12.2024", date.Text);
        Assert.Equal(new DateOnly(2024, 12, 20), date.ToDateOnly());
        Assert.Equal("\"02.12.2024 11:00:00\"", JsonSerializer.Serialize(dateTime, ConverterOptions));
        Assert.Equal("\"20.12.2024\"", JsonSerializer.Serialize(date, ConverterOptions));
        Assert.Equal("\"2025-03-20 15:00:00\"", JsonSerializer.Serialize((Bitrix24DateTime)new DateTime(2025, 3, 20, 15, 0, 0), ConverterOptions));
        Assert.Equal("\"2025-03-20\"", JsonSerializer.Serialize((Bitrix24Date)new DateOnly(2025, 3, 20), ConverterOptions));
    }

    [Fact]
    public void Converters_keep_every_text_inside_objects()
    {
        const string json = """{"from":"02.12.2024 11:00:00","to":"2024-12-20T10:00:00+02:00","at":"12/11/2024 05:59:00 pm"}""";

        var map = JsonSerializer.Deserialize<Dictionary<string, Bitrix24DateTime>>(json, ConverterOptions)!;
        var again = JsonSerializer.Deserialize<Dictionary<string, string>>(JsonSerializer.Serialize(map, ConverterOptions))!;

        Assert.Equal("2024-12-20T10:00:00+02:00", map["to"].Text);
        Assert.Equal(new Dictionary<string, string>
        {
            ["from"] = "02.12.2024 11:00:00",
            ["to"] = "2024-12-20T10:00:00+02:00",
            ["at"] = "12/11/2024 05:59:00 pm",
        }, again);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("false")]
    [InlineData("null")]
    public void Converters_refuse_an_empty_value(string json)
    {
        Assert.Equal(
            "Expected a date and time but found an empty value.",
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bitrix24DateTime>(json, ConverterOptions)).Message);
        Assert.Equal(
            "Expected a date but found an empty value.",
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bitrix24Date>(json, ConverterOptions)).Message);
    }

    [Fact]
    public void Converters_refuse_other_tokens() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bitrix24DateTime>("1733932740", ConverterOptions));

    // ---- Helpers ------------------------------------------------------------------------------------

    private static readonly JsonSerializerOptions ConverterOptions = new()
    {
        Converters = { Bitrix24Converters.DateTime, Bitrix24Converters.Date },
    };

    private delegate T Reader<T>(ref Utf8JsonReader reader);

    private static T Read<T>(string json, Reader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string WriteUnixPair(DateTimeOffset value) => Write(writer =>
    {
        writer.WriteStartArray();
        Bitrix24Wire.WriteUnixTime(writer, value);
        Bitrix24Wire.WriteUnixTimeString(writer, value);
        writer.WriteEndArray();
    });

    /// <summary>A culture whose separators, designators and signs differ from every portal form.</summary>
    private static CultureInfo HostileCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.DateSeparator = "-";
        culture.DateTimeFormat.TimeSeparator = ".";
        culture.DateTimeFormat.AMDesignator = "vm";
        culture.DateTimeFormat.PMDesignator = "nm";
        culture.DateTimeFormat.ShortDatePattern = "yyyy/dd/MM";
        culture.DateTimeFormat.LongTimePattern = "HH/mm/ss";
        culture.NumberFormat.NegativeSign = "~";
        culture.NumberFormat.PositiveSign = "#";
        return culture;
    }
}
