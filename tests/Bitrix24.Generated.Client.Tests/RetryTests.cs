using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>Retries: always for refusals, only for idempotent methods when the call may have run.</summary>
public class RetryTests
{
    private const string QueryLimit = """{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""";

    [Fact]
    public async Task Query_limit_refusals_are_retried_even_for_methods_that_are_not_idempotent()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("calendar.nothing.safe", 503, QueryLimit);
        portal.AnswerNext("calendar.nothing.safe", 503, QueryLimit);
        portal.Methods.Add("calendar.nothing.safe", _ => System.Text.Json.Nodes.JsonValue.Create(true));
        using var test = TestClient.WithFastRetries(portal);

        // Called by name: not idempotent, yet a refusal proves the call never ran.
        var response = await test.Client.Connection.CallAsync("calendar.nothing.safe", Bitrix24JsonContext.Default.Boolean, CancellationToken.None);

        Assert.True(response.Value);
        Assert.Equal(3, portal.Requests.Count);
    }

    [Fact]
    public async Task An_idempotent_method_is_retried_after_server_errors_lost_answers_and_dropped_connections()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError));
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.BadGatewayHtml));
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropConnection));
        using var test = TestClient.WithFastRetries(portal);

        var settings = await test.Client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.Equal(4, portal.Requests.Count);
    }

    [Theory]
    [InlineData(Bitrix24FaultKind.InternalServerError)]
    [InlineData(Bitrix24FaultKind.TruncatedJson)]
    [InlineData(Bitrix24FaultKind.DropConnection)]
    public async Task A_call_that_may_have_run_is_not_replayed_unless_idempotent(Bitrix24FaultKind fault)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.Methods.Add("calendar.thing.add", _ => System.Text.Json.Nodes.JsonValue.Create(7));
        portal.InjectFault(new Bitrix24Fault(fault, Method: "calendar.thing.add"));
        using var test = TestClient.WithFastRetries(portal);

        await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => test.Client.Connection.CallAsync("calendar.thing.add", Bitrix24JsonContext.Default.Int32, CancellationToken.None));

        Assert.Single(portal.Requests);
    }

    [Fact]
    public async Task A_portal_that_cannot_be_reached_is_retried_and_then_reported_as_never_run()
    {
        Uri unreachable;
        await using (var portal = await Bitrix24Emulator.StartAsync())
        {
            unreachable = portal.WebhookUrl;
        }

        using var http = new System.Net.Http.HttpClient();
        var retry = new Bitrix24RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5) };
        using var connection = new Bitrix24Connection(http, Bitrix24Webhook.Parse(unreachable.ToString()), new Bitrix24ConnectionOptions { Retry = retry });

        var exception = await Assert.ThrowsAsync<Bitrix24TransportException>(() => connection.CallAsync("calendar.thing.add", Bitrix24JsonContext.Default.Int32, CancellationToken.None));

        Assert.False(exception.RequestMayHaveRun);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt_and_surface_the_last_error()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError), count: 10);
        using var test = TestClient.WithFastRetries(portal, attempts: 3);

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => test.Client.Calendar.Settings.GetAsync());

        Assert.Equal(Bitrix24ErrorCode.InternalServerError, exception.Code);
        Assert.Equal(3, portal.Requests.Count);
    }

    [Fact]
    public async Task Method_errors_are_never_retried()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var test = TestClient.WithFastRetries(portal);

        await Assert.ThrowsAsync<Bitrix24ApiException<CalendarUserSettingsSetError>>(() => test.Client.Calendar.User.Settings.SetAsync(new CalendarUserSettingsSetRequest()));

        Assert.Single(portal.Requests);
    }

    [Fact]
    public async Task A_burst_beyond_the_portal_limit_completes_without_a_refusal_reaching_the_caller()
    {
        // 5 at once, 100 a second: the 30 calls must wait out refusals, never surface them.
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = new Bitrix24RateLimit(5, 100) });
        using var test = new TestClient(portal, new Bitrix24RetryOptions { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) });

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => test.Client.Calendar.Settings.GetAsync()));

        Assert.Equal(30, results.Length);
        Assert.True(portal.Requests.Count > 30, "the portal refused some calls, which were retried");
    }

    [Fact]
    public async Task A_thousand_calls_through_the_client_bucket_meet_no_refusal()
    {
        // The client's bucket paces the calls as the portal's does; the few the network bunches up past the
        // portal's limit are refused and retried, and none of it reaches the caller.
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = new Bitrix24RateLimit(50, 200) });
        using var http = new System.Net.Http.HttpClient();
        var options = new Bitrix24ConnectionOptions
        {
            RateLimiter = new Bitrix24RateLimiter(50, 200),
            Retry = new Bitrix24RetryOptions { MaxAttempts = 8, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) },
        };
        using var connection = new Bitrix24Connection(http, Bitrix24Webhook.Parse(portal.WebhookUrl.ToString()), options);
        var client = new Bitrix24Client(connection);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => client.Calendar.Settings.GetAsync()));

        Assert.Equal(1000, results.Length);
        Assert.All(results, r => Assert.Equal(CalendarWeekday.Monday, r.Value.WeekStart));
    }

    [Fact]
    public async Task An_operating_time_refusal_far_from_its_reset_is_not_retried_in_vain()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { OperatingLimit = TimeSpan.FromSeconds(10) });
        portal.SetOperatingCost("calendar.settings.get", TimeSpan.FromSeconds(11));
        using var test = TestClient.WithFastRetries(portal);

        var first = await test.Client.Calendar.Settings.GetAsync();
        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => test.Client.Calendar.Settings.GetAsync());

        // The budget frees up ten minutes after the first call: retrying sooner cannot succeed.
        Assert.True(first.Time!.OperatingResetAt > DateTimeOffset.UtcNow.AddMinutes(9));
        Assert.Equal(Bitrix24ErrorCode.OperationTimeLimit, exception.Code);
        Assert.Equal(first.Time.OperatingResetAt, exception.OperatingResetAt);
        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task An_operating_time_refusal_without_a_known_reset_is_retried_with_backoff()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.AnswerNext("calendar.settings.get", 429, """{"error":"OPERATION_TIME_LIMIT","error_description":"Method is blocked due to operation time limit."}""");
        using var test = TestClient.WithFastRetries(portal);

        var settings = await test.Client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.Equal(2, portal.Requests.Count);
    }
}
