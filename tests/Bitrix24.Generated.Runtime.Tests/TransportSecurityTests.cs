using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

public class TransportSecurityTests
{
    private const string Ok = """{"result":true}""";

    [Fact]
    public async Task Plain_http_to_a_remote_portal_is_refused_before_anything_is_sent()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Ok);
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse("http://portal.example/rest/1/code123/"));

        var exception = await Assert.ThrowsAsync<Bitrix24InsecureTransportException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Empty(handler.Requests);
        Assert.Equal("portal.example", exception.Host);
        Assert.DoesNotContain("code123", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5024/rest/1/code123/", false)]
    [InlineData("http://localhost:5024/rest/1/code123/", false)]
    [InlineData("http://portal.example/rest/1/code123/", true)]
    public async Task Loopback_or_an_explicit_opt_out_allow_plain_http(string url, bool optOut)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Ok);
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse(url), new Bitrix24ConnectionOptions { AllowInsecureHttp = optOut });

        Assert.True((await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None)).Value);
    }

    [Theory]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    public async Task A_portal_that_moved_gets_the_same_post_at_its_new_domain_and_keeps_getting_it(HttpStatusCode redirect)
    {
        var handler = new RecordingHandler((request, _) =>
        {
            var response = request.RequestUri!.Host == "old.bitrix24.com"
                ? new HttpResponseMessage(redirect) { Headers = { Location = new Uri("https://new.bitrix24.eu" + request.RequestUri.PathAndQuery) } }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Ok, Encoding.UTF8, "application/json") };
            return Task.FromResult(response);
        });
        using var connection = new Bitrix24Connection(new HttpClient(handler), Bitrix24Webhook.Parse("https://old.bitrix24.com/rest/1/code123/"));

        await connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None);
        await connection.CallAsync("calendar.user.settings.get", TestJson.Boolean, CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("https://new.bitrix24.eu/rest/1/code123/calendar.settings.get", handler.Requests[1].Request.RequestUri!.ToString());
        Assert.Equal(HttpMethod.Post, handler.Requests[1].Request.Method);
        Assert.Equal("{}", handler.Requests[1].Body);
        Assert.Equal("new.bitrix24.eu", handler.Requests[2].Request.RequestUri!.Host);
    }
}
