using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Bitrix24.Generated.Calendar;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// What running each call in the Polly retry pipeline costs on a call that succeeds: the generated client with
/// retries off (the baseline, no strategy) against the default pipeline that <c>AddBitrix24Retry</c> builds, over
/// the canned portal of <see cref="CallBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class ResilienceBenchmarks
{
    private const string Webhook = "https://portal.example/rest/1/secret/";

    private CannedPortal _portal = null!;
    private HttpClient _http = null!;
    private Bitrix24Client _withoutRetries = null!;
    private Bitrix24Client _withRetries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _portal = new CannedPortal(yieldFirst: false);
        _http = new HttpClient(_portal, disposeHandler: false);
        _withoutRetries = new Bitrix24Client(new Bitrix24Connection(_http, Bitrix24Webhook.Parse(Webhook), new Bitrix24ConnectionOptions { RateLimiter = null, Retry = null }));
        _withRetries = new Bitrix24Client(new Bitrix24Connection(_http, Bitrix24Webhook.Parse(Webhook), new Bitrix24ConnectionOptions { RateLimiter = null }));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _withoutRetries.Dispose();
        _withRetries.Dispose();
        _http.Dispose();
        _portal.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<CalendarUserSettingsInfo> WithoutRetries() =>
        (await _withoutRetries.Calendar.User.Settings.GetAsync(CancellationToken.None).ConfigureAwait(false)).Value;

    [Benchmark]
    public async Task<CalendarUserSettingsInfo> InTheRetryPipeline() =>
        (await _withRetries.Calendar.User.Settings.GetAsync(CancellationToken.None).ConfigureAwait(false)).Value;
}
