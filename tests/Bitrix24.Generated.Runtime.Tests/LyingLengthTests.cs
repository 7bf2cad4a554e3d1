using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>An answer whose Content-Length claims far more than it holds.</summary>
public class LyingLengthTests
{
    [Fact]
    public async Task A_declared_length_does_not_make_the_client_reserve_it()
    {
        var handler = new RecordingHandler((_, _) =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"result":true}"""));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = 300_000_000;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse("https://portal.example/rest/1/hidden5ecret/"), new Bitrix24ConnectionOptions { Retry = null, RateLimiter = null });
        var method = new Bitrix24Method<bool>("calendar.settings.get", Bitrix24Converters.Boolean);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await connection.CallAsync(method);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(response.Value);
        Assert.True(allocated < 64L * 1024 * 1024, allocated + " bytes were allocated for a 15-byte answer.");
    }
}
