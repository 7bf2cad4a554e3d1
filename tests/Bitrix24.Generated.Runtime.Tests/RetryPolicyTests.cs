using System;
using System.Net;

namespace Bitrix24.Generated.Runtime.Tests;

public class RetryPolicyTests
{
    [Theory]
    [InlineData("QUERY_LIMIT_EXCEEDED", 503, false, true)]
    [InlineData("OPERATION_TIME_LIMIT", 429, false, true)]
    [InlineData("INTERNAL_SERVER_ERROR", 500, false, false)]
    [InlineData("INTERNAL_SERVER_ERROR", 500, true, true)]
    [InlineData("ERROR_UNEXPECTED_ANSWER", 500, true, true)]
    [InlineData("", 400, true, false)]
    [InlineData("NO_AUTH_FOUND", 401, true, false)]
    [InlineData("expired_token", 401, true, false)]
    [InlineData("ACCESS_DENIED", 403, true, false)]
    public void Api_errors(string code, int status, bool idempotent, bool retried) =>
        Assert.Equal(retried, RetryPolicy.MayRetry(new Bitrix24ApiException("m", (HttpStatusCode)status, code, "d"), idempotent));

    [Theory]
    [InlineData(502, true, true)]
    [InlineData(502, false, false)]
    [InlineData(200, true, true)]
    [InlineData(404, true, false)]
    public void Answers_that_are_not_envelopes(int status, bool idempotent, bool retried) =>
        Assert.Equal(retried, RetryPolicy.MayRetry(new Bitrix24ResponseFormatException("m", (HttpStatusCode)status, "text/html", "<html>", "not JSON"), idempotent));

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void Network_failures(bool mayHaveRun, bool idempotent, bool retried) =>
        Assert.Equal(retried, RetryPolicy.MayRetry(new Bitrix24TransportException("m", "failed", null, mayHaveRun), idempotent));

    [Fact]
    public void Waits_double_with_jitter_up_to_the_cap()
    {
        var options = new Bitrix24RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) };

        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(RetryPolicy.Delay(options, 1).TotalMilliseconds, 80, 120);
            Assert.InRange(RetryPolicy.Delay(options, 2).TotalMilliseconds, 160, 240);
            Assert.InRange(RetryPolicy.Delay(options, 3).TotalMilliseconds, 320, 480);
            Assert.InRange(RetryPolicy.Delay(options, 8).TotalMilliseconds, 400, 600);
        }
    }
}
