using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// The calls the answer fuzzing makes through the generated calendar client, each with the answers it starts from: the
/// documented examples of its method, the same with paging and a full time block, system errors and broken bodies.
/// </summary>
internal sealed class FuzzedCall
{
    private FuzzedCall(string name, string[] methods, Func<Bitrix24Client, Task<List<Exception>>> run, IReadOnlyList<(int Status, string Body)> answers)
    {
        Name = name;
        Methods = methods;
        Run = run;
        Answers = answers;
    }

    /// <summary>What the call is, e.g. <c>calendar.event.get (paged walk)</c>.</summary>
    public string Name { get; }

    /// <summary>The methods an exception of this call may name.</summary>
    public string[] Methods { get; }

    /// <summary>Makes the call; returns every exception it ended with (a batch has one per command).</summary>
    public Func<Bitrix24Client, Task<List<Exception>>> Run { get; }

    /// <summary>The answers to mutate, with the HTTP status each comes with.</summary>
    public IReadOnlyList<(int Status, string Body)> Answers { get; }

    public static IReadOnlyList<FuzzedCall> All { get; } = Create();

    public override string ToString() => Name;

    private static List<FuzzedCall> Create()
    {
        var from = new Bitrix24Date(new DateOnly(2024, 12, 1));
        var to = new Bitrix24Date(new DateOnly(2024, 12, 31));
        return
        [
            Single("calendar.settings.get", c => c.Calendar.Settings.GetAsync()),
            Single("calendar.user.settings.get", c => c.Calendar.User.Settings.GetAsync()),
            Single("calendar.user.settings.set", c => c.Calendar.User.Settings.SetAsync(new CalendarUserSettings { View = CalendarView.Month })),
            Single("calendar.event.getbyid", c => c.Calendar.Event.GetByIdAsync(1)),
            Single("calendar.event.update", c => c.Calendar.Event.UpdateAsync(1, CalendarEventOwnerType.User, 1)),
            Single("calendar.section.get", c => c.Calendar.Section.GetAsync("user", 1)),
            Single("calendar.accessibility.get", c => c.Calendar.Accessibility.GetAsync([1, 2], from, to)),
            Single("calendar.event.get", "paged walk", c => Drain(Bitrix24Paging.EnumerateAsync(
                (start, token) => c.Calendar.Event.GetAsync(CalendarEventOwnerType.User, 1, cancellationToken: token), limit: 500))),
            Single("calendar.event.get", "fast walk", c => Drain(Bitrix24Paging.EnumerateByIdAsync(
                (after, token) => c.Calendar.Event.GetAsync(CalendarEventOwnerType.User, 1, cancellationToken: token), e => e.Id, limit: 500))),
            Batch(),
        ];
    }

    private static FuzzedCall Single(string method, Func<Bitrix24Client, Task> call) => Single(method, null, call);

    private static FuzzedCall Single(string method, string? how, Func<Bitrix24Client, Task> call) => new(
        how is null ? method : method + " (" + how + ")",
        [method],
        async client =>
        {
            try
            {
                await call(client);
                return [];
            }
            catch (Exception exception)
            {
                return [exception];
            }
        },
        [.. Documented(method).SelectMany(Variants), .. Broken()]);

    // Three commands in one batch: every exception of the batch and of each command is looked at.
    private static FuzzedCall Batch()
    {
        string[] methods = ["calendar.settings.get", "calendar.event.getbyid", "calendar.user.settings.get"];
        var results = methods.Select(m => Documented(m).First(a => a.Status == 200).Body).Select(body => JsonNode.Parse(body)!.AsObject()).ToList();
        var time = results[0]["time"]?.ToJsonString() ?? TimeBlock;
        var commands = string.Join(",", results.Select((r, i) => "\"cmd" + i + "\":" + r["result"]!.ToJsonString()));
        var times = string.Join(",", results.Select((_, i) => "\"cmd" + i + "\":" + time));
        var answers = new List<(int, string)>
        {
            (200, "{\"result\":{\"result\":{" + commands + "},\"result_error\":[],\"result_total\":[],\"result_next\":[],\"result_time\":{" + times + "}},\"time\":" + time + "}"),
            (200, "{\"result\":{\"result\":{\"cmd0\":" + results[0]["result"]!.ToJsonString() + "},\"result_error\":{\"cmd1\":{\"error\":\"\",\"error_description\":\"Event not found\"}},\"result_total\":{\"cmd0\":3},\"result_next\":{\"cmd0\":50},\"result_time\":{\"cmd0\":" + time + "}},\"time\":" + time + "}"),
        };
        answers.AddRange(Broken());
        return new FuzzedCall(
            "batch",
            ["batch", .. methods],
            async client =>
            {
                var batch = client.Batch();
                var tasks = new List<Task>
                {
                    batch.Add(c => c.Calendar.Settings.GetAsync()),
                    batch.Add(c => c.Calendar.Event.GetByIdAsync(1)),
                    batch.Add(c => c.Calendar.User.Settings.GetAsync()),
                };
                var exceptions = new List<Exception>();
                try
                {
                    await batch.ExecuteAsync();
                }
                catch (Exception exception)
                {
                    exceptions.Add(exception);
                }

                foreach (var task in tasks)
                {
                    try
                    {
                        await task;
                    }
                    catch (Exception exception)
                    {
                        exceptions.Add(exception);
                    }
                }

                return exceptions;
            },
            answers);
    }

    private const string TimeBlock = "{\"start\":1733318565.183275,\"finish\":1733318565.695058,\"duration\":0.51,\"processing\":0.29,\"date_start\":\"2024-12-04T13:22:45+00:00\",\"date_finish\":\"2024-12-04T13:22:45+00:00\",\"operating\":3.25,\"operating_reset_at\":1733319165}";

    private static IEnumerable<(int Status, string Body)> Documented(string method) =>
        DocumentedExampleTests.Shipped.Value.Linked
            .Where(linked => linked.Method?.Name == method)
            .SelectMany(linked => linked.Method!.Examples)
            .Where(example => example.Response is not null)
            .Select(example => (example.Status, example.Response!));

    // A documented answer as it is, and a success also as a page of a list with the full time block.
    private static IEnumerable<(int Status, string Body)> Variants((int Status, string Body) answer)
    {
        yield return answer;
        if (answer.Status == 200 && JsonNode.Parse(answer.Body) is JsonObject envelope && envelope.ContainsKey("result"))
        {
            envelope["total"] = 120;
            envelope["next"] = 50;
            envelope["time"] = JsonNode.Parse(TimeBlock);
            yield return (200, envelope.ToJsonString());
        }
    }

    private static IEnumerable<(int Status, string Body)> Broken() =>
    [
        (503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}"),
        (401, "{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired.\"}"),
        (401, "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}"),
        (403, "{\"error\":{\"code\":\"ACCESS_DENIED\",\"message\":\"REST is available only on commercial plans\"}}"),
        (429, "{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"Method is blocked\",\"time\":" + TimeBlock + "}"),
        (502, "<html><body><h1>502 Bad Gateway</h1>/rest/7/" + FuzzCredentials.WebhookSecret + "/calendar.settings.get</body></html>"),
        (200, string.Empty),
        (200, "null"),
        (200, "[]"),
        (200, "{}"),
        (200, "{\"result\":null}"),
    ];

    private static async Task Drain<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }
}
