using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

public class ConnectionTests
{
    private const string Secret = "hidden5ecret";
    private const string Method = "calendar.user.settings.set";
    private const string SeedSuccess = """{"result":true,"time":{"start":1733318565.183275,"finish":1733318565.695058,"duration":0.5117831230163574,"processing":0.29406094551086426,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}""";
    private const string SeedError = """{"error":"","error_description":"The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set"}""";

    private static readonly Bitrix24ErrorMap<SampleError> Errors = new(
        new Bitrix24ErrorMapping<SampleError>(SampleError.SettingsNotSet, "", "The required parameter \"settings\" for the method \"calendar.user.settings.set\" is not set"),
        new Bitrix24ErrorMapping<SampleError>(SampleError.AccessDenied, "", "Access denied"));

    private static readonly Bitrix24Method Documented = new(Method, idempotent: true, errors: Errors);

    [Fact]
    public async Task Posts_json_to_the_webhook_method_address()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, SeedSuccess);
        using var connection = Connect(handler);

        await connection.CallAsync(Method, new Dictionary<string, string> { ["view"] = "month" }, TestJson.Parameters, TestJson.Boolean, CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://portal.example/rest/1/" + Secret + "/" + Method, request.RequestUri!.ToString());
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.StartsWith("Bitrix24.Generated/", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Equal("""{"view":"month"}""", body);
    }

    [Fact]
    public async Task A_method_without_parameters_sends_an_empty_object()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, SeedSuccess);
        using var connection = Connect(handler);

        await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None);

        Assert.Equal("{}", Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task Reads_the_seed_success_response_with_its_time()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, SeedSuccess));

        var response = await connection.CallAsync(Documented, TestJson.Boolean, CancellationToken.None);

        Assert.True(response.Value);
        bool implicitValue = response;
        Assert.True(implicitValue);
        var time = Assert.IsType<Bitrix24Time>(response.Time);
        Assert.Equal(1733318565.183275, time.Start);
        Assert.Equal(1733318565.695058, time.Finish);
        Assert.Equal(0.5117831230163574, time.Duration);
        Assert.Equal(0.29406094551086426, time.Processing);
        Assert.Equal(new DateTimeOffset(2024, 12, 4, 13, 22, 45, TimeSpan.Zero), time.DateStart);
        Assert.Equal(new DateTimeOffset(2024, 12, 4, 13, 22, 45, TimeSpan.Zero), time.DateFinish);
        Assert.Null(time.Operating);
        Assert.Null(time.OperatingResetAt);
        Assert.Null(response.Total);
        Assert.Null(response.Next);
    }

    [Fact]
    public async Task Reads_operating_figures_and_paging()
    {
        const string body = """{"result":"7","total":120,"next":50,"time":{"start":1,"finish":2,"duration":1,"processing":0.5,"operating":3.25,"operating_reset_at":1733319165}}""";
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, body));

        var response = await connection.CallAsync("x.list", TestJson.Int32, CancellationToken.None);

        Assert.Equal(7, response.Value);
        Assert.Equal(120, response.Total);
        Assert.Equal(50, response.Next);
        Assert.Equal(3.25, response.Time!.Operating);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733319165), response.Time.OperatingResetAt);
    }

    [Fact]
    public async Task The_seed_error_becomes_a_typed_exception()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, SeedError));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<SampleError>>(() => connection.CallAsync(Documented, TestJson.Boolean, CancellationToken.None));

        Assert.Equal(SampleError.SettingsNotSet, exception.Error);
        Assert.Equal(Bitrix24ErrorCode.MethodSpecific, exception.Code);
        Assert.Equal(string.Empty, exception.RawCode);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(Method, exception.Method);
        Assert.Contains(Method, exception.Message, StringComparison.Ordinal);
        Assert.Contains("is not set", exception.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undocumented_error_of_a_mapped_method_has_no_enum_value()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, """{"error":"","error_description":"Something else"}"""));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<SampleError>>(() => connection.CallAsync(Documented, TestJson.Boolean, CancellationToken.None));

        Assert.Null(exception.Error);
    }

    [Fact]
    public async Task Without_a_map_the_error_is_the_plain_api_exception()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, SeedError));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Method, TestJson.Boolean, CancellationToken.None));

        Assert.Equal(typeof(Bitrix24ApiException), exception.GetType());
    }

    [Theory]
    [InlineData(503, "QUERY_LIMIT_EXCEEDED", Bitrix24ErrorCode.QueryLimitExceeded)]
    [InlineData(401, "expired_token", Bitrix24ErrorCode.ExpiredToken)]
    [InlineData(401, "NO_AUTH_FOUND", Bitrix24ErrorCode.NoAuthFound)]
    [InlineData(429, "OPERATION_TIME_LIMIT", Bitrix24ErrorCode.OperationTimeLimit)]
    [InlineData(404, "ERROR_METHOD_NOT_FOUND", Bitrix24ErrorCode.MethodNotFound)]
    [InlineData(500, "SOMETHING_NEW", Bitrix24ErrorCode.Unknown)]
    public async Task System_errors_map_to_their_code(int status, string code, Bitrix24ErrorCode expected)
    {
        using var connection = Connect(new RecordingHandler((HttpStatusCode)status, "{\"error\":\"" + code + "\",\"error_description\":\"d\"}"));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException<SampleError>>(() => connection.CallAsync(Documented, TestJson.Boolean, CancellationToken.None));

        Assert.Equal(expected, exception.Code);
        Assert.Equal(code, exception.RawCode);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Null(exception.Error);
    }

    [Fact]
    public async Task An_error_with_status_200_is_still_an_error()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, """{"error":"ACCESS_DENIED","error_description":"REST is available only on commercial plans"}"""));

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Method, TestJson.Boolean, CancellationToken.None));

        Assert.Equal(Bitrix24ErrorCode.AccessDenied, exception.Code);
    }

    [Theory]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", "not a JSON object")]
    [InlineData(200, "{\"result\":tru", "application/json", "malformed or cut off")]
    [InlineData(200, "", "application/json", "malformed or cut off")]
    [InlineData(200, "{\"time\":{}}", "application/json", "neither 'result' nor 'error'")]
    [InlineData(500, "{\"result\":true}", "application/json", "carries no error code")]
    [InlineData(200, "{\"result\":{\"a\":1}}", "application/json", "the value at $.result")]
    [InlineData(200, "{\"result\":true} {}", "application/json", "malformed or cut off")]
    public async Task Bodies_that_are_no_envelope_give_a_format_exception(int status, string body, string contentType, string problem)
    {
        using var connection = Connect(new RecordingHandler((HttpStatusCode)status, body, contentType));

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => connection.CallAsync(Documented, TestJson.Boolean, CancellationToken.None));

        Assert.Equal(Method, exception.Method);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.Contains(Method, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith(contentType, exception.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_page_echoing_the_secret_is_redacted()
    {
        var page = "<html>No route for /rest/1/" + Secret + "/" + Method + "</html>";
        using var connection = Connect(new RecordingHandler(HttpStatusCode.NotFound, page, "text/html"));

        var exception = await Assert.ThrowsAsync<Bitrix24ResponseFormatException>(() => connection.CallAsync(Method, TestJson.Boolean, CancellationToken.None));

        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("/rest/1/***/", exception.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_failure_is_a_transport_exception_without_the_secret()
    {
        var handler = new RecordingHandler((request, _) => throw new HttpRequestException("Connection refused (" + request.RequestUri + ")"));
        using var connection = Connect(handler);

        var exception = await Assert.ThrowsAsync<Bitrix24TransportException>(() => connection.CallAsync(Method, TestJson.Boolean, CancellationToken.None));

        Assert.Equal(Method, exception.Method);
        Assert.Contains("Connection refused", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_portal_times_out_as_a_transport_exception()
    {
        var handler = new RecordingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse("https://portal.example/rest/1/" + Secret + "/"), new Bitrix24ConnectionOptions { Timeout = TimeSpan.FromMilliseconds(100), Retry = null });

        var exception = await Assert.ThrowsAsync<Bitrix24TransportException>(() => connection.CallAsync(Method, TestJson.Boolean, CancellationToken.None));

        Assert.Contains("no answer within", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        var handler = new RecordingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var connection = Connect(handler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.CallAsync(Method, TestJson.Boolean, cancellation.Token));
    }

    [Fact]
    public void ToString_of_the_connection_hides_the_secret()
    {
        using var connection = Connect(new RecordingHandler(HttpStatusCode.OK, SeedSuccess));

        Assert.DoesNotContain(Secret, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_of_every_kind_never_show_the_secret()
    {
        var bodies = new[] { SeedError, "{\"error\":\"NO_AUTH_FOUND\",\"error_description\":\"Wrong authorization data\"}", "<html/>", "{\"result\":" };
        foreach (var body in bodies)
        {
            using var connection = Connect(new RecordingHandler(HttpStatusCode.BadRequest, body));
            var exception = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => connection.CallAsync(Documented, TestJson.Boolean, CancellationToken.None));
            Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        }
    }

    // Retries have tests of their own; here every failure surfaces at once.
    private static Bitrix24Connection Connect(RecordingHandler handler) =>
        new(new HttpClient(handler), Bitrix24Webhook.Parse("https://portal.example/rest/1/" + Secret + "/"), new Bitrix24ConnectionOptions { Retry = null });
}
