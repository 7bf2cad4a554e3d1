using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>The generated client against the local portal, over real HTTP on 127.0.0.1.</summary>
public class EmulatorEndToEndTests
{
    [Fact]
    public async Task Settings_set_then_read_back_merged_over_the_defaults()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var before = (await client.Calendar.User.Settings.GetAsync()).Value;
        var saved = await client.Calendar.User.Settings.SetAsync(new CalendarUserSettings
        {
            View = CalendarView.Week,
            CollapseOffHours = true,
            DefaultSections = new Dictionary<CalendarOwner, int> { [CalendarOwner.Group(36)] = 7 },
            DefaultReminders = new CalendarDefaultReminders { WithTime = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Hours, Count = 2 } } },
        });
        var after = (await client.Calendar.User.Settings.GetAsync()).Value;

        Assert.True(saved);
        Assert.NotNull(saved.Time);
        Assert.True(saved.Time!.Finish >= saved.Time.Start);
        Assert.True(saved.Time.Duration + 1e-6 >= saved.Time.Processing, "the portal cannot process for longer than the call lasts");
        Assert.Equal(CalendarView.Month, before.View);
        Assert.Empty(before.DefaultSections!);
        Assert.Equal(CalendarView.Week, after.View);
        Assert.True(after.CollapseOffHours);
        Assert.Equal(7, after.DefaultSections![CalendarOwner.Group(36)]);
        Assert.Equal(CalendarReminderUnit.Hours, after.DefaultReminders!.WithTime!.Single().Unit);
        // Fields not sent keep the portal's values.
        Assert.Equal(before.ShowTasks, after.ShowTasks);
        Assert.Equal("Europe/Berlin", after.TimezoneName);
        Assert.Equal(3600, after.TimezoneOffsetUtc);
        Assert.Equal("9.00", after.WorkTimeStart);
    }

    [Fact]
    public async Task The_request_on_the_wire_uses_the_wire_forms()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        await client.Calendar.User.Settings.SetAsync(new CalendarUserSettings { ShowTasks = false, SyncPeriodPast = 6, ShowDeclined = true });

        var request = Assert.Single(portal.Requests);
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("calendar.user.settings.set", request.Method);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.True(request.Authorized);
        JsonAssert.Equal("""{"settings":{"showTasks":"N","showDeclined":true,"syncPeriodPast":"6"}}""", request.Body);
    }

    [Fact]
    public async Task Portal_settings_come_back_typed()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var settings = (await client.Calendar.Settings.GetAsync()).Value;

        Assert.Equal(new[] { CalendarWeekday.Saturday, CalendarWeekday.Sunday }, settings.WeekHolidays);
        Assert.Equal(CalendarWeekday.Monday, settings.WeekStart);
        Assert.Equal("9", settings.WorkTimeStart);
        Assert.Equal(8, settings.ForumId);
        Assert.Null(settings.PathesForSites);
        Assert.True(settings.DepManagerSub);
        Assert.Empty(settings.DeniedSuperposeTypes!);
    }

    [Fact]
    public async Task A_call_without_settings_gets_the_documented_error_from_the_portal()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarUserSettingsSetError>>(
            () => client.Calendar.User.Settings.SetAsync(new CalendarUserSettingsSetRequest()));

        Assert.Equal(CalendarUserSettingsSetError.SettingsNotSet, exception.Error);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("", exception.RawCode);
        Assert.Equal("The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set", exception.Description);
        JsonAssert.Equal("{}", Assert.Single(portal.Requests).Body);
    }

    [Fact]
    public async Task A_wrong_webhook_code_is_no_auth_found_and_the_code_stays_hidden()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var wrongUrl = new Uri(portal.BaseAddress, "rest/1/wrongsecret42/").ToString();
        using var client = Bitrix24Client.FromWebhook(wrongUrl);

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.Calendar.Settings.GetAsync());

        Assert.Equal(Bitrix24ErrorCode.NoAuthFound, exception.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.DoesNotContain("wrongsecret42", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrongsecret42", client.Connection.ToString(), StringComparison.Ordinal);
        Assert.False(Assert.Single(portal.Requests).Authorized);
    }

    [Fact]
    public async Task An_html_error_page_is_a_format_error_naming_the_method()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("calendar.settings.get", 502, "<html><h1>502 Bad Gateway</h1></html>", "text/html");
        using var test = TestClient.WithoutRetries(portal);
        var client = test.Client;

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => client.Calendar.Settings.GetAsync());

        Assert.Equal("calendar.settings.get", exception.Method);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Contains("502 Bad Gateway", exception.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(
            () => client.Connection.CallAsync("calendar.nothing.here", Bitrix24JsonContext.Default.Boolean, CancellationToken.None));

        Assert.Equal(Bitrix24ErrorCode.MethodNotFound, exception.Code);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task Required_arguments_are_checked_before_any_call()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Calendar.User.Settings.SetAsync((CalendarUserSettings)null!));
        Assert.Empty(portal.Requests);
    }

    [Fact]
    public void Owner_keys_parse_and_print_their_wire_form()
    {
        Assert.Equal("user12", CalendarOwner.User(12).ToString());
        Assert.Equal(CalendarOwner.Group(36), CalendarOwner.Parse("group36"));
        Assert.False(CalendarOwner.TryParse("company1", out _));
        Assert.Throws<FormatException>(() => CalendarOwner.Parse("user"));
    }

    [Fact]
    public async Task The_client_works_over_https()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { UseHttps = true });
        using var handler = new System.Net.Http.HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == portal.Certificate!.Thumbprint,
        };
        using var http = new System.Net.Http.HttpClient(handler);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString(), http);

        var settings = await client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.StartsWith("https://127.0.0.1:", client.Connection.Authentication.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateClient_gives_the_generated_client_over_the_portal_s_webhook()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = portal.CreateClient();

        var settings = await client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.StartsWith(portal.BaseAddress + "rest/1/", client.Connection.Authentication.ToString(), StringComparison.Ordinal);
        Assert.Equal("calendar.settings.get", Assert.Single(portal.Requests).Method);
    }

    [Fact]
    public async Task CreateClient_refuses_a_portal_serving_https_and_says_how_to_trust_it()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { UseHttps = true });

        var refused = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("portal.Certificate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_that_moved_domain_is_followed_with_the_same_call()
    {
        await using var newPortal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { WebhookSecret = "moved42" });
        await using var oldPortal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { WebhookSecret = "moved42" });
        oldPortal.MoveTo(newPortal.BaseAddress);
        using var client = Bitrix24Client.FromWebhook(oldPortal.WebhookUrl.ToString());

        await client.Calendar.User.Settings.SetAsync(new CalendarUserSettings { View = CalendarView.List });
        var read = await client.Calendar.User.Settings.GetAsync();

        Assert.Equal(CalendarView.List, read.Value.View);
        Assert.Single(oldPortal.Requests);
        Assert.Equal(new[] { "calendar.user.settings.set", "calendar.user.settings.get" }, newPortal.Requests.Select(r => r.Method));
        Assert.Equal("POST", newPortal.Requests[0].HttpMethod);
    }
}
