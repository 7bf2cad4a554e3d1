using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// The client's limiter against the emulator's bucket, over real HTTP on 127.0.0.1, with one clock running
/// <see cref="Scale"/> times faster than real time for both. The baseline waits the ideal on that clock (the
/// burst at once, the rest at the drain rate), so the ratio reads "calls against the ideal". Each iteration
/// starts from an idle portal; every request the portal refused is counted in the Refused column.
/// </summary>
/// <remarks>
/// The clock multiplies every real delay too: a burst's first call that takes 2 ms to reach the portal's count
/// (a busy thread pool, a collection, another process) arrives 100 ms late on this clock, which is the whole
/// default margin. Refusals here are such moments; the tests on a fake clock show the margin's reach exactly.
/// </remarks>
[Config(typeof(Config))]
[InvocationCount(1)]
public class LimiterBenchmarks
{
    /// <summary>50 times real time: 150 calls at 50 and 2 a second take a second instead of 50.</summary>
    private const int Scale = 50;

    private ScaledClock _clock = null!;
    private Bitrix24Emulator _portal = null!;
    private HttpClient _http = null!;
    private Bitrix24Connection _connection = null!;
    private Bitrix24Client _client = null!;
    private int _requestsBefore;
    private long _calls;
    private long _refused;

    /// <summary>The plans: Standard sends 150 calls at 50 and 2 a second, Enterprise 400 at 250 and 5.</summary>
    public enum PortalPlan
    {
        /// <summary>50 at once, 2 a second, 150 calls: 50 s ideal.</summary>
        Standard,

        /// <summary>250 at once, 5 a second, 400 calls: 30 s ideal.</summary>
        Enterprise,
    }

    [Params(PortalPlan.Standard, PortalPlan.Enterprise)]
    public PortalPlan Plan { get; set; }

    /// <summary>The limiter's safety margin; 0 is the bucket's exact edge, as before the margin.</summary>
    [Params(0, 100)]
    public int MarginMs { get; set; }

    private int Burst => Plan == PortalPlan.Enterprise ? 250 : 50;

    private double Drain => Plan == PortalPlan.Enterprise ? 5 : 2;

    private int CallCount => Plan == PortalPlan.Enterprise ? 400 : 150;

    private TimeSpan Ideal => TimeSpan.FromSeconds((CallCount - Burst) / Drain);

    [GlobalSetup]
    public async Task StartPortal()
    {
        _clock = new ScaledClock(Scale);
        _portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions
        {
            TimeProvider = _clock,
            RateLimit = new Bitrix24RateLimit(Burst, Drain),
            OperatingLimit = null,
        });
        _http = Bitrix24Connection.CreateHttpClient();
        var options = new Bitrix24ConnectionOptions
        {
            RateLimiter = new Bitrix24RateLimiter(Burst, Drain, _clock) { SafetyMargin = TimeSpan.FromMilliseconds(MarginMs) },
            TimeProvider = _clock,
        };
        _connection = new Bitrix24Connection(_http, Bitrix24Webhook.Parse(_portal.WebhookUrl.ToString()), options);
        _client = new Bitrix24Client(_connection);

        // One round first, so that compiling the code paths and opening connections is not counted as refusals.
        await Calls();
    }

    [IterationSetup]
    public void LetThePortalIdle()
    {
        // Long enough for both buckets to drain completely: each iteration starts as a fresh burst.
        _clock.Skip(TimeSpan.FromMinutes(2));
        _requestsBefore = _portal.Requests.Count;
    }

    [Benchmark(Baseline = true, Description = "ideal")]
    public Task WaitTheIdeal() => Task.Delay(Ideal, _clock);

    [Benchmark(Description = "calls")]
    public async Task Calls()
    {
        var calls = new Task[CallCount];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _client.Calendar.Settings.GetAsync();
        }

        await Task.WhenAll(calls);
    }

    [IterationCleanup(Target = nameof(Calls))]
    public void CountRefusals()
    {
        // Every request beyond one a call is a retry after QUERY_LIMIT_EXCEEDED: nothing else fails here.
        _calls += CallCount;
        _refused += _portal.Requests.Count - _requestsBefore - CallCount;
    }

    [GlobalCleanup]
    public async Task StopPortal()
    {
        if (_calls > 0)
        {
            Console.WriteLine(RefusedColumn.Report(_refused, _calls));
        }

        _client.Dispose();
        _http.Dispose();
        await _portal.DisposeAsync();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new OverIdealColumn(), new RefusedColumn());
    }
}

/// <summary>How many requests the portal refused, over all iterations of a case, warm-up included.</summary>
internal sealed partial class RefusedColumn : IColumn
{
    public string Id => nameof(RefusedColumn);

    public string ColumnName => "Refused";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Requests the portal answered QUERY_LIMIT_EXCEEDED, of all calls in the case's iterations (warm-up iterations included)";

    // The benchmark runs in a process of its own; its count comes back in its output.
    public static string Report(long refused, long calls) => $"// Limiter: refused {refused} of {calls} calls";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var lines = summary[benchmarkCase]?.ExecuteResults.SelectMany(result => result.StandardOutput) ?? [];
        var found = lines.Select(line => ReportLine().Match(line)).LastOrDefault(match => match.Success);
        return found is null ? "-" : found.Groups["refused"].Value + " of " + found.Groups["calls"].Value;
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    [GeneratedRegex(@"^// Limiter: refused (?<refused>\d+) of (?<calls>\d+) calls$")]
    private static partial Regex ReportLine();
}

/// <summary>How much longer than the ideal, in percent to two places: the Ratio column rounds away the half percent that matters.</summary>
internal sealed class OverIdealColumn : IColumn
{
    public string Id => nameof(OverIdealColumn);

    public string ColumnName => "Over ideal";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => -1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean against the baseline's mean with the same parameters, as a percentage over it";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var baseline = summary.BenchmarksCases.FirstOrDefault(other =>
            other.Descriptor.Baseline && other.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var ideal = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        return mean is { } m && ideal is { } i && !benchmarkCase.Descriptor.Baseline
            ? ((m / i) - 1).ToString("+0.00 %;-0.00 %", System.Globalization.CultureInfo.InvariantCulture)
            : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
