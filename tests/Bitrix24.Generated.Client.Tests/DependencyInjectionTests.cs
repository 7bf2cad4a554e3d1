using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.Client.Tests;

/// <summary><c>services.AddBitrix24Client(...)</c>: IHttpClientFactory, options, logging without secrets, telemetry.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task The_client_resolves_and_calls_through_the_factory_client_and_its_handlers()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddBitrix24Client(o => o.WebhookUrl = portal.WebhookUrl.ToString())
            .AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<Bitrix24Client>();
        var settings = await client.Calendar.Settings.GetAsync();

        Assert.Equal(CalendarWeekday.Monday, settings.Value.WeekStart);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Logs_tell_about_retries_and_never_hold_the_secret()
    {
        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { WebhookSecret = "logsecret99" });
        portal.InjectFault(new Bitrix24Fault(Bitrix24FaultKind.InternalServerError));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddBitrix24Client(o =>
        {
            o.WebhookUrl = portal.WebhookUrl.ToString();
            o.Connection.Retry = new Bitrix24RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5) };
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<Bitrix24Client>().Calendar.Settings.GetAsync();

        Assert.Contains(logs.Messages, m => m.Contains("calendar.settings.get failed", StringComparison.Ordinal) && m.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("answered HTTP 200", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.StartsWith("HTTP " + portal.BaseAddress.Authority + " calendar.settings.get answered 500", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("logsecret99", StringComparison.Ordinal));
        Assert.DoesNotContain("logsecret99", provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oauth_clients_from_the_container_renew_the_shared_tokens_once()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var issued = portal.IssueTokens();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IBitrix24TokenStore>(new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, portal.RestUrl)));
        services.AddBitrix24Client(o => o.OAuth = new Bitrix24OAuthOptions { ClientId = portal.OAuthClientId, ClientSecret = portal.OAuthClientSecret, TokenEndpoint = portal.OAuthTokenUrl });
        await using var provider = services.BuildServiceProvider();

        portal.ExpireAccessTokens();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => provider.GetRequiredService<Bitrix24Client>().Calendar.Settings.GetAsync()));

        Assert.Equal(1, portal.TokenRefreshCount);
        Assert.Contains(logs.Messages, m => m.Contains("renewing it", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(issued.AccessToken, StringComparison.Ordinal) || m.Contains(issued.RefreshToken, StringComparison.Ordinal) || m.Contains(portal.OAuthClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_without_a_webhook_or_application_are_refused_at_resolution()
    {
        var services = new ServiceCollection();
        services.AddBitrix24Client(_ => { });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Bitrix24Client>());

        Assert.Contains("exactly one of WebhookUrl and OAuth", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_are_traced_and_counted()
    {
        await using var portal = await Bitrix24Emulator.StartAsync();
        var activities = new ConcurrentBag<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Bitrix24Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        var counted = new ConcurrentBag<string>();
        using var meterListener = new MeterListener { InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == Bitrix24Telemetry.Name) { listener.EnableMeasurementEvents(instrument); } } };
        meterListener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => counted.Add(instrument.Name + ":" + string.Join(",", tags.ToArray().Select(t => t.Key + "=" + t.Value))));
        meterListener.Start();
        using var client = Bitrix24Client.FromWebhook(portal.WebhookUrl.ToString());

        await client.Calendar.Settings.GetAsync();

        Assert.Contains(activities, a => a.DisplayName == "Bitrix24 calendar.settings.get" && (string?)a.GetTagItem("bitrix24.method") == "calendar.settings.get");
        Assert.Contains("bitrix24.client.calls:bitrix24.method=calendar.settings.get,outcome=success", counted);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
