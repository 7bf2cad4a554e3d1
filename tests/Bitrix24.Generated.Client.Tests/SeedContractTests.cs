using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>The documentation page of calendar.user.settings.set, checked on the wire.</summary>
public class SeedContractTests
{
    // The request body of the documentation's curl example, verbatim.
    internal const string SeedRequest = """{"settings":{"view":"month","meetSection":"4","crmSection":"4","showDeclined":true,"denyBusyInvitation":false,"collapseOffHours":"N","showWeekNumbers":"N","showTasks":"Y","syncTasks":"N","showCompletedTasks":"N","lastUsedSection":"false","sendFromEmail":"","defaultSections":{"user1":"4","group6":"49"},"syncPeriodPast":"3","syncPeriodFuture":"12","defaultReminders":{"fullDay":[{"type":"min","count":15}],"withTime":[{"type":"min","count":50}]}}}""";

    private const string SeedSuccess = """{"result":true,"time":{"start":1733318565.183275,"finish":1733318565.695058,"duration":0.5117831230163574,"processing":0.29406094551086426,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}""";

    private const string SeedError = """{"error":"","error_description":"The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set"}""";

    internal static CalendarUserSettings SeedSettings() => new()
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
        DefaultSections = new Dictionary<CalendarOwner, int> { [CalendarOwner.User(1)] = 4, [CalendarOwner.Group(6)] = 49 },
        SyncPeriodPast = 3,
        SyncPeriodFuture = 12,
        DefaultReminders = new CalendarDefaultReminders
        {
            FullDay = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Minutes, Count = 15 } },
            WithTime = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Minutes, Count = 50 } },
        },
    };

    [Fact]
    public void The_typed_example_serializes_to_the_documented_body()
    {
        var request = new CalendarUserSettingsSetRequest { Settings = SeedSettings() };

        var json = JsonSerializer.Serialize(request, Bitrix24JsonContext.Default.CalendarUserSettingsSetRequest);

        JsonAssert.Equal(SeedRequest, json);
    }

    [Fact]
    public void The_documented_body_reads_into_typed_values_and_writes_back_unchanged()
    {
        var request = JsonSerializer.Deserialize(SeedRequest, Bitrix24JsonContext.Default.CalendarUserSettingsSetRequest)!;

        var settings = request.Settings!;
        Assert.Equal(CalendarView.Month, settings.View);
        Assert.Equal(4, settings.MeetSection);
        Assert.False(settings.CollapseOffHours);
        Assert.True(settings.ShowTasks);
        Assert.Equal(49, settings.DefaultSections![CalendarOwner.Group(6)]);
        Assert.Equal(CalendarReminderUnit.Minutes, settings.DefaultReminders!.WithTime![0].Unit);
        Assert.Equal(50, settings.DefaultReminders.WithTime[0].Count);
        Assert.Null(settings.AdditionalProperties);
        JsonAssert.Equal(SeedRequest, JsonSerializer.Serialize(request, Bitrix24JsonContext.Default.CalendarUserSettingsSetRequest));
    }

    [Fact]
    public void Fields_the_spec_does_not_know_survive_a_round_trip()
    {
        const string json = """{"view":"week","futureField":{"nested":[1,"two"]}}""";

        var settings = JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.CalendarUserSettings)!;

        Assert.Equal(CalendarView.Week, settings.View);
        Assert.True(settings.AdditionalProperties!.ContainsKey("futureField"));
        JsonAssert.Equal(json, JsonSerializer.Serialize(settings, Bitrix24JsonContext.Default.CalendarUserSettings));
    }

    [Fact]
    public void A_value_that_does_not_fit_is_kept_and_the_rest_reads()
    {
        const string json = """{"view":"week","syncPeriodPast":"three"}""";

        var settings = JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.CalendarUserSettings)!;

        Assert.Equal(CalendarView.Week, settings.View);
        Assert.Null(settings.SyncPeriodPast);
        Assert.Equal("\"three\"", settings.AdditionalProperties!["syncPeriodPast"].GetRawText());
        JsonAssert.Equal(json, JsonSerializer.Serialize(settings, Bitrix24JsonContext.Default.CalendarUserSettings));
    }

    [Fact]
    public void Json_that_cannot_be_read_still_names_the_type_and_field()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"syncPeriodPast":{"a":}}""", Bitrix24JsonContext.Default.CalendarUserSettings));

        Assert.Contains("CalendarUserSettings.syncPeriodPast", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_success_response_reads_as_true_with_its_time()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("calendar.user.settings.set", 200, SeedSuccess);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var response = await client.Calendar.User.Settings.SetAsync(SeedSettings());

        Assert.True(response.Value);
        Assert.Equal(1733318565.183275, response.Time!.Start);
        Assert.Equal(0.5117831230163574, response.Time.Duration);
        Assert.Equal(0.29406094551086426, response.Time.Processing);
        Assert.Equal(new System.DateTimeOffset(2024, 12, 4, 13, 22, 45, System.TimeSpan.Zero), response.Time.DateFinish);
        var recorded = Assert.Single(portal.Requests);
        JsonAssert.Equal(SeedRequest, recorded.Body);
    }

    [Fact]
    public async Task The_documented_error_response_is_the_typed_error()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("calendar.user.settings.set", 400, SeedError);
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarUserSettingsSetError>>(() => client.Calendar.User.Settings.SetAsync(SeedSettings()));

        Assert.Equal(CalendarUserSettingsSetError.SettingsNotSet, exception.Error);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(Bitrix24ErrorCode.MethodSpecific, exception.Code);
        Assert.Equal("calendar.user.settings.set", exception.Method);
    }
}
