using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bitrix24.Generated.Calendar;
using Refit;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// One REST call end to end, minus the network: the generated client against what a careful developer writes
/// by hand (HttpClient and source-generated System.Text.Json, the baseline of each group) and against Refit
/// with the same POCOs. All three send through one canned handler that answers with the specs' documented
/// responses, so the figures are the clients' own cost: building the request, serializing, reading the envelope.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class CallBenchmarks
{
    private const string Webhook = "https://portal.example/rest/1/secret/";
    private static readonly Uri GetUri = new(Webhook + "calendar.user.settings.get");
    private static readonly Uri SetUri = new(Webhook + "calendar.user.settings.set");

    private CannedPortal _portal = null!;
    private HttpClient _http = null!;
    private HttpClient _refitHttp = null!;
    private Bitrix24Client _client = null!;
    private ICalendarUserSettings _refit = null!;
    private WireSetRequest _wireSettings = null!;
    private CalendarUserSettings _typedSettings = null!;

    /// <summary>
    /// How the handler completes: at once (<see cref="Task.FromResult{TResult}(TResult)"/>, what a fast local
    /// answer looks like) or after yielding, so that every await on the way really suspends as on a network.
    /// </summary>
    [Params(Completion.Synchronous, Completion.Asynchronous)]
    public Completion Completion { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _portal = new CannedPortal(Completion == Completion.Asynchronous);
        _http = new HttpClient(_portal, disposeHandler: false);
        _refitHttp = new HttpClient(_portal, disposeHandler: false) { BaseAddress = new Uri(Webhook) };

        // The default rate limiter admits 50 calls and then 2 a second, as a portal does: a benchmark would
        // measure its waits, not the client. Retries stay at their default; they cost nothing on a success.
        var options = new Bitrix24ConnectionOptions { RateLimiter = null };
        _client = new Bitrix24Client(new Bitrix24Connection(_http, Bitrix24Webhook.Parse(Webhook), options));

        _refit = RestService.ForGenerated<ICalendarUserSettings>(
            _refitHttp,
            new RefitSettings(new SystemTextJsonContentSerializer(WireJsonContext.Default.Options)));

        _wireSettings = new WireSetRequest { Settings = DocumentedWireSettings() };
        _typedSettings = DocumentedTypedSettings();
        CheckAllAgree();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        _refitHttp.Dispose();
        _portal.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Get")]
    public async Task<WireSettings> HandWrittenGet()
    {
        using var response = await _http.PostAsync(GetUri, content: null, CancellationToken.None).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException("calendar.user.settings.get answered " + (int)response.StatusCode, null, response.StatusCode);
        }

        var envelope = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.WireEnvelopeWireSettings, CancellationToken.None).ConfigureAwait(false);
        return envelope?.Result ?? throw new InvalidOperationException("calendar.user.settings.get answered without a result.");
    }

    [Benchmark]
    [BenchmarkCategory("Get")]
    public async Task<CalendarUserSettingsInfo> GeneratedGet() =>
        (await _client.Calendar.User.Settings.GetAsync(CancellationToken.None).ConfigureAwait(false)).Value;

    [Benchmark]
    [BenchmarkCategory("Get")]
    public async Task<WireSettings> RefitGet()
    {
        var envelope = await _refit.GetAsync(CancellationToken.None).ConfigureAwait(false);
        return envelope.Result ?? throw new InvalidOperationException("calendar.user.settings.get answered without a result.");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Set")]
    public async Task<bool> HandWrittenSet()
    {
        using var content = JsonContent.Create(_wireSettings, WireJsonContext.Default.WireSetRequest);
        using var response = await _http.PostAsync(SetUri, content, CancellationToken.None).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException("calendar.user.settings.set answered " + (int)response.StatusCode, null, response.StatusCode);
        }

        var envelope = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.WireEnvelopeBoolean, CancellationToken.None).ConfigureAwait(false);
        return envelope?.Result ?? throw new InvalidOperationException("calendar.user.settings.set answered without a result.");
    }

    [Benchmark]
    [BenchmarkCategory("Set")]
    public async Task<bool> GeneratedSet() =>
        (await _client.Calendar.User.Settings.SetAsync(_typedSettings, CancellationToken.None).ConfigureAwait(false)).Value;

    [Benchmark]
    [BenchmarkCategory("Set")]
    public async Task<bool> RefitSet() =>
        (await _refit.SetAsync(_wireSettings, CancellationToken.None).ConfigureAwait(false)).Result;

    // A client wired wrongly would be measured failing fast; make sure all three read and write the same thing.
    private void CheckAllAgree()
    {
        var handWritten = HandWrittenGet().GetAwaiter().GetResult();
        var generated = GeneratedGet().GetAwaiter().GetResult();
        var refit = RefitGet().GetAwaiter().GetResult();
        if (handWritten.TimezoneName != "Europe/Berlin" || refit.TimezoneName != handWritten.TimezoneName ||
            generated.TimezoneName != handWritten.TimezoneName || generated.View != CalendarView.Month ||
            generated.DefaultSections?[CalendarOwner.Group(6)] != 49 || refit.DefaultSections?["group6"] != "49")
        {
            throw new InvalidOperationException("The three clients do not read the same settings.");
        }

        var before = _portal.Bodies.Count;
        if (!HandWrittenSet().GetAwaiter().GetResult() || !GeneratedSet().GetAwaiter().GetResult() || !RefitSet().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("calendar.user.settings.set did not answer true.");
        }

        // Each set sends the documented request: the same JSON object, whatever the order of its properties.
        var sent = _portal.Bodies.GetRange(before, 3);
        var expected = JsonNode.Parse(CannedPortal.SetRequest);
        foreach (var body in sent)
        {
            if (!JsonNode.DeepEquals(JsonNode.Parse(body), expected))
            {
                throw new InvalidOperationException("A client sent other settings than the documented request:\n" + body);
            }
        }

        _portal.Bodies.Clear();
        _portal.KeepBodies = false;
    }

    private static WireSettings DocumentedWireSettings() => new()
    {
        View = "month",
        MeetSection = "4",
        CrmSection = "4",
        ShowDeclined = true,
        DenyBusyInvitation = false,
        CollapseOffHours = "N",
        ShowWeekNumbers = "N",
        ShowTasks = "Y",
        SyncTasks = "N",
        ShowCompletedTasks = "N",
        LastUsedSection = "false",
        SendFromEmail = "",
        DefaultSections = new Dictionary<string, string> { ["user1"] = "4", ["group6"] = "49" },
        SyncPeriodPast = "3",
        SyncPeriodFuture = "12",
        DefaultReminders = new WireReminders
        {
            FullDay = new List<WireReminder> { new() { Type = "min", Count = 15 } },
            WithTime = new List<WireReminder> { new() { Type = "min", Count = 50 } },
        },
    };

    private static CalendarUserSettings DocumentedTypedSettings() => new()
    {
        View = CalendarView.Month,
        MeetSection = 4,
        CrmSection = 4,
        ShowDeclined = true,
        DenyBusyInvitation = false,
        CollapseOffHours = false,
        ShowWeekNumbers = false,
        ShowTasks = true,
        SyncTasks = false,
        ShowCompletedTasks = false,
        LastUsedSection = "false",
        SendFromEmail = "",
        DefaultSections = new Dictionary<CalendarOwner, int> { [CalendarOwner.User(1)] = 4, [CalendarOwner.Group(6)] = 49 },
        SyncPeriodPast = 3,
        SyncPeriodFuture = 12,
        DefaultReminders = new CalendarDefaultReminders
        {
            FullDay = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Minutes, Count = 15 } },
            WithTime = new List<CalendarReminder> { new() { Unit = CalendarReminderUnit.Minutes, Count = 50 } },
        },
    };
}

