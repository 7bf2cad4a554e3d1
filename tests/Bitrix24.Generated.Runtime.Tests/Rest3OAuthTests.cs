using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

public class Rest3OAuthTests
{
    [Fact]
    public async Task An_application_calls_rest_api_with_the_token_in_the_body_and_none_in_the_address()
    {
        var portal = new Rest3OAuthPortal();
        using var connection = Connect(portal);

        await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        var (request, body) = Assert.Single(portal.Calls);
        Assert.Equal("https://portal.bitrix24.com/rest/api/tasks.task.add", request.RequestUri!.ToString());
        Assert.Equal("{\"auth\":\"" + FakeOAuthPortal.FirstAccessToken + "\",\"fields\":{\"title\":\"Task Title\",\"responsibleId\":1}}", body);
    }

    [Fact]
    public async Task A_method_without_parameters_sends_only_the_token()
    {
        var portal = new Rest3OAuthPortal();
        using var connection = Connect(portal);

        await connection.CallAsync(Rest3.List);

        Assert.Equal("{\"auth\":\"" + FakeOAuthPortal.FirstAccessToken + "\"}", Assert.Single(portal.Calls).Body);
    }

    [Fact]
    public async Task A_renewal_replays_the_write_with_the_new_token_and_the_same_key()
    {
        var portal = new Rest3OAuthPortal { ExpireFirst = true };
        using var connection = Connect(portal);

        var response = await connection.CallAsync(Rest3.Add, Rest3.NewTask());

        Assert.Equal(3839, response.Value.Item!.Id);
        Assert.Equal(1, portal.Renewals);
        Assert.Equal(2, portal.Calls.Count);
        var calls = portal.Calls.ToArray();
        Assert.Equal(FakeOAuthPortal.FirstAccessToken, TokenOf(calls[0].Body));
        Assert.Equal("access-token-1", TokenOf(calls[1].Body));
        var key = Rest3RetryTests.KeyOf(calls[0].Request);
        Assert.NotNull(key);
        Assert.Equal(key, Rest3RetryTests.KeyOf(calls[1].Request));
    }

    [Fact]
    public async Task Errors_never_quote_the_token_sent_in_the_body()
    {
        var portal = new Rest3OAuthPortal { Answer = "{\"error\":{\"code\":\"BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION\",\"message\":\"Bad body near " + FakeOAuthPortal.FirstAccessToken + "\"}}" };
        using var connection = Connect(portal);

        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => connection.CallAsync(Rest3.Add, Rest3.NewTask()));

        Assert.DoesNotContain(FakeOAuthPortal.FirstAccessToken, exception.ToString(), StringComparison.Ordinal);
    }

    private static string? TokenOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("auth").GetString();

    private static Bitrix24Connection Connect(Rest3OAuthPortal portal) =>
        new(new HttpClient(portal), new Bitrix24OAuth(FakeOAuthPortal.Options(), FakeOAuthPortal.Store(), new HttpClient(portal)), new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null });

    /// <summary>A REST 3.0 portal reading the token from the body, and the token endpoint, in one handler.</summary>
    private sealed class Rest3OAuthPortal : HttpMessageHandler
    {
        public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Calls { get; } = new();

        public bool ExpireFirst { get; init; }

        public string Answer { get; init; } = Rest3.AddAnswer;

        public int Renewals { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host == FakeOAuthPortal.TokenEndpoint.Host)
            {
                Renewals++;
                return Rest3.Json(HttpStatusCode.OK, "{\"access_token\":\"access-token-" + Renewals + "\",\"expires_in\":3600,\"client_endpoint\":\"" + FakeOAuthPortal.RestUrl + "\",\"refresh_token\":\"refresh-token-" + Renewals + "\"}");
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Calls.Enqueue((request, body));
            if (ExpireFirst && Renewals == 0)
            {
                return Rest3.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"expired_token","message":"The access token provided has expired."}}""");
            }

            return Rest3.Json(Answer.Contains("\"error\"", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK, Answer);
        }
    }
}
