using System;
using System.Net;
using System.Threading.Tasks;
using Polly;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary><see cref="Bitrix24Resilience.AddBitrix24Retry"/> on its own, outside a connection.</summary>
public class ResilienceStrategyTests
{
    private static readonly Bitrix24RetryOptions Fast = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task Without_a_bitrix24_call_in_its_context_it_retries_nothing()
    {
        var pipeline = new ResiliencePipelineBuilder().AddBitrix24Retry(Fast).Build();
        var runs = 0;

        await Assert.ThrowsAsync<Bitrix24ApiException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            runs++;
            throw new Bitrix24ApiException("calendar.settings.get", HttpStatusCode.ServiceUnavailable, "QUERY_LIMIT_EXCEEDED", "Too many requests");
        }));

        Assert.Equal(1, runs);
    }

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 1)]
    public async Task A_failure_that_may_have_come_after_the_run_is_retried_only_when_the_call_is_repeatable(bool repeatable, int expectedRuns)
    {
        var pipeline = new ResiliencePipelineBuilder().AddBitrix24Retry(Fast).Build();
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(Bitrix24Resilience.Call, new Bitrix24CallContext(new Bitrix24Method("crm.deal.add"), repeatable, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, null));
        var runs = 0;

        await Assert.ThrowsAsync<Bitrix24ApiException>(async () => await pipeline.ExecuteAsync<int>(_ =>
        {
            runs++;
            throw new Bitrix24ApiException("crm.deal.add", HttpStatusCode.InternalServerError, "INTERNAL_SERVER_ERROR", "Internal error");
        }, context));

        ResilienceContextPool.Shared.Return(context);
        Assert.Equal(expectedRuns, runs);
    }

    [Fact]
    public void One_attempt_adds_no_strategy_and_fewer_is_refused()
    {
        Assert.Same(ResiliencePipeline.Empty, Bitrix24Resilience.Default(new Bitrix24RetryOptions { MaxAttempts = 1 }, TimeProvider.System));
        Assert.Same(ResiliencePipeline.Empty, Bitrix24Resilience.Default(null, TimeProvider.System));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResiliencePipelineBuilder().AddBitrix24Retry(new Bitrix24RetryOptions { MaxAttempts = 0 }));
    }
}