/// <summary>How the canned handler completes its task.</summary>
public enum Completion
{
    /// <summary>An already completed task.</summary>
    Synchronous,

    /// <summary>A task that completes after a <see cref="Task.Yield"/>.</summary>
    Asynchronous,
}

/// <summary>
/// A portal in a handler: answers <c>calendar.user.settings.get</c> and <c>.set</c> with their documented
/// responses, a fresh response over cached bytes each time so that every client pays for the same message.
/// </summary>
internal sealed class CannedPortal : HttpMessageHandler
{
    private readonly bool _yield;
    private readonly byte[] _getAnswer = WithOperatingTime(Repository.ExampleResponse("calendar.user.settings.get", "Read settings"));
    private readonly byte[] _setAnswer = WithOperatingTime(Repository.ExampleResponse("calendar.user.settings.set", "Save settings"));

    public CannedPortal(bool yieldFirst) => _yield = yieldFirst;

    /// <summary>The documented request of <c>calendar.user.settings.set</c>.</summary>
    public static string SetRequest => """{"settings":{"view":"month","meetSection":"4","crmSection":"4","showDeclined":true,"denyBusyInvitation":false,"collapseOffHours":"N","showWeekNumbers":"N","showTasks":"Y","syncTasks":"N","showCompletedTasks":"N","lastUsedSection":"false","sendFromEmail":"","defaultSections":{"user1":"4","group6":"49"},"syncPeriodPast":"3","syncPeriodFuture":"12","defaultReminders":{"fullDay":[{"type":"min","count":15}],"withTime":[{"type":"min","count":50}]}}}""";

