using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// What must hold for any answer: the call returns, succeeding or failing with a <see cref="Bitrix24Exception"/> that
/// names one of its methods, and no exception text (inner exceptions included) nor log line holds a secret.
/// </summary>
internal static class AnswerProperty
{
    // Every answer is at hand at once: a call still running after this is hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task HoldsAsync(FuzzedCall call, FuzzCredentials credentials, int status, string? contentType, byte[] body)
    {
        var logger = new LineLogger();
        using var http = new HttpClient(new Portal(status, contentType, body));
        using var connection = credentials.Connect(http, logger);
        using var client = new Bitrix24Client(connection);

        var failures = await call.Run(client).WaitAsync(Patience);

        foreach (var failure in failures)
        {
            if (failure is not Bitrix24Exception typed)
            {
                throw new XunitException("Not a Bitrix24Exception: " + failure.GetType().Name + " " + Redacted(failure.ToString(), credentials));
            }

            Assert.Contains(typed.Method, call.Methods);
            AssertNoSecret(failure.ToString(), credentials, "the exception");
        }

        foreach (var line in logger.Lines)
        {
            AssertNoSecret(line, credentials, "a log line");
        }
    }

    private static void AssertNoSecret(string text, FuzzCredentials credentials, string where)
    {
        if (credentials.Secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)))
        {
            // Said without the secret, so that the test's own output does not spread it.
            throw new XunitException("A secret of the " + credentials + " connection is in " + where + ": " + Redacted(text, credentials));
        }
    }

    private static string Redacted(string text, FuzzCredentials credentials) =>
        credentials.Secrets.Aggregate(text, (current, secret) => current.Replace(secret, "<SECRET>", StringComparison.Ordinal));

    /// <summary>Answers every call with the one answer; the token endpoint renews to the same tokens.</summary>
    private sealed class Portal(int status, string? contentType, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isTokenEndpoint = request.RequestUri!.Host.StartsWith("oauth.", StringComparison.Ordinal);
            var content = new ByteArrayContent(isTokenEndpoint ? System.Text.Encoding.UTF8.GetBytes(FuzzCredentials.TokenAnswer) : body);
            var type = isTokenEndpoint ? "application/json" : contentType;
            if (type is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }

            return Task.FromResult(new HttpResponseMessage(isTokenEndpoint ? HttpStatusCode.OK : (HttpStatusCode)status) { Content = content });
        }
    }
}
