using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated;
using Bitrix24.Generated.Calendar;

// Quickstart: save calendar settings, read them back, read the portal's settings, list the coming week's events.
// Without BITRIX24_WEBHOOK_URL it runs against a local emulator; with it, against that portal.
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var ct = timeout.Token;

var webhookUrl = Environment.GetEnvironmentVariable("BITRIX24_WEBHOOK_URL");
Bitrix24Emulator? emulator = null;
if (string.IsNullOrWhiteSpace(webhookUrl))
{
    emulator = await Bitrix24Emulator.StartAsync(cancellationToken: ct);
    webhookUrl = emulator.WebhookUrl.ToString();
    Console.WriteLine("BITRIX24_WEBHOOK_URL is not set: using a local Bitrix24 emulator at " + emulator.BaseAddress);
}

try
{
    using var client = Bitrix24Client.FromWebhook(webhookUrl);
    Console.WriteLine("Portal: " + client.Connection.Authentication);

    CalendarUserSettings settings;
    if (emulator is not null)
    {
        // The example from the calendar.user.settings.set documentation, as typed values.
        settings = new CalendarUserSettings
        {
            View = CalendarView.Month,
            MeetSection = 4,
            CrmSection = 4,
            ShowDeclined = true,
            DenyBusyInvitation = false,
            CollapseOffHours = false,
            ShowWeekNumbers = false,
            ShowTasks = true,
            SyncTasks = false,
            ShowCompletedTasks = false,
            LastUsedSection = "false",
            SendFromEmail = "",
            DefaultSections = new Dictionary<CalendarOwner, int>
            {
                [CalendarOwner.User(1)] = 4,
                [CalendarOwner.Group(6)] = 49,
            },
            SyncPeriodPast = 3,
            SyncPeriodFuture = 12,
            DefaultReminders = new CalendarDefaultReminders
            {
                FullDay = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Minutes, Count = 15 } },
                WithTime = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Minutes, Count = 50 } },
            },
        };
    }
    else
    {
        // On a real portal, do not change anyone's preferences: write back what is already there.
        var current = (await client.Calendar.User.Settings.GetAsync(ct)).Value;
        settings = new CalendarUserSettings
        {
            View = current.View,
            MeetSection = current.MeetSection,
            CrmSection = current.CrmSection,
            ShowDeclined = current.ShowDeclined,
            DenyBusyInvitation = current.DenyBusyInvitation,
            CollapseOffHours = current.CollapseOffHours,
            ShowWeekNumbers = current.ShowWeekNumbers,
            ShowTasks = current.ShowTasks,
            SyncTasks = current.SyncTasks,
            ShowCompletedTasks = current.ShowCompletedTasks,
            LastUsedSection = current.LastUsedSection,
            SendFromEmail = current.SendFromEmail,
            DefaultSections = current.DefaultSections,
            SyncPeriodPast = current.SyncPeriodPast,
            SyncPeriodFuture = current.SyncPeriodFuture,
            DefaultReminders = current.DefaultReminders,
        };
    }

    var saved = await client.Calendar.User.Settings.SetAsync(settings, ct);
    Console.WriteLine($"calendar.user.settings.set -> {saved.Value} ({Timing(saved.Time)})");

    var read = await client.Calendar.User.Settings.GetAsync(ct);
    var user = read.Value;
    Console.WriteLine($"calendar.user.settings.get ({Timing(read.Time)}):");
    Console.WriteLine($"  view: {user.View}, show tasks: {user.ShowTasks}, collapse off-hours: {user.CollapseOffHours}");
    Console.WriteLine($"  default sections: {Describe(user.DefaultSections)}");
    Console.WriteLine($"  reminders for timed events: {Describe(user.DefaultReminders?.WithTime?.Select(r => $"{r.Count} {r.Unit}"))}");
    Console.WriteLine($"  time zone: {user.TimezoneName} (UTC{(user.TimezoneOffsetUtc ?? 0) / 3600.0:+0.#;-0.#;+0}), working hours {user.WorkTimeStart}-{user.WorkTimeEnd}");

    var portal = await client.Calendar.Settings.GetAsync(ct);
    Console.WriteLine($"calendar.settings.get ({Timing(portal.Time)}):");
    Console.WriteLine($"  working day {portal.Value.WorkTimeStart}-{portal.Value.WorkTimeEnd}, week starts {portal.Value.WeekStart}, days off: {string.Join(", ", portal.Value.WeekHolidays ?? new List<CalendarWeekday>())}");

    if (emulator is not null)
    {
        // Something to list: a weekly stand-up from today, in the emulated portal's calendar of user 1.
        var today = DateTime.UtcNow.Date;
        var standUp = await client.Calendar.Event.AddAsync(
            CalendarEventOwnerType.User,
            1,
            "Stand-up",
            today.AddHours(9),
            today.AddHours(9.25),
            recurrence: new CalendarRecurrenceRule { Frequency = CalendarFrequency.Weekly, Weekdays = new List<CalendarWeekday> { CalendarWeekday.Monday, CalendarWeekday.Thursday }, Count = 8 },
            cancellationToken: ct);
        Console.WriteLine($"calendar.event.add -> event {standUp.Value}");
    }

    // Read-only on a real portal: the caller's events of the coming week.
    var nearest = await client.Calendar.Event.Get.NearestAsync(days: 7, cancellationToken: ct);
    Console.WriteLine($"calendar.event.get.nearest ({Timing(nearest.Time)}): {nearest.Value.Count} event(s) in the next 7 days");
    foreach (var item in nearest.Value.Take(5))
    {
        var start = item.DateFrom is { } from && from.TryGetDateTime(out var parsed) ? parsed.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture) : item.DateFrom?.Text;
        Console.WriteLine($"  {start} {item.TimeZoneFrom}: {item.Name}{(item.Recurrence is { } rule ? $" ({rule.Frequency}, on {string.Join("/", rule.Weekdays ?? new List<CalendarWeekday>())})" : "")}");
    }

    return 0;
}
catch (Bitrix24Exception exception)
{
    Console.Error.WriteLine($"Bitrix24 call '{exception.Method}' failed: {exception.Message}");
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static string Timing(Bitrix24Time? time) => time is null
    ? "no timing"
    : string.Create(CultureInfo.InvariantCulture, $"{time.Duration * 1000:0.0} ms on the portal, {time.Processing * 1000:0.0} ms processing");

static string Describe<T>(IEnumerable<T>? items) => items is null ? "none" : string.Join(", ", items.Select(i => i?.ToString()));