    /// <summary>Whether request bodies are kept, for the check before measuring.</summary>
    public bool KeepBodies { get; set; } = true;

    /// <summary>The request bodies kept so far.</summary>
    public List<string> Bodies { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_yield)
        {
            return AnswerLaterAsync(request, cancellationToken);
        }

        // Writing to memory completes at once for every content here, including Refit's push-stream body,
        // which has no synchronous copy; should it ever not, the answer simply waits for it.
        var received = ReceiveAsync(request, cancellationToken);
        return received.IsCompletedSuccessfully ? Task.FromResult(Answer(request)) : AnswerAfterAsync(received, request);
    }

    private async Task<HttpResponseMessage> AnswerLaterAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await ReceiveAsync(request, cancellationToken).ConfigureAwait(false);
        return Answer(request);
    }

    private async Task<HttpResponseMessage> AnswerAfterAsync(Task received, HttpRequestMessage request)
    {
        await received.ConfigureAwait(false);
        return Answer(request);
    }

    // A body is written out as a socket would take it: content such as JsonContent serializes only then.
    private Task ReceiveAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not { } content)
        {
            return Task.CompletedTask;
        }

        if (!KeepBodies)
        {
            return content.CopyToAsync(Stream.Null, cancellationToken);
        }

        var buffer = new MemoryStream();
        content.CopyToAsync(buffer, cancellationToken).GetAwaiter().GetResult();
        Bodies.Add(Encoding.UTF8.GetString(buffer.ToArray()));
        return Task.CompletedTask;
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        var answer = path.EndsWith("/calendar.user.settings.get", StringComparison.Ordinal) ? _getAnswer
            : path.EndsWith("/calendar.user.settings.set", StringComparison.Ordinal) ? _setAnswer
            : null;
        if (request.Method != HttpMethod.Post || answer is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var body = new ByteArrayContent(answer);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
    }

    // The documented time blocks predate the operating-time fields that cloud portals now add to every answer.
    private static byte[] WithOperatingTime(string response)
    {
        var envelope = JsonNode.Parse(response)!.AsObject();
        var time = envelope["time"]!.AsObject();
        time["operating_reset_at"] = (long)time["start"]!.GetValue<double>() + 600;
        time["operating"] = 0;
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}

/// <summary>The two methods as a Refit interface, over the same wire POCOs as the hand-written calls.</summary>
public interface ICalendarUserSettings
{
    /// <summary>Reads the current user's calendar settings.</summary>
    [Post("/calendar.user.settings.get")]
    Task<WireEnvelope<WireSettings>> GetAsync(CancellationToken cancellationToken);

    /// <summary>Saves the current user's calendar settings.</summary>
    [Post("/calendar.user.settings.set")]
    Task<WireEnvelope<bool>> SetAsync([Body] WireSetRequest request, CancellationToken cancellationToken);
}

/// <summary>The envelope of a successful answer.</summary>
/// <typeparam name="T">The type of <c>result</c>.</typeparam>
public sealed class WireEnvelope<T>
{
    [JsonPropertyName("result")] public T? Result { get; set; }
    [JsonPropertyName("time")] public WireTime? Time { get; set; }
}

/// <summary>The <c>time</c> block as the wire has it.</summary>
public sealed class WireTime
{
    [JsonPropertyName("start")] public double Start { get; set; }
    [JsonPropertyName("finish")] public double Finish { get; set; }
    [JsonPropertyName("duration")] public double Duration { get; set; }
    [JsonPropertyName("processing")] public double Processing { get; set; }
    [JsonPropertyName("date_start")] public string? DateStart { get; set; }
    [JsonPropertyName("date_finish")] public string? DateFinish { get; set; }
    [JsonPropertyName("operating_reset_at")] public long? OperatingResetAt { get; set; }
    [JsonPropertyName("operating")] public double? Operating { get; set; }
}

/// <summary>The parameters of <c>calendar.user.settings.set</c>.</summary>
public sealed class WireSetRequest
{
    [JsonPropertyName("settings")] public WireSettings? Settings { get; set; }
}

/// <summary>
/// Source-generated metadata for the wire POCOs. Unset fields are left out, as the generated client leaves
/// them out, so both send the same request.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireEnvelope<WireSettings>))]
[JsonSerializable(typeof(WireEnvelope<bool>))]
[JsonSerializable(typeof(WireSetRequest))]
[JsonSerializable(typeof(WireSettings))]
public sealed partial class WireJsonContext : JsonSerializerContext
{
}
