using System.Linq;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Tasks;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// The shipped REST 3.0 task list, called with a typed filter and a select that reaches a related object: the
/// emulator reads the filter language and the dotted select, and the answer reads back into the typed task.
/// </summary>
public sealed class TypedQueryEndToEndTests
{
    [Fact]
    public async Task A_typed_filter_and_a_related_select_pick_the_tasks_and_fields_asked_for()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);
        var ids = new int[4];
        for (var i = 0; i < ids.Length; i++)
        {
            var added = await test.Client.Tasks.Task.V3.AddAsync(new TasksTaskV3AddFields { Title = "Task " + i, CreatorId = 1, ResponsibleId = 1 });
            ids[i] = added.Value.Item!.Id!.Value;
        }

        var page = await test.Client.Tasks.Task.V3.ListAsync(new TasksTaskV3ListRequest
        {
            Select = new(TasksV3TaskFields.Id, TasksV3TaskFields.Title, TasksV3TaskFields.Responsible.Name),
            Filter = new(TasksV3TaskFields.Id.In(ids[0], ids[2]) | TasksV3TaskFields.Id.EqualTo(ids[3])),
        });

        Assert.Equal(new[] { ids[0], ids[2], ids[3] }, page.Value.Items!.Select(task => task.Id!.Value));
        Assert.All(page.Value.Items!, task => Assert.False(string.IsNullOrEmpty(task.Responsible?.Name)));
        Assert.Equal("Task 2", page.Value.Items![1].Title);
        var sent = portal.Requests.Last(request => request.Method == "tasks.task.list").Body;
        Assert.Contains("\"select\":[\"id\",\"title\",\"responsible.name\"]", sent, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_example_sends_the_json_the_readme_shows()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithoutRetries(portal);

        // As in the README's REST 3.0 section.
        var page = await test.Client.Tasks.Task.V3.ListAsync(new TasksTaskV3ListRequest
        {
            Select = new(TasksV3TaskFields.Id, TasksV3TaskFields.Title, TasksV3TaskFields.Responsible.Name),
            Filter = new(TasksV3TaskFields.Id.In(1, 2) | TasksV3TaskFields.Id.GreaterThan(1000)),
        });

        Assert.Empty(page.Value.Items!);
        JsonAssert.Equal(
            """{"select":["id","title","responsible.name"],"filter":[{"logic":"or","conditions":[["id","in",[1,2]],["id",">",1000]]}]}""",
            portal.Requests.Single(request => request.Method == "tasks.task.list").Body);
    }

    [Fact]
    public async Task Every_page_of_a_rest3_list_is_walked_by_page_number()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var test = TestClient.WithoutRetries(portal);
        for (var i = 0; i < 120; i++)
        {
            await test.Client.Tasks.Task.V3.AddAsync(new TasksTaskV3AddFields { Title = "Task " + i, CreatorId = 1, ResponsibleId = 1 });
        }

        var titles = await test.Client.Tasks.Task.V3.ListAllAsync(new TasksTaskV3ListRequest { Select = new(TasksV3TaskFields.Id, TasksV3TaskFields.Title) })
            .Select(task => task.Title)
            .ToListAsync();

        Assert.Equal(120, titles.Count);
        Assert.Equal(120, titles.Distinct().Count());
        // 50, 50, then a short page of 20.
        Assert.Equal(3, portal.Requests.Count(request => request.Method == "tasks.task.list"));
    }
}
