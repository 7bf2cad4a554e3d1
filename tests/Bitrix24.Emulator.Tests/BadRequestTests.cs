using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Every bad request gets an error envelope with the status a portal answers with: 400 for what cannot be read,
/// 404 for what is not there, 405 for a verb other than GET and POST, never an empty 500.
/// </summary>
public class BadRequestTests
{
    [Theory]
    [InlineData("""{"settings":{"view":"day"},"settings":{"view":"week"}}""", "Duplicate property")]
    [InlineData("""{"settings":{"view":"\ud800"}}""", "surrogate")]
    [InlineData("""{"\ud800":1}""", "surrogate")]
    [InlineData("""{"settings":""", "The request cannot be read")]
    [InlineData("[1,2]", "not a JSON object")]
    public async Task A_json_body_that_cannot_be_read_whole_is_a_400(string body, string message)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var answer = await SendAsync(http, HttpMethod.Post, new Uri(portal.WebhookUrl, "calendar.user.settings.set"), new StringContent(body, Encoding.UTF8, "application/json"));

        answer.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
    }

    [Theory]
    [InlineData("0=x")]
    [InlineData("=1")]
    [InlineData("[x]=1&a[=2")]
    public async Task Odd_form_names_are_read_as_php_reads_them(string form)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var answer = await SendAsync(http, HttpMethod.Post, new Uri(portal.WebhookUrl, "server.time"), new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotNull(answer.Envelope["result"]);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb")]
    [InlineData("multipart/form-data; boundary=XX", "garbage")]
    [InlineData("multipart/form-data", "garbage")]
    [InlineData("multipart/form-data; boundary=XX", "--XX\r\nno header end")]
    public async Task Truncated_or_garbage_multipart_is_a_400(string contentType, string body)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var answer = await SendAsync(http, HttpMethod.Post, new Uri(portal.WebhookUrl, "server.time"), Raw(body, contentType));
        var token = await SendAsync(http, HttpMethod.Post, portal.OAuthTokenUrl, Raw(body, contentType));

        answer.AssertError(HttpStatusCode.BadRequest, "INVALID_REQUEST", "The request cannot be read");
        token.AssertError(HttpStatusCode.BadRequest, "invalid_request", "The request cannot be read");
    }

    [Theory]
    [InlineData("nothing", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("favicon.ico", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("rest/", HttpStatusCode.NotFound, "ERROR_METHOD_NOT_FOUND")]
    [InlineData("rest/1/code/calendar.settings.get/extra", HttpStatusCode.NotFound, "ERROR_METHOD_NOT_FOUND")]
    public async Task A_path_the_portal_does_not_serve_gets_a_404_envelope(string path, HttpStatusCode status, string code)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        using var http = new HttpClient();

        var answer = await SendAsync(http, HttpMethod.Get, new Uri(portal.BaseAddress, path), null);

        answer.AssertError(status, code, string.Empty);
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task A_verb_other_than_get_and_post_runs_nothing_and_gets_405(string verb)
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var calls = 0;
        portal.Methods.Add("test.count", _ => JsonValue.Create(++calls));
        using var http = new HttpClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), new Uri(portal.WebhookUrl, "test.count")));
        using var token = await http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), portal.OAuthTokenUrl));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, POST", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, token.StatusCode);
        Assert.Equal(0, calls);
        Assert.Empty(portal.Requests);
        if (verb != "HEAD")
        {
            Assert.Equal("INVALID_REQUEST", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
        }
    }

    [Fact]
    public async Task A_handler_that_throws_gets_a_logged_500_envelope_and_the_portal_serves_on()
    {
        var log = new ListLoggerProvider();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(log));
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { LoggerFactory = logging });
        portal.Methods.Add("test.broken", _ => throw new InvalidOperationException("a bug in the handler"));
        using var http = new HttpClient();

        var broken = await SendAsync(http, HttpMethod.Post, new Uri(portal.WebhookUrl, "test.broken"), new StringContent("{}", Encoding.UTF8, "application/json"));
        var after = await SendAsync(http, HttpMethod.Post, new Uri(portal.WebhookUrl, "server.time"), new StringContent("{}", Encoding.UTF8, "application/json"));

        broken.AssertError(HttpStatusCode.InternalServerError, "INTERNAL_SERVER_ERROR", "Internal server error");
        Assert.Contains(log.Entries, entry => entry.Contains("a bug in the handler", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<Answer> SendAsync(HttpClient http, HttpMethod verb, Uri uri, HttpContent? content)
    {
        using var request = new HttpRequestMessage(verb, uri) { Content = content };
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, JsonNode.Parse(body)!);
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Body, JsonNode Envelope)
    {
        public void AssertError(HttpStatusCode status, string code, string descriptionPart)
        {
            Assert.True(Status == status, "expected " + status + ", got " + Status + ": " + Body);
            Assert.Equal("application/json", MediaType);
            Assert.Equal(code, (string?)Envelope["error"]);
            Assert.Contains(descriptionPart, (string?)Envelope["error_description"], StringComparison.Ordinal);
        }
    }

    private sealed class ListLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(formatter(state, exception) + " " + exception);

        public void Dispose()
        {
        }
    }
}
