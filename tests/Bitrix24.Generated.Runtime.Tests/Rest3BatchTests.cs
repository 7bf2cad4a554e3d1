using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The REST 3.0 batch's wire: the JSON array it sends, where the credentials go, the key, and how the answer is read.</summary>
public class Rest3BatchTests
{
    private const string Time = "\"time\":{\"start\":1787219542,\"finish\":1787219542.5,\"duration\":0.5,\"processing\":0,\"date_start\":\"2026-08-20T11:52:22+02:00\",\"date_finish\":\"2026-08-20T11:52:22+02:00\",\"operating_reset_at\":1787220142,\"operating\":0}";
    private const string TwoResults = "{\"result\":[{\"item\":{\"id\":3839,\"title\":\"Task Title\"}},{\"items\":[{\"id\":1},{\"id\":2}]}]," + Time + "}";

    [Fact]
    public async Task The_calls_go_as_a_json_array_to_rest_api_batch_with_their_references_and_aliases()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, TwoResults);
        using var connection = Rest3ConnectionTests.Connect(handler);
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        var added = batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()), "task");
        var listed = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()), references: q => q.Set("filter.id", added.Ref("item.id")).Set("pagination.limit", added.Ref("item.responsibleId")));
        await batch.ExecuteAsync();

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("https://portal.example/rest/api/1/" + Rest3.Secret + "/batch", request.RequestUri!.ToString());
        Assert.Equal(
            """[{"method":"tasks.task.add","query":{"fields":{"title":"Task Title","responsibleId":1}},"as":"task"},{"method":"tasks.task.list","query":{"filter":{"id":{"$ref":"task.item.id"}},"pagination":{"limit":{"$ref":"task.item.responsibleId"}}}}]""",
            body);
        Assert.True(Guid.TryParse(Rest3RetryTests.KeyOf(request), out _));
        Assert.Equal(3839, (await added).Value.Item!.Id);
        Assert.Equal([1, 2], (await listed).Value.Items!.Select(item => item.Id!.Value));
        Assert.NotNull((await listed).Time);
    }

    [Fact]
    public async Task A_batch_of_reads_sends_no_key()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "{\"result\":[{\"items\":[]}]," + Time + "}");
        using var connection = Rest3ConnectionTests.Connect(handler);
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        var listed = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()));
        await batch.ExecuteAsync();

        Assert.Empty((await listed).Value.Items!);
        Assert.Null(Rest3RetryTests.KeyOf(Assert.Single(handler.Requests).Request));
    }

    [Fact]
    public async Task A_write_batch_whose_answer_was_lost_is_sent_again_under_the_same_key()
    {
        var attempts = 0;
        var handler = new RecordingHandler((_, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new HttpRequestException("The connection was closed before the answer.", new System.IO.IOException("reset"))
            : Task.FromResult(Rest3.Json(HttpStatusCode.OK, TwoResults)));
        using var connection = Rest3ConnectionTests.Connect(handler, new Bitrix24RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        var added = batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()));
        _ = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()));
        await batch.ExecuteAsync();

        Assert.Equal(3839, (await added).Value.Item!.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(Rest3RetryTests.KeyOf(handler.Requests[0].Request), Rest3RetryTests.KeyOf(handler.Requests[1].Request));
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
    }

    [Fact]
    public async Task An_application_sends_its_commands_keyed_by_position_with_the_token_beside_them()
    {
        var answered = 0;
        var handler = new RecordingHandler((request, _) =>
        {
            if (request.RequestUri!.Host == FakeOAuthPortal.TokenEndpoint.Host)
            {
                return Task.FromResult(Rest3.Json(HttpStatusCode.OK, "{\"access_token\":\"access-token-1\",\"expires_in\":3600,\"client_endpoint\":\"" + FakeOAuthPortal.RestUrl + "\",\"refresh_token\":\"refresh-token-1\"}"));
            }

            // The first batch meets an expired token; the replay carries the renewed one.
            return Task.FromResult(Interlocked.Increment(ref answered) == 1
                ? Rest3.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"expired_token","message":"The access token provided has expired."}}""")
                : Rest3.Json(HttpStatusCode.OK, TwoResults));
        });
        var http = new HttpClient(handler);
        using var connection = new Bitrix24Connection(http, new Bitrix24OAuth(FakeOAuthPortal.Options(), FakeOAuthPortal.Store(), http), new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null });
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        _ = batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()));
        _ = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()));
        await batch.ExecuteAsync();

        var calls = handler.Requests.Where(call => call.Request.RequestUri!.Host != FakeOAuthPortal.TokenEndpoint.Host).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal("https://portal.bitrix24.com/rest/api/batch", call.Request.RequestUri!.ToString()));
        const string Commands = "\"0\":" + """{"method":"tasks.task.add","query":{"fields":{"title":"Task Title","responsibleId":1}}},"1":{"method":"tasks.task.list","query":{}}}""";
        Assert.Equal("{\"auth\":\"" + FakeOAuthPortal.FirstAccessToken + "\"," + Commands, calls[0].Body);
        Assert.Equal("{\"auth\":\"access-token-1\"," + Commands, calls[1].Body);
        Assert.Equal(Rest3RetryTests.KeyOf(calls[0].Request), Rest3RetryTests.KeyOf(calls[1].Request));
    }

    [Fact]
    public async Task An_error_fails_every_call_with_one_exception_that_quotes_no_secret()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest, "{\"error\":{\"code\":\"BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION\",\"message\":\"Bad near " + Rest3.Secret + "\",\"validation\":[{\"field\":\"fields.title\",\"message\":\"Required\"}]}}");
        using var connection = Rest3ConnectionTests.Connect(handler);
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        var added = batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()));
        var listed = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()));
        var thrown = await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => batch.ExecuteAsync());

        Assert.Same(thrown, await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => added.Task));
        Assert.Same(thrown, await Assert.ThrowsAsync<Bitrix24Rest3BatchException>(() => listed.Task));
        Assert.Equal("batch", thrown.Method);
        Assert.Equal(["tasks.task.add", "tasks.task.list"], thrown.Methods);
        Assert.Single(thrown.ValidationFor("fields.title"));
        Assert.DoesNotContain(Rest3.Secret, thrown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_a_result_per_call_fails_every_call_as_unreadable()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "{\"result\":[{\"item\":{\"id\":1}}]," + Time + "}");
        using var connection = Rest3ConnectionTests.Connect(handler);
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        var added = batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()));
        var listed = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()));

        await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => batch.ExecuteAsync());
        await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => added.Task);
        await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => listed.Task);
    }

    [Fact]
    public async Task A_result_that_cannot_be_read_fails_only_its_call()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "{\"result\":[17,{\"items\":[]}]," + Time + "}");
        using var connection = Rest3ConnectionTests.Connect(handler);
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);

        var added = batch.Add(c => c.CallAsync(Rest3.Add, Rest3.NewTask()));
        var listed = batch.Add(c => c.CallAsync(Rest3.List, new V3TaskList()));
        await batch.ExecuteAsync();

        var unreadable = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => added.Task);
        Assert.Equal("tasks.task.add", unreadable.Method);
        Assert.Empty((await listed).Value.Items!);
    }

    [Fact]
    public async Task A_classic_call_is_refused_and_an_empty_batch_sends_nothing()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, TwoResults);
        using var connection = Rest3ConnectionTests.Connect(handler);
        var batch = new Bitrix24Rest3Batch<Bitrix24Connection>(connection, c => c);
        var classic = new Bitrix24Method<bool>("calendar.section.delete", Bitrix24.Generated.Serialization.Bitrix24Converters.Boolean);

        var refused = Assert.Throws<NotSupportedException>(() => batch.Add(c => c.CallAsync(classic)));
        await batch.ExecuteAsync();

        Assert.Contains("calendar.section.delete", refused.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
        await Assert.ThrowsAsync<InvalidOperationException>(() => batch.ExecuteAsync());
    }
}
