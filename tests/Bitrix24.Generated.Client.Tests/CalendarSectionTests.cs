using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>The calendar section methods: the documented request from typed values, and a portal's behaviour end to end.</summary>
public class CalendarSectionTests
{
    [Fact]
    public void The_typed_add_request_is_the_documented_one()
    {
        var request = new CalendarSectionAddRequest
        {
            Type = CalendarOwnerType.User,
            OwnerId = 2,
            Name = "New Section",
            Description = "Description for section",
            Color = "#9cbeee",
            TextColor = "#283000",
            Export = new CalendarSectionExport { Allowed = false, Period = CalendarExportPeriod.ThreeMonthsBackNineAhead },
        };

        JsonAssert.Equal(
            """{"type":"user","ownerId":2,"name":"New Section","description":"Description for section","color":"#9cbeee","text_color":"#283000","export":{"ALLOW":false,"SET":"3_9"}}""",
            JsonSerializer.Serialize(request, Bitrix24JsonContext.Default.CalendarSectionAddRequest));
    }

    [Fact]
    public void The_documented_list_reads_into_typed_sections()
    {
        const string result = """[{"ID":"190","NAME":"New Section","GAPI_CALENDAR_ID":null,"EXPORT":{"ALLOW":true},"CAL_TYPE":"user","OWNER_ID":"1","ACCESS":{"D114":17,"U1":19},"IS_COLLAB":false,"PERM":{"view_time":true,"edit_section":true}}]""";

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result));
        reader.Read();
        var sections = Bitrix24Converters.List(Bitrix24Converters.Object<CalendarSection>()).Read(ref reader, typeof(IList<CalendarSection>), JsonSerializerOptions.Default)!;

        var section = Assert.Single(sections);
        Assert.Equal(190, section.Id);
        Assert.Null(section.GoogleCalendarId);
        Assert.True(section.Export!.Allowed);
        Assert.Equal(19, section.Access!["U1"]);
        Assert.True(section.Permissions!.EditSection);
    }

    [Fact]
    public async Task A_calendar_is_added_listed_changed_and_deleted()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var sections = client.Calendar.Section;

        int id = await sections.AddAsync(CalendarOwnerType.User, "Team", ownerId: 1, description: "Shared dates", color: "#9cbeee", export: new CalendarSectionExport { Allowed = true });
        var listed = (await sections.GetAsync("user", 1)).Value;
        int changed = await sections.UpdateAsync(CalendarOwnerType.User, 1, id, name: "Team calendar");
        var afterUpdate = (await sections.GetAsync("user", 1)).Value.Single();
        bool deleted = await sections.DeleteAsync(CalendarOwnerType.User, 1, id);
        var afterDelete = (await sections.GetAsync("user", 1)).Value;

        var added = Assert.Single(listed);
        Assert.Equal(id, added.Id);
        Assert.Equal("Team", added.Name);
        Assert.Equal("Shared dates", added.Description);
        Assert.True(added.Export!.Allowed);
        Assert.Equal(1, added.OwnerId);
        Assert.Empty(added.Access!);
        Assert.Equal(id, changed);
        Assert.Equal("Team calendar", afterUpdate.Name);
        Assert.Equal("#9cbeee", afterUpdate.Color);
        Assert.True(deleted);
        Assert.Empty(afterDelete);
        Assert.Empty((await sections.GetAsync("group", 1)).Value);
    }

    [Fact]
    public async Task Section_errors_come_back_typed()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var sections = client.Calendar.Section;

        var noName = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarSectionAddError>>(() => sections.AddAsync(CalendarOwnerType.User, "", ownerId: 1));
        var missing = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarSectionDeleteError>>(() => sections.DeleteAsync(CalendarOwnerType.User, 1, 999));
        var noType = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarSectionAddError>>(() => sections.AddAsync(new CalendarSectionAddRequest { OwnerId = 1, Name = "x" }));

        Assert.Equal(CalendarSectionAddError.InvalidName, noName.Error);
        Assert.Equal(CalendarSectionDeleteError.DeletionFailed, missing.Error);
        Assert.Equal(CalendarSectionAddError.TypeNotSet, noType.Error);
    }
}
