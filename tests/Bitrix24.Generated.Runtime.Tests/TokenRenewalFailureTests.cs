using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>Every way renewing an OAuth token can fail ends the call with a typed exception free of secrets.</summary>
public class TokenRenewalFailureTests
{
    private static readonly string[] Secrets =
    [
        FakeOAuthPortal.ClientSecret, FakeOAuthPortal.FirstAccessToken, FakeOAuthPortal.FirstRefreshToken,
        "fresh-access-91", "fresh-refresh-92",
    ];

    [Theory]
    [InlineData("not a uri", null)]
    [InlineData("/rest/", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("https://evil.example/rest/", "evil.example")]
    [InlineData("http://new.bitrix24.com/rest/", "new.bitrix24.com")]
    [InlineData("https://portal.bitrix24.com@evil.example/rest/", "evil.example")]
    [InlineData("https://new.bitrix24.com/other/", "new.bitrix24.com")]
    [InlineData("https://new.bitrix24.com/rest/?next=https://evil.example/", "new.bitrix24.com")]
    public async Task A_client_endpoint_calls_may_not_go_to_is_refused_and_nothing_is_saved_or_sent_there(string endpoint, string? host)
    {
        var portal = new FakeOAuthPortal();
        portal.TokenAnswer = (_, _) => Task.FromResult(FakeOAuthPortal.Json(HttpStatusCode.OK, $$"""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":1767225600,"client_endpoint":"{{endpoint}}"}"""));
        var store = FakeOAuthPortal.Store();
        using var connection = Connect(portal, store);
        portal.Expire();

        var exception = await Assert.ThrowsAsync<Bitrix24AuthenticationException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Equal("invalid_client_endpoint", exception.Error);
        Assert.Equal("calendar.settings.get", exception.Method);
        if (host is not null)
        {
            Assert.Contains(host, exception.Message, StringComparison.Ordinal);
        }

        AssertNoSecret(exception);
        Assert.Equal(FakeOAuthPortal.FirstAccessToken, (await store.GetAsync(default)).AccessToken);
        Assert.All(portal.Requests, r => Assert.Contains(r.RequestUri!.Host, new[] { "portal.bitrix24.com", "oauth.bitrix.info" }));
    }

    [Theory]
    [InlineData("https://new.bitrix24.de/rest", "https://new.bitrix24.de/rest/")]
    [InlineData("https://portal.bitrix24.com:8443/rest/", "https://portal.bitrix24.com:8443/rest/")]
    [InlineData("", "https://portal.bitrix24.com/rest/")]
    public async Task A_client_endpoint_on_a_cloud_host_or_the_portals_own_is_taken(string endpoint, string expected)
    {
        var portal = new FakeOAuthPortal();
        portal.TokenAnswer = (_, _) => Task.FromResult(FakeOAuthPortal.Json(HttpStatusCode.OK, $$"""{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","client_endpoint":"{{endpoint}}"}"""));
        var store = FakeOAuthPortal.Store();
        using var connection = Connect(portal, store);
        portal.Expire();

        // The fake portal does not know the fresh token; where the replay went is what counts.
        await Record.ExceptionAsync(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Equal(new Uri(expected), (await store.GetAsync(default)).ClientEndpoint);
        Assert.Equal(new Uri(expected + "calendar.settings.get?auth=fresh-access-91"), portal.Requests.Last().RequestUri);
    }

    [Theory]
    [InlineData("expires 1e300", """{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":1e300}""")]
    [InlineData("expires before year 1", """{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":-99999999999999}""")]
    [InlineData("expires as an object", """{"access_token":"fresh-access-91","refresh_token":"fresh-refresh-92","expires":{}}""")]
    [InlineData("a token as a number", """{"access_token":91,"refresh_token":"fresh-refresh-92"}""")]
    [InlineData("cut off", """{"access_token":"fresh-access-91","refresh_tok""")]
    [InlineData("a lone surrogate", """{"access_token":"\ud800","refresh_token":"fresh-refresh-92"}""")]
    [InlineData("not JSON", "<html>Bad gateway</html>")]
    [InlineData("an array", "[]")]
    public async Task A_token_answer_that_is_not_one_is_a_typed_failure(string _, string body)
    {
        var exception = await RenewalFailure((_, _) => Task.FromResult(FakeOAuthPortal.Json(HttpStatusCode.OK, body)));

        Assert.Equal("invalid_response", exception.Error);
    }

    [Fact]
    public async Task Invalid_utf8_from_the_token_endpoint_is_a_typed_failure()
    {
        var exception = await RenewalFailure((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([.. "{\"access_token\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"refresh_token\":\"x\"}"u8]),
        }));

        Assert.Equal("invalid_response", exception.Error);
    }

    [Fact]
    public async Task An_io_failure_of_the_token_endpoint_is_a_typed_failure()
    {
        var exception = await RenewalFailure((_, _) => throw new IOException("Connection reset while reading"));

        Assert.Equal("unreachable", exception.Error);
    }

    [Fact]
    public async Task A_token_endpoint_timing_out_in_its_HttpClient_is_a_typed_failure()
    {
        var exception = await RenewalFailure((_, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        Assert.Equal("timeout", exception.Error);
    }

    [Fact]
    public async Task A_token_endpoint_that_never_answers_fails_the_call_in_its_time_with_a_typed_failure()
    {
        var exception = await RenewalFailure(
            async (_, cancellationToken) =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            },
            TimeSpan.FromMilliseconds(300));

        Assert.Equal("timeout", exception.Error);
    }

    [Fact]
    public async Task An_error_answer_that_quotes_secrets_has_them_hidden()
    {
        var exception = await RenewalFailure((_, _) => Task.FromResult(FakeOAuthPortal.Json(
            HttpStatusCode.BadRequest,
            $$"""{"error":"invalid_grant {{FakeOAuthPortal.FirstRefreshToken}}","error_description":"{{FakeOAuthPortal.ClientSecret}} / {{FakeOAuthPortal.FirstAccessToken}} / fresh-access-91","access_token":"fresh-access-91"}""")));

        Assert.StartsWith("invalid_grant", exception.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_error_without_a_body_is_a_typed_failure()
    {
        var exception = await RenewalFailure((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)));

        Assert.Equal("invalid_response", exception.Error);
    }

    /// <summary>A call meets <c>expired_token</c> and the token endpoint answers so; returns the failure, checked for secrets.</summary>
    private static async Task<Bitrix24AuthenticationException> RenewalFailure(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> tokenAnswer, TimeSpan? timeout = null)
    {
        var portal = new FakeOAuthPortal { TokenAnswer = tokenAnswer };
        var logger = new CapturingLogger();
        using var connection = Connect(portal, FakeOAuthPortal.Store(), logger, timeout);
        portal.Expire();

        var exception = await Assert.ThrowsAsync<Bitrix24AuthenticationException>(() => connection.CallAsync("calendar.settings.get", TestJson.Boolean, CancellationToken.None));

        Assert.Equal("calendar.settings.get", exception.Method);
        AssertNoSecret(exception);
        Assert.All(logger.Texts, line => Assert.DoesNotContain(Secrets, secret => line.Contains(secret, StringComparison.Ordinal)));
        return exception;
    }

    private static Bitrix24Connection Connect(FakeOAuthPortal portal, IBitrix24TokenStore store, CapturingLogger? logger = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient(portal);
        var options = new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return new Bitrix24Connection(client, new Bitrix24OAuth(FakeOAuthPortal.Options(), store, client), options, logger);
    }

    private static void AssertNoSecret(Exception exception)
    {
        var text = exception.ToString();
        Assert.DoesNotContain(Secrets, secret => text.Contains(secret, StringComparison.Ordinal));
    }
}
