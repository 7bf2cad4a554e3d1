using System;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Bitrix24.Generated.Client.Tests;

/// <summary>
/// Retries as a Polly pipeline: the Bitrix24 rules compose with other strategies, report through Polly's telemetry,
/// come from the DI registry, and a pipeline of the user's own cannot make a write run twice.
/// </summary>
public sealed class ResiliencePipelineTests
{
    private const string QueryLimit = """{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""";

    private static readonly Bitrix24RetryOptions Fast = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task The_bitrix24_retries_report_through_pollys_standard_metrics()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError));
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.BadGatewayHtml));
        var name = "bitrix24-test-" + Guid.NewGuid().ToString("N");
        var retries = new ConcurrentQueue<string>();
        using var listener = ListenToPolly(name, retries);
        var pipeline = new ResiliencePipelineBuilder { Name = name }
            .AddBitrix24Retry(Fast)
            .ConfigureTelemetry(NullLoggerFactory.Instance)
            .Build();
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = null, Resilience = pipeline });

        var settings = await test.Client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.Equal(3, portal.Requests.Count);
        Assert.Equal(2, retries.Count(name => name == "OnRetry"));
    }

    [Fact]
    public async Task A_pipeline_that_retries_every_failure_still_sends_a_write_that_may_have_run_once()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.Methods.Add("calendar.thing.add", _ => System.Text.Json.Nodes.JsonValue.Create(7));
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.DropAnswerAfterRunning, Method: "calendar.thing.add"));
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = null, Resilience = RetryEverything(attempts: 4) });

        var exception = await Assert.ThrowsAsync<Bitrix24TransportException>(() => test.Client.Connection.CallAsync("calendar.thing.add", Bitrix24JsonContext.Default.Int32, CancellationToken.None));

        Assert.True(exception.OutcomeUnknown);
        Assert.Single(portal.Requests);
    }

    [Fact]
    public async Task A_pipeline_that_retries_every_failure_still_retries_a_refused_write()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.Methods.Add("calendar.thing.add", _ => System.Text.Json.Nodes.JsonValue.Create(7));
        portal.AnswerNext("calendar.thing.add", 503, QueryLimit);
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = null, Resilience = RetryEverything(attempts: 4) });

        var response = await test.Client.Connection.CallAsync("calendar.thing.add", Bitrix24JsonContext.Default.Int32, CancellationToken.None);

        Assert.Equal(7, response.Value);
        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task A_timeout_of_the_pipeline_does_not_make_a_write_run_twice_but_a_read_is_tried_again()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.Methods.Add("calendar.thing.add", _ => System.Text.Json.Nodes.JsonValue.Create(7));
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<Exception>(), MaxRetryAttempts = 3, Delay = TimeSpan.Zero })
            .AddTimeout(TimeSpan.FromMilliseconds(300))
            .Build();
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = null, Resilience = pipeline });

        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.Delay, TimeSpan.FromSeconds(3), Method: "calendar.thing.add"));
        var write = await Assert.ThrowsAsync<Bitrix24TransportException>(() => test.Client.Connection.CallAsync("calendar.thing.add", Bitrix24JsonContext.Default.Int32, CancellationToken.None));
        Assert.True(write.OutcomeUnknown);
        Assert.Single(portal.Requests);

        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.Delay, TimeSpan.FromSeconds(3), Method: "calendar.settings.get"));
        var settings = await test.Client.Calendar.Settings.GetAsync();
        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.Equal(2, portal.Requests.Count(request => request.Method == "calendar.settings.get"));
    }

    [Fact]
    public async Task A_cancelled_call_is_not_retried()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.Delay, TimeSpan.FromSeconds(5)));
        var retries = 0;
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.Zero,
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref retries);
                    return default;
                },
            })
            .Build();
        using var test = new TestClient(portal, new Bitrix24ConnectionOptions { RateLimiter = null, Resilience = pipeline });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test.Client.Calendar.Settings.GetAsync(cancel.Token));

        Assert.Equal(0, retries);
    }

    [Fact]
    public async Task Connections_made_by_dependency_injection_run_in_the_pipeline_registered_for_bitrix24()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError));
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError));
        var services = new ServiceCollection();
        services.AddResiliencePipeline(Bitrix24Resilience.PipelineName, pipeline => pipeline.AddBitrix24Retry(new Bitrix24RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5) }));
        services.AddBitrix24Client(o => o.WebhookUrl = portal.WebhookUrl.ToString());
        await using var provider = services.BuildServiceProvider();

        var registered = provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(Bitrix24Resilience.PipelineName);
        Assert.Same(registered, provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value.Connection.Resilience);

        // Two tries in all, as registered, where the default rules would try four times.
        var exception = await Assert.ThrowsAsync<Bitrix24ApiException>(() => provider.GetRequiredService<Bitrix24Client>().Calendar.Settings.GetAsync());
        Assert.Equal(Bitrix24ErrorCode.InternalServerError, exception.Code);
        Assert.Equal(2, portal.Requests.Count);
    }

    [Fact]
    public async Task The_portals_of_an_application_share_the_registered_pipeline()
    {
        var services = new ServiceCollection();
        services.AddResiliencePipeline(Bitrix24Resilience.PipelineName, pipeline => pipeline.AddBitrix24Retry());
        services.AddBitrix24Applications(o =>
        {
            o.OAuth.ClientId = "app";
            o.OAuth.ClientSecret = "secret";
        });
        await using var provider = services.BuildServiceProvider();

        Assert.Same(
            provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(Bitrix24Resilience.PipelineName),
            provider.GetRequiredService<IOptions<Bitrix24ApplicationOptions>>().Value.Connection.Resilience);
    }

    private static ResiliencePipeline RetryEverything(int attempts) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<Exception>(), MaxRetryAttempts = attempts - 1, Delay = TimeSpan.Zero })
        .Build();

    /// <summary>Collects the event names Polly's meter reports for the pipeline named <paramref name="pipeline"/>.</summary>
    private static MeterListener ListenToPolly(string pipeline, ConcurrentQueue<string> events)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Polly" && instrument.Name == "resilience.polly.strategy.events")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, _, tags, _) =>
        {
            string? name = null, eventName = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "pipeline.name")
                {
                    name = tag.Value as string;
                }
                else if (tag.Key == "event.name")
                {
                    eventName = tag.Value as string;
                }
            }

            if (name == pipeline && eventName is not null)
            {
                events.Enqueue(eventName);
            }
        });
        listener.Start();
        return listener;
    }
}
