using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator.Tests.Fuzzing;
using CsCheck;
using Xunit.Abstractions;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// Garbage requests over real HTTP against the emulator with the shipped specs: every answer is a success or error
/// envelope, never a 5xx, each comes within the per-request timeout, and the portal serves on afterwards. A failure
/// is shrunk by CsCheck to a small request; keep it as a named case in <see cref="FuzzRegressionTests"/>.
/// </summary>
public class EmulatorRequestFuzzTests
{
    private const int Cases = 1500;
    private const int KestrelRequestLineLimit = 8 * 1024;
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(10);
    private readonly ITestOutputHelper _output;

    public EmulatorRequestFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_garbage_request_gets_an_envelope_and_the_portal_serves_on()
    {
        // No request-rate limit: its 503 is an answer a test asks for, not a failure.
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });
        using var http = new HttpClient { Timeout = PerRequest };
        var requests = new GarbageRequests(portal.SpecifiedMethods, portal.WebhookUrl.AbsolutePath.TrimStart('/'));
        var tried = 0;
        var failed = 0;
        try
        {
            await requests.Any.SampleAsync(
                async request =>
                {
                    Interlocked.Increment(ref tried);
                    try
                    {
                        await AssertEnvelopeAsync(http, portal.BaseAddress, request);
                    }
                    catch
                    {
                        Interlocked.Increment(ref failed);
                        throw;
                    }
                },
                writeLine: null,
                iter: Cases,
                threads: 2);
        }
        finally
        {
            _output.WriteLine("Fuzz emulator requests: " + tried + " cases tried, " + failed + " failed");
        }

        var (status, envelope) = await Webhook.CallAsync(http, portal, "server.time", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(envelope["result"]);
    }

    /// <summary>The property: an envelope (valid JSON with <c>result</c> or <c>error</c>), a status below 500, in time.</summary>
    internal static async Task AssertEnvelopeAsync(HttpClient http, Uri baseAddress, FuzzRequest request)
    {
        using var message = request.ToMessage(baseAddress);
        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, "status " + (int)response.StatusCode + ": " + body);
        if (response.StatusCode == HttpStatusCode.RequestUriTooLong)
        {
            // Kestrel refuses a request line over 8 KB before the portal sees it, as a portal's nginx does; nothing
            // shorter may be refused so.
            Assert.True(message.RequestUri!.PathAndQuery.Length > KestrelRequestLineLimit - 100, "414 for " + message.RequestUri.PathAndQuery.Length + " characters");
            return;
        }

        if (request.Verb == "HEAD")
        {
            // A HEAD answer has no body to check.
            return;
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.True(
            json.RootElement.TryGetProperty("result", out _) || json.RootElement.TryGetProperty("error", out _),
            "neither result nor error: " + body);
    }
}
