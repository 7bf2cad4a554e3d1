using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

public class Rest3RetryTests
{
    private static readonly Bitrix24RetryOptions FastRetry = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    public static TheoryData<string> Failures => new() { "dropped", "500", "502", "timeout" };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_write_is_retried_under_one_idempotency_key_and_the_next_call_gets_a_new_one(string failure)
    {
        var handler = FailingFirst(failure, Rest3.AddAnswer);
        using var connection = Connect(handler);

        var first = await connection.CallAsync(Rest3.Add, Rest3.NewTask());
        var second = await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        Assert.Equal(3839, first.Value.Item!.Id);
        Assert.Equal(3839, second.Value.Item!.Id);
        Assert.Equal(3, handler.Requests.Count);
        var keys = handler.Requests.Select(request => KeyOf(request.Request)).ToList();
        Assert.All(keys, key => Assert.True(Guid.TryParse(key, out _), key));
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_rest3_read_is_retried_as_before_without_a_key(string failure)
    {
        var handler = FailingFirst(failure, """{"result":{"items":[]}}""");
        using var connection = Connect(handler);

        var response = await connection.CallAsync(Rest3.List);

        Assert.Empty(response.Value.Items!);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, request => Assert.False(request.Request.Headers.Contains("Idempotency-Key")));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_classic_write_is_not_retried_and_its_outcome_is_unknown(string failure)
    {
        var handler = FailingFirst(failure, """{"result":true}""");
        using var connection = Connect(handler);
        var classic = new Bitrix24Method<bool>("tasks.task.add", Bitrix24Converters.Boolean);

        var exception = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => connection.CallAsync(classic, Rest3.NewTask()));

        Assert.Single(handler.Requests);
        Assert.False(handler.Requests[0].Request.Headers.Contains("Idempotency-Key"));
        Assert.True(exception.OutcomeUnknown);
        Assert.Contains("outcome is unknown", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Rest3.Secret, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_classic_write_that_never_left_is_retried_and_its_outcome_is_known()
    {
        var attempts = 0;
        var handler = new RecordingHandler((_, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
            : Task.FromResult(Rest3.Json(HttpStatusCode.OK, """{"result":true}""")));
        using var connection = Connect(handler);

        Assert.True(await connection.CallAsync(new Bitrix24Method<bool>("tasks.task.add", Bitrix24Converters.Boolean), Rest3.NewTask()));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_classic_write_refused_by_the_portal_is_no_unknown_outcome()
    {
        var handler = new RecordingHandler(HttpStatusCode.Forbidden, """{"error":"ACCESS_DENIED","error_description":"Access denied"}""");
        using var connection = Connect(handler);

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(new Bitrix24Method<bool>("tasks.task.add", Bitrix24Converters.Boolean), Rest3.NewTask()));

        Assert.False(exception.OutcomeUnknown);
        Assert.DoesNotContain("outcome is unknown", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_failing_on_every_attempt_keeps_its_key_and_says_its_outcome_is_unknown()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "text/html");
        using var connection = Connect(handler);

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        Assert.Equal(FastRetry.MaxAttempts, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(request => KeyOf(request.Request)).Distinct());
        Assert.True(exception.OutcomeUnknown);
    }

    [Fact]
    public async Task A_write_is_retried_only_when_the_connection_retries_at_all()
    {
        var handler = FailingFirst("502", Rest3.AddAnswer);
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(Rest3.WebhookUrl), new Bitrix24ConnectionOptions { Retry = null, RateLimiter = null });

        await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        Assert.Single(handler.Requests);
        Assert.NotNull(KeyOf(handler.Requests[0].Request));
    }

    internal static string? KeyOf(HttpRequestMessage request) =>
        request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null;

    /// <summary>Fails the first request the given way (its answer lost, a server error, or none in time) and answers the rest.</summary>
    private static RecordingHandler FailingFirst(string failure, string answer)
    {
        var attempts = 0;
        return new RecordingHandler(async (_, token) =>
        {
            if (Interlocked.Increment(ref attempts) > 1)
            {
                return Rest3.Json(HttpStatusCode.OK, answer);
            }

            switch (failure)
            {
                case "dropped":
                    throw new HttpRequestException("The response ended prematurely (https://portal.example/rest/api/1/" + Rest3.Secret + "/).", new IOException("reset"), HttpStatusCode.OK);
                case "500":
                    return Rest3.Json(HttpStatusCode.InternalServerError, """{"error":{"code":"INTERNAL_SERVER_ERROR","message":"Internal server error"}}""");
                case "502":
                    return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad gateway</html>", System.Text.Encoding.UTF8, "text/html") };
                default:
                    await Task.Delay(Timeout.Infinite, token);
                    throw new InvalidOperationException("not reached");
            }
        });
    }

    private static Bitrix24Connection Connect(HttpMessageHandler handler) =>
        new(new HttpClient(handler), Bitrix24Webhook.Parse(Rest3.WebhookUrl), new Bitrix24ConnectionOptions { Retry = FastRetry, RateLimiter = null, Timeout = TimeSpan.FromMilliseconds(300) });
}
