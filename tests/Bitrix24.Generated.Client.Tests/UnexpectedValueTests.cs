using System.Text.Json;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Fields the docs call strings and the specs type as integers sent as strings: a value that is not a number is kept
/// as sent, and the rest of the answer still reads.
/// </summary>
public class UnexpectedValueTests
{
    [Fact]
    public void A_user_setting_that_is_not_a_number_is_kept_and_the_others_read()
    {
        const string json = """{"view":"month","meetSection":"none","crmSection":"4","syncPeriodPast":"all","syncPeriodFuture":"12"}""";

        var settings = JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.CalendarUserSettings)!;

        Assert.Equal(CalendarView.Month, settings.View);
        Assert.Null(settings.MeetSection);
        Assert.Equal(4, settings.CrmSection);
        Assert.Null(settings.SyncPeriodPast);
        Assert.Equal(12, settings.SyncPeriodFuture);
        Assert.Equal("none", settings.AdditionalProperties!["meetSection"].GetString());
        Assert.Equal("all", settings.AdditionalProperties["syncPeriodPast"].GetString());
        JsonAssert.Equal(json, JsonSerializer.Serialize(settings, Bitrix24JsonContext.Default.CalendarUserSettings));
    }

    [Fact]
    public void A_forum_id_that_is_not_a_number_is_kept()
    {
        const string json = """{"forum_id":"main-forum","week_start":"MO"}""";

        var settings = JsonSerializer.Deserialize(json, Bitrix24JsonContext.Default.CalendarPortalSettings)!;

        Assert.Null(settings.ForumId);
        Assert.Equal("main-forum", settings.AdditionalProperties!["forum_id"].GetString());
        JsonAssert.Equal(json, JsonSerializer.Serialize(settings, Bitrix24JsonContext.Default.CalendarPortalSettings));
    }
}
