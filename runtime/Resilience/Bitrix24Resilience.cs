using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Bitrix24.Generated.Transport;
using Polly;
using Polly.Retry;

namespace Bitrix24.Generated;

/// <summary>
/// Bitrix24's retry rules as a Polly strategy, so that retries compose with other strategies, report through Polly's
/// telemetry and can be replaced (<see cref="Bitrix24ConnectionOptions.Resilience"/>).
/// </summary>
/// <example>
/// A pipeline with the rules and a circuit breaker around them, registered for the connections DI makes:
/// <code>
/// services.AddResiliencePipeline(Bitrix24Resilience.PipelineName, pipeline => pipeline
///     .AddCircuitBreaker(new CircuitBreakerStrategyOptions())
///     .AddBitrix24Retry(new Bitrix24RetryOptions { MaxAttempts = 6 }));
/// </code>
/// </example>
public static class Bitrix24Resilience
{
    /// <summary>
    /// The name under which connections made by dependency injection look for a pipeline in the registered
    /// <c>ResiliencePipelineProvider&lt;string&gt;</c> when <see cref="Bitrix24ConnectionOptions.Resilience"/> is not set.
    /// </summary>
    public const string PipelineName = "Bitrix24";

    /// <summary>Where each call's <see cref="Bitrix24CallContext"/> is in the <see cref="ResilienceContext"/> the connection runs the pipeline with.</summary>
    public static ResiliencePropertyKey<Bitrix24CallContext> Call { get; } = new("Bitrix24.Call");

    /// <summary>
    /// Adds Bitrix24's retries: a call the portal refused without running it (<c>QUERY_LIMIT_EXCEEDED</c>,
    /// <c>OPERATION_TIME_LIMIT</c>, a connection that never opened) is tried again; one that may have run (a server
    /// error, a lost answer) only when it is repeatable (<see cref="Bitrix24CallContext.IsRepeatable"/>). Waits
    /// double from <see cref="Bitrix24RetryOptions.BaseDelay"/> with a fifth of jitter, and a method refused for its
    /// operating time waits for the reset its last answer announced, unless that is beyond
    /// <see cref="Bitrix24RetryOptions.MaxDelay"/>. Does nothing for other exceptions, or a pipeline run without a
    /// Bitrix24 call in its context.
    /// </summary>
    /// <param name="builder">The pipeline's builder.</param>
    /// <param name="options">How often and how long; the defaults when null.</param>
    /// <returns>The builder.</returns>
    public static ResiliencePipelineBuilder AddBitrix24Retry(this ResiliencePipelineBuilder builder, Bitrix24RetryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new Bitrix24RetryOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        if (options.MaxAttempts == 1)
        {
            return builder;
        }

        // A copy: the pipeline keeps the rules it was built with.
        var rules = new Bitrix24RetryOptions { MaxAttempts = options.MaxAttempts, BaseDelay = options.BaseDelay, MaxDelay = options.MaxDelay };
        return builder.AddRetry(new RetryStrategyOptions
        {
            Name = "Bitrix24Retry",
            MaxRetryAttempts = rules.MaxAttempts - 1,
            ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context, rules)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(Delay(args.Outcome.Exception, args.Context, rules, args.AttemptNumber + 1)),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is Bitrix24Exception failure && args.Context.Properties.TryGetValue(Call, out var call))
                {
                    ConnectionLog.CallRetrying(call.Logger, call.Method.Name, failure, args.RetryDelay, args.AttemptNumber + 1, rules.MaxAttempts);
                    call.Activity?.AddEvent(new ActivityEvent("retry"));
                }

                return default;
            },
        });
    }

    /// <summary>The pipeline a connection runs its calls in when none is set: the retries of <paramref name="retry"/>, or none.</summary>
    internal static ResiliencePipeline Default(Bitrix24RetryOptions? retry, TimeProvider time) => retry is null || retry.MaxAttempts <= 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = time }.AddBitrix24Retry(retry).Build();

    private static bool ShouldRetry(Exception? failure, ResilienceContext context, Bitrix24RetryOptions rules) =>
        failure is Bitrix24Exception exception &&
        context.Properties.TryGetValue(Call, out var call) &&
        RetryPolicy.MayRetry(exception, call.IsRepeatable) &&
        OperatingWait(exception, call.Time) <= rules.MaxDelay;

    private static TimeSpan? Delay(Exception? failure, ResilienceContext context, Bitrix24RetryOptions rules, int retry)
    {
        var delay = RetryPolicy.Delay(rules, retry);
        if (failure is Bitrix24Exception exception && context.Properties.TryGetValue(Call, out var call))
        {
            var operating = OperatingWait(exception, call.Time);
            return operating > delay ? operating : delay;
        }

        return delay;
    }

    /// <summary>
    /// How long a method refused for its operating-time limit has to wait: until the reset its last answer announced.
    /// Zero for other failures, or when no reset is known.
    /// </summary>
    private static TimeSpan OperatingWait(Bitrix24Exception exception, TimeProvider time) =>
        exception is Bitrix24ApiException { Code: Bitrix24ErrorCode.OperationTimeLimit } refused ? Pacing.Until(refused.OperatingResetAt, time) : TimeSpan.Zero;
}
