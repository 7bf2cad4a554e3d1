using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Bitrix24.Generated.Redis;
using StackExchange.Redis;

namespace Bitrix24.Generated.Benchmarks;

/// <summary>
/// What an acquire costs through the bucket kept in Redis (one script run over a loopback connection to a
/// redis-server the benchmark starts itself) against the in-process bucket. The burst is so large that no call
/// waits: only the bookkeeping is measured. Needs redis-server on PATH or in $REDIS_SERVER.
/// </summary>
[MemoryDiagnoser]
public class RedisLimiterBenchmarks
{
    // A billion at once, a million a second: the schedule never catches up with the calls.
    private const int Burst = 1_000_000_000;
    private const double Drain = 1_000_000;

    private Process? _server;
    private string? _folder;
    private ConnectionMultiplexer _redis = null!;
    private Bitrix24RateLimiter _local = null!;
    private RedisBitrix24RateLimiter _shared = null!;

    [GlobalSetup]
    public void Setup()
    {
        var executable = Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "redis-server";
        _folder = Path.Combine(Path.GetTempPath(), "bitrix24-bench-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = _folder };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }

        _redis = ConnectionMultiplexer.Connect("127.0.0.1:" + port);
        _local = new Bitrix24RateLimiter(Burst, Drain);
        _shared = new RedisBitrix24RateLimiter(_redis, "bench:rate", Burst, Drain);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _shared.Dispose();
        _local.Dispose();
        _redis.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "Bitrix24RateLimiter (in process)")]
    public async Task<bool> InProcess()
    {
        using var lease = await _local.AcquireAsync(1);
        return lease.IsAcquired;
    }

    [Benchmark(Description = "RedisBitrix24RateLimiter")]
    public async Task<bool> Redis()
    {
        using var lease = await _shared.AcquireAsync(1);
        return lease.IsAcquired;
    }
}
