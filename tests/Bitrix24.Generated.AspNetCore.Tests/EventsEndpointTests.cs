using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Crm;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Generated.AspNetCore.Tests;

/// <summary>The events endpoint: what it accepts, what it refuses and what the handlers get.</summary>
public class EventsEndpointTests
{
    private const string Path = "/bitrix24/events";

    private static Task<TestApp> StartAsync(Received received, Action<IServiceCollection>? more = null, Action<Bitrix24EventsOptions>? options = null) =>
        TestApp.StartAsync(
            services =>
            {
                services.AddBitrix24Applications(o => o.OAuth = new Bitrix24OAuthOptions { ClientId = "app", ClientSecret = "secret" });
                services.AddBitrix24Events(Bitrix24Events.Catalog, options);
                services.AddSingleton(received);
                services.AddBitrix24EventHandler<OnCalendarEntryAdd, RecordingCalendarHandler>();
                services.AddBitrix24EventHandler<OnCrmDealAdd>((e, provider, _) =>
                {
                    provider.GetRequiredService<Received>().Add(e);
                    return Task.CompletedTask;
                });
                more?.Invoke(services);
            },
            app => app.MapBitrix24Events(Path));

    [Fact]
    public async Task A_form_encoded_event_reaches_its_handler_class_typed()
    {
        var received = new Received();
        await using var app = await StartAsync(received);
        await app.Store.InstallAsync();

        var response = await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await received.NextAsync<OnCalendarEntryAdd>();
        Assert.Equal(1414, e.Data.Id);
        Assert.Equal("ONCALENDARENTRYADD", e.Event);
        Assert.Equal(3, e.EventHandlerId);
        Assert.Equal(Portals.MemberId, e.Auth?.MemberId);
        Assert.Equal("some-domain.bitrix24.com", e.Auth?.Domain);
    }

    [Fact]
    public async Task A_JSON_event_reaches_its_handler_delegate_typed()
    {
        var received = new Received();
        await using var app = await StartAsync(received);
        await app.Store.InstallAsync();

        var response = await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await received.NextAsync<OnCrmDealAdd>();
        Assert.Equal(6641, e.Data.Fields?.Id);
        Assert.Equal(Portals.MemberId, e.Auth?.MemberId);
    }

    [Fact]
    public async Task A_forged_application_token_is_refused_with_401_and_runs_nothing()
    {
        var received = new Received();
        await using var app = await StartAsync(received);
        await app.Store.InstallAsync();

        var response = await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm(applicationToken: "forged-token-of-the-same-length!")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHandledAsync(received);
    }

    [Fact]
    public async Task An_event_of_an_unknown_portal_is_refused_with_401()
    {
        var received = new Received();
        await using var app = await StartAsync(received);
        await app.Store.InstallAsync();

        var response = await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm(memberId: "another-member")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHandledAsync(received);
    }

