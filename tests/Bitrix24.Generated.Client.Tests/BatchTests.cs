using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>The typed batch: generated calls collected, sent by <c>batch</c>, answered one by one.</summary>
public class BatchTests
{
    [Fact]
    public async Task Calls_go_out_in_one_request_and_each_gets_its_own_typed_result()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var batch = client.Batch();
        var saved = batch.Add(c => c.Calendar.User.Settings.SetAsync(SeedContractTests.SeedSettings()));
        var user = batch.Add(c => c.Calendar.User.Settings.GetAsync());
        var portalSettings = batch.Add(c => c.Calendar.Settings.GetAsync());
        Assert.False(saved.IsCompleted);
        Assert.Empty(portal.Requests);
        await batch.ExecuteAsync();

        Assert.True((await saved).Value);
        Assert.Equal(49, (await user).Value.DefaultSections![CalendarOwner.Group(6)]);
        Assert.Equal(CalendarWeekday.Monday, (await portalSettings).Value.WeekStart);
        Assert.NotNull((await user).Time);
        var request = Assert.Single(portal.Requests);
        Assert.Equal("batch", request.Method);
    }

    [Fact]
    public async Task The_wire_form_of_a_command_is_the_php_query_the_portal_reads()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var batch = client.Batch();
        _ = batch.Add(c => c.Calendar.User.Settings.SetAsync(new CalendarUserSettings { View = CalendarView.Week, ShowTasks = false, DefaultReminders = new CalendarDefaultReminders { FullDay = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Hours, Count = 2 } } } }));
        await batch.ExecuteAsync();

        var command = (string?)JsonNode.Parse(portal.Requests.Single().Body)!["cmd"]!["cmd0"];
        Assert.Equal("calendar.user.settings.set?settings%5Bview%5D=week&settings%5BshowTasks%5D=N&settings%5BdefaultReminders%5D%5BfullDay%5D%5B0%5D%5Btype%5D=hour&settings%5BdefaultReminders%5D%5BfullDay%5D%5B0%5D%5Bcount%5D=2", command);
        var stored = (await client.Calendar.User.Settings.GetAsync()).Value;
        Assert.Equal(CalendarView.Week, stored.View);
        Assert.Equal(2, stored.DefaultReminders!.FullDay![0].Count);
    }

    [Fact]
    public async Task A_hundred_and_twenty_commands_take_three_requests_with_every_error_tied_to_its_command()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var batch = client.Batch();
        var calls = Enumerable.Range(0, 120)
            .Select(i => i % 7 == 3
                ? batch.Add(c => c.Calendar.User.Settings.SetAsync(new CalendarUserSettingsSetRequest()))
                : batch.Add(c => c.Calendar.User.Settings.SetAsync(new CalendarUserSettings { SyncPeriodPast = i })))
            .ToList();
        await batch.ExecuteAsync();

        Assert.Equal(3, portal.Requests.Count(r => r.Method == "batch"));
        for (var i = 0; i < calls.Count; i++)
        {
            if (i % 7 == 3)
            {
                var exception = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarUserSettingsSetError>>(() => calls[i]);
                Assert.Equal(CalendarUserSettingsSetError.SettingsNotSet, exception.Error);
                Assert.Equal("calendar.user.settings.set", exception.Method);
            }
            else
            {
                Assert.True((await calls[i]).Value);
            }
        }

        Assert.Equal(119, (await client.Calendar.User.Settings.GetAsync()).Value.SyncPeriodPast);
    }

    [Fact]
    public async Task Halting_on_errors_leaves_the_later_commands_not_run()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var batch = client.Batch(haltOnError: true);
        var first = batch.Add(c => c.Calendar.Settings.GetAsync());
        var failing = batch.Add(c => c.Calendar.User.Settings.SetAsync(new CalendarUserSettingsSetRequest()));
        var later = batch.Add(c => c.Calendar.User.Settings.GetAsync());
        await batch.ExecuteAsync();

        Assert.Equal(CalendarWeekday.Monday, (await first).Value.WeekStart);
        await Assert.ThrowsAsync<Bitrix24ApiException<CalendarUserSettingsSetError>>(() => failing);
        var notRun = await Assert.ThrowsAsync<Bitrix24BatchCommandNotRunException>(() => later);
        Assert.Equal("calendar.user.settings.get", notRun.Method);
    }

    [Fact]
    public async Task A_failed_batch_request_fails_every_command_with_it()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.BadGatewayHtml));
        using var test = TestClient.WithoutRetries(portal);

        var batch = test.Client.Batch();
        var one = batch.Add(c => c.Calendar.Settings.GetAsync());
        var two = batch.Add(c => c.Calendar.User.Settings.GetAsync());

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => batch.ExecuteAsync());
        Assert.Equal("batch", exception.Method);
        Assert.Same(exception, await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => one));
        Assert.Same(exception, await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => two));
    }

    [Fact]
    public async Task A_batch_entry_is_exactly_one_call_and_a_batch_runs_once()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var batch = client.Batch();

        Assert.Throws<ArgumentException>(() => { _ = batch.Add(_ => Task.FromResult(1)); });
        _ = batch.Add(c => c.Calendar.Settings.GetAsync());
        await batch.ExecuteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => batch.ExecuteAsync());
        Assert.Throws<InvalidOperationException>(() => { _ = batch.Add(c => c.Calendar.Settings.GetAsync()); });
    }
}
