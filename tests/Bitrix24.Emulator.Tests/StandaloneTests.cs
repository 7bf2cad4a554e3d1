using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>The standalone emulator's command line: its options, and how it stops.</summary>
public class StandaloneTests
{
    [Fact]
    public async Task The_rate_limit_option_sets_the_burst()
    {
        using var emulator = await StandaloneEmulator.StartAsync("--port", "0", "--rate-limit", "2/0.1");
        using var http = new HttpClient();

        var first = await Webhook.CallAsync(http, emulator.WebhookUrl, "server.time", "{}");
        var second = await Webhook.CallAsync(http, emulator.WebhookUrl, "server.time", "{}");
        var third = await Webhook.CallAsync(http, emulator.WebhookUrl, "server.time", "{}");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.Status);
        Assert.Equal("""{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""", third.Envelope.ToJsonString());
    }

    [Theory]
    [InlineData("5", "--rate-limit takes <burst>/<per-second>")]
    [InlineData("0/2", "--rate-limit takes <burst>/<per-second>")]
    public async Task A_malformed_rate_limit_is_refused(string limit, string message)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StandaloneEmulator.StartAsync("--port", "0", "--rate-limit", limit));

        Assert.Contains("exit code 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_certificate_written_out_is_the_one_served_over_https()
    {
        var file = Path.Combine(Path.GetTempPath(), "b24-emulator-" + Guid.NewGuid().ToString("N") + ".pem");
        try
        {
            using var emulator = await StandaloneEmulator.StartAsync("--port", "0", "--https", "--certificate-out", file);
            using var written = X509Certificate2.CreateFromPem(File.ReadAllText(file));
            using var handler = new HttpClientHandler
            {
                // Trust exactly the certificate written out, nothing else.
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == written.Thumbprint,
            };
            using var http = new HttpClient(handler);

            var (status, envelope) = await Webhook.CallAsync(http, emulator.WebhookUrl, "server.time", "{}");

            Assert.Equal("https", emulator.WebhookUrl.Scheme);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(envelope["result"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task It_prints_the_rest3_webhook_and_serves_rest3_there()
    {
        using var emulator = await StandaloneEmulator.StartAsync("--port", "0");
        using var http = new HttpClient();

        var (status, envelope) = await Webhook.CallAsync(http, emulator.Rest3WebhookUrl!, "note.document.add", """{"fields":{"collectionId":1,"title":"T"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("T", (string)envelope["result"]!["item"]!["title"]!);
    }

    [Fact]
    public async Task SIGTERM_stops_it_as_Ctrl_C_does()
    {
        // Windows has no SIGTERM to send; there, Ctrl+C and closing the console stop it.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var emulator = await StandaloneEmulator.StartAsync("--port", "0");

        Assert.Equal(0, await emulator.TerminateAsync());
    }

    [Fact]
    public async Task SIGTERM_stops_it_promptly_while_a_client_hangs_mid_request()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var emulator = await StandaloneEmulator.StartAsync("--port", "0");
        using var client = new TcpClient();
        await client.ConnectAsync(emulator.WebhookUrl.Host, emulator.WebhookUrl.Port);
        // A body announced at 100 bytes, of which 4 come: the call waits for the rest forever.
        var head = "POST " + emulator.WebhookUrl.AbsolutePath + "server.time HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\"";
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head));
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        var exitCode = await emulator.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "stopping took " + clock.Elapsed);
    }
}