    [Fact]
    public async Task An_event_of_a_portal_that_has_not_sent_its_application_token_yet_is_refused_with_401()
    {
        var received = new Received();
        await using var app = await StartAsync(received);
        await app.Store.InstallAsync(applicationToken: null);

        var response = await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_event_the_catalog_does_not_know_is_refused_with_400_naming_it()
    {
        await using var app = await StartAsync(new Received());
        await app.Store.InstallAsync();
        var fields = Portals.CalendarEntryAddForm();
        fields[0] = ("event", "ONSOMETHINGELSE");

        var response = await app.Client.PostAsync(Path, TestApp.Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ONSOMETHINGELSE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{not json")]
    [InlineData("application/json", "[{\"event\":\"ONCRMDEALADD\"}]")]
    [InlineData("application/json", "\"ONCRMDEALADD\"")]
    [InlineData("application/json", "{\"data\":{\"FIELDS\":{\"ID\":\"1\"}}}")]
    [InlineData("application/json", "{\"event\":{\"name\":\"ONCRMDEALADD\"}}")]
    [InlineData("application/json", "")]
    [InlineData("application/x-www-form-urlencoded", "data%5Bid%5D=1414")]
    [InlineData("application/x-www-form-urlencoded", "%%%")]
    [InlineData("text/plain", "event=ONCALENDARENTRYADD")]
    [InlineData("multipart/form-data", "event=ONCALENDARENTRYADD")]
    public async Task A_malformed_body_is_refused_with_400_not_500(string contentType, string body)
    {
        await using var app = await StartAsync(new Received());
        await app.Store.InstallAsync();
        using var content = new StringContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await app.Client.PostAsync(Path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_payload_that_is_not_its_event_class_is_refused_with_400()
    {
        var received = new Received();
        await using var app = await StartAsync(received);
        await app.Store.InstallAsync();

        var fields = Portals.CalendarEntryAddForm();
        fields[1] = ("event_handler_id", "three");

        var response = await app.Client.PostAsync(Path, TestApp.Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ONCALENDARENTRYADD", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingHandledAsync(received);
    }

    [Fact]
    public async Task A_known_event_without_a_handler_is_accepted()
    {
        await using var app = await StartAsync(new Received());
        await app.Store.InstallAsync();
        var uninstall = "{\"event\":\"ONAPPUNINSTALL\",\"data\":{\"CLEAN\":\"1\"},\"auth\":{\"member_id\":\"" + Portals.MemberId + "\",\"application_token\":\"" + Portals.ApplicationToken + "\"}}";

        var response = await app.Client.PostAsync(Path, TestApp.Json(uninstall));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(app.Logs.Contains("ONAPPUNINSTALL"));
    }

    [Fact]
    public async Task Only_POST_is_mapped()
    {
        await using var app = await StartAsync(new Received());

        var response = await app.Client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_the_events_after_it_are_still_handled()
    {
        var received = new Received();
        var calls = 0;
        await using var app = await StartAsync(received, services => services.AddBitrix24EventHandler<OnCalendarEntryAdd>((e, _, _) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("handler broke") : Task.CompletedTask));
        await app.Store.InstallAsync();

        await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm(id: "1")));
        await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm(id: "2")));

        // The recording handler runs beside the failing one, for both events.
        Assert.Equal(1, (await received.NextAsync<OnCalendarEntryAdd>()).Data.Id);
        Assert.Equal(2, (await received.NextAsync<OnCalendarEntryAdd>()).Data.Id);
        await WaitForAsync(() => Volatile.Read(ref calls) == 2);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("handler broke", StringComparison.Ordinal) && line.Contains(Portals.MemberId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_queue_answers_503()
    {
        var received = new Received();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(
            received,
            services => services.AddBitrix24EventHandler<OnCrmDealAdd>(async (_, _, _) =>
            {
                started.TrySetResult();
                await release.Task;
            }),
            options => options.QueueCapacity = 1);
        await app.Store.InstallAsync();

        // The first is taken by the worker, which blocks; the second waits in the queue; the third finds it full.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()))).StatusCode);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()))).StatusCode);
        var refused = await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        release.SetResult();
        await received.NextAsync<OnCrmDealAdd>();
        await received.NextAsync<OnCrmDealAdd>();
    }

    [Fact]
    public async Task More_than_one_worker_handles_events_in_parallel()
    {
        var received = new Received();

        // Each handler waits for the other: with one worker they would never meet.
        using var barrier = new Barrier(2);
        await using var app = await StartAsync(
            received,
            services => services.AddBitrix24EventHandler<OnCrmDealAdd>((e, _, _) =>
                Task.FromResult(barrier.SignalAndWait(TimeSpan.FromSeconds(10)) ? 0 : throw new TimeoutException("no second worker"))),
            options => options.MaxConcurrentHandlers = 2);
        await app.Store.InstallAsync();

        await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()));
        await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()));

        await received.NextAsync<OnCrmDealAdd>();
        await received.NextAsync<OnCrmDealAdd>();
        await WaitForAsync(() => barrier.CurrentPhaseNumber == 1);
        Assert.DoesNotContain("no second worker", app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_application_still_handles_what_was_queued()
    {
        var received = new Received();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = 0;
        var app = await StartAsync(received, services => services.AddBitrix24EventHandler<OnCalendarEntryAdd>(async (_, _, _) =>
        {
            await release.Task;
            Interlocked.Increment(ref handled);
        }));
        await using (app)
        {
            await app.Store.InstallAsync();
            for (var i = 1; i <= 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync(Path, TestApp.Form(Portals.CalendarEntryAddForm(id: i.ToString(System.Globalization.CultureInfo.InvariantCulture))))).StatusCode);
            }

            var stopping = app.StopAsync();
            release.SetResult();
            await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(3, handled);
    }

    [Fact]
    public async Task No_token_of_any_post_reaches_the_logs()
    {
        var received = new Received();
        await using var app = await StartAsync(received, services => services.AddBitrix24EventHandler<OnCrmDealAdd>((e, _, _) =>
            throw new InvalidOperationException("failed on " + e.Auth)));
        await app.Store.InstallAsync();

        await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson()));
        await app.Client.PostAsync(Path, TestApp.Json(Portals.DealAddJson(applicationToken: "forged-application-token")));
        var unreadable = Portals.CalendarEntryAddForm();
        unreadable[3] = ("ts", "yesterday");
        await app.Client.PostAsync(Path, TestApp.Form(unreadable));
        var unknown = Portals.CalendarEntryAddForm();
        unknown[0] = ("event", "ONUNKNOWN");
        await app.Client.PostAsync(Path, TestApp.Form(unknown));
        await received.NextAsync<OnCrmDealAdd>();
        await WaitForAsync(() => app.Logs.Contains("failed on"));

        Assert.True(app.Logs.Contains("does not match portal " + Portals.MemberId), "the refusals are logged: " + app.Logs.All);
        Assert.True(app.Logs.Contains("ONUNKNOWN"), "the refusals are logged: " + app.Logs.All);
        foreach (var secret in new[] { Portals.AccessToken, Portals.RefreshToken, Portals.ApplicationToken, "forged-application-token" })
        {
            Assert.False(app.Logs.All.Contains(secret, StringComparison.Ordinal), "a token was logged");
        }
    }

    [Fact]
    public async Task Mapping_without_the_registrations_says_which_is_missing()
    {
        var withoutEvents = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(
            services => services.AddBitrix24Applications(o => o.OAuth = new Bitrix24OAuthOptions { ClientId = "app", ClientSecret = "secret" }),
            app => app.MapBitrix24Events(Path)));
        var withoutApplications = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(
            services => services.AddBitrix24Events(Bitrix24Events.Catalog),
            app => app.MapBitrix24Events(Path)));

        Assert.Contains("AddBitrix24Events", withoutEvents.Message, StringComparison.Ordinal);
        Assert.Contains("AddBitrix24Applications", withoutApplications.Message, StringComparison.Ordinal);
    }

    private static async Task AssertNothingHandledAsync(Received received)
    {
        await Task.Delay(100);
        Assert.False(received.TryTake(out _));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
