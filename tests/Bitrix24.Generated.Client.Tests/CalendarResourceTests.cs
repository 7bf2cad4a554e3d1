using System.Linq;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Resources and meeting answers through the generated client.</summary>
public class CalendarResourceTests
{
    [Fact]
    public async Task A_resource_is_added_renamed_listed_and_deleted()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        var resources = client.Calendar.Resource;

        int projector = await resources.AddAsync("Projector");
        int room = await resources.AddAsync("Room 1");
        int renamed = await resources.UpdateAsync(room, "Meeting room 1");
        var listed = (await resources.ListAsync()).Value;
        bool deleted = await resources.DeleteAsync(projector);
        var left = (await resources.ListAsync()).Value;

        Assert.Equal(room, renamed);
        Assert.Equal(new[] { "Projector", "Meeting room 1" }, listed.Select(r => r.Name));
        Assert.All(listed, r => Assert.Equal(1, r.CreatedBy));
        Assert.True(deleted);
        Assert.Equal(room, Assert.Single(left).Id);
    }

    [Fact]
    public async Task Resource_errors_come_back_typed()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        var update = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarResourceUpdateError>>(() => client.Calendar.Resource.UpdateAsync(404, "Nothing"));
        var delete = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarResourceDeleteError>>(() => client.Calendar.Resource.DeleteAsync(404));
        var noName = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarResourceAddError>>(() => client.Calendar.Resource.AddAsync(new CalendarResourceAddRequest()));

        Assert.Equal(CalendarResourceUpdateError.UpdateFailed, update.Error);
        Assert.Equal(CalendarResourceDeleteError.DeletionFailed, delete.Error);
        Assert.Equal(CalendarResourceAddError.NameNotSet, noName.Error);
    }

    [Fact]
    public async Task A_meeting_answer_is_an_enum_both_ways()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { UserId = 2 });
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());
        int meeting = await client.Calendar.Event.AddAsync(
            CalendarEventOwnerType.User, 2, "Planning", new System.DateTime(2025, 3, 3, 10, 0, 0), new System.DateTime(2025, 3, 3, 11, 0, 0), isMeeting: true, attendees: new[] { 2, 5 });

        CalendarMeetingStatus status = await client.Calendar.Meeting.Status.GetAsync(meeting);
        bool saved = await client.Calendar.Meeting.Status.SetAsync(meeting, CalendarMeetingAnswer.Decline);
        CalendarMeetingStatus changed = await client.Calendar.Meeting.Status.GetAsync(meeting);
        var missing = await Assert.ThrowsAsync<Bitrix24ApiException<CalendarMeetingStatusGetError>>(() => client.Calendar.Meeting.Status.GetAsync(404));

        Assert.Equal(CalendarMeetingStatus.Accepted, status);
        Assert.True(saved);
        Assert.Equal(CalendarMeetingStatus.Declined, changed);
        Assert.Equal(CalendarMeetingStatusGetError.RetrievalFailed, missing.Error);
        JsonAssert.Equal("{\"eventId\":" + meeting + ",\"status\":\"N\"}", portal.Requests[2].Body);
    }
}
