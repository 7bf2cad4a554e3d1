using System;
using System.Linq;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Note;
using Bitrix24.Generated.Tasks;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// A write whose answer is lost after the portal ran it: REST 3.0 makes it safe to retry, the classic API does not,
/// and the client acts on that difference.
/// </summary>
public sealed class LostAnswerTests
{
    [Fact]
    public async Task A_rest3_write_whose_answer_was_lost_is_retried_and_runs_once()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithFastRetries(portal);
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "note.document.add"));

        var first = await test.Client.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 1, Title = "Plan" });
        var second = await test.Client.Note.Document.AddAsync(new NoteDocumentAddFields { CollectionId = 1, Title = "Notes" });

        Assert.True(first.Replayed);
        Assert.False(second.Replayed);
        Assert.Equal(3, portal.Requests.Count(request => request.Method == "note.document.add"));
        // One document was made by the two attempts of the first call: the next one takes the following id.
        Assert.Equal((int)first.Value.Item!.Id! + 1, (int)second.Value.Item!.Id!);
    }

    [Fact]
    public async Task A_rest3_task_add_whose_answer_was_lost_is_retried_and_exactly_one_task_exists()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithFastRetries(portal);
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "tasks.task.add"));

        var added = await test.Client.Tasks.Task.V3.AddAsync(new TasksTaskV3AddFields { Title = "Prepare a report", CreatorId = 1, ResponsibleId = 1 });

        Assert.True(added.Replayed);
        Assert.Equal(2, portal.Requests.Count(request => request.Method == "tasks.task.add"));
        var tasks = await test.Client.Tasks.Task.V3.ListAsync(new TasksTaskV3ListRequest
        {
            Select = new(TasksV3TaskFields.Id, TasksV3TaskFields.Title),
            Filter = new(TasksV3TaskFields.Id.GreaterThan(0)),
        });
        var task = Assert.Single(tasks.Value.Items!);
        Assert.Equal(added.Value.Item!.Id, task.Id);
        Assert.Equal("Prepare a report", task.Title);
    }

    [Fact]
    public async Task The_classic_task_add_whose_answer_was_lost_is_not_retried_and_its_outcome_is_unknown()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithFastRetries(portal);
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "tasks.task.add"));

        var exception = await Assert.ThrowsAnyAsync<Bitrix24Exception>(
            () => test.Client.Tasks.Task.AddAsync(new System.Text.Json.Nodes.JsonObject { ["TITLE"] = "Prepare a report", ["RESPONSIBLE_ID"] = 1 }));

        Assert.True(exception.OutcomeUnknown);
        Assert.Equal("tasks.task.add", exception.Method);
        Assert.Contains("outcome", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(portal.Requests, request => request.Method == "tasks.task.add");
    }

    [Fact]
    public async Task A_classic_write_whose_answer_was_lost_is_not_retried_and_its_outcome_is_unknown()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithFastRetries(portal);
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "calendar.section.add"));

        var exception = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => test.Client.Calendar.Section.AddAsync(CalendarOwnerType.User, "Team", ownerId: 1));

        Assert.True(exception.OutcomeUnknown);
        Assert.Equal("calendar.section.add", exception.Method);
        Assert.Single(portal.Requests, request => request.Method == "calendar.section.add");
        // It did run: the section is there.
        var sections = await test.Client.Calendar.Section.GetAsync("user", 1);
        Assert.Contains(sections.Value, section => section.Name == "Team");
    }
}
