using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Bitrix24.Generated.Redis.Tests;

/// <summary>The leaky bucket kept in Redis, shared by instances with connections of their own.</summary>
[Collection(RedisCollection.Name)]
public class RateLimiterTests(RedisServer redis)
{
    private static string NewKey() => "test:rate:" + Guid.NewGuid().ToString("N");

    [RedisFact]
    public async Task Two_instances_sharing_a_key_never_admit_more_than_burst_plus_drain_over_a_window()
    {
        using var first = redis.Connect();
        using var second = redis.Connect();
        var key = NewKey();
        const int Burst = 5;
        const double Drain = 10;
        using var one = new RedisBitrix24RateLimiter(first, key, Burst, Drain) { SafetyMargin = TimeSpan.Zero };
        using var two = new RedisBitrix24RateLimiter(second, key, Burst, Drain) { SafetyMargin = TimeSpan.Zero };
        var admitted = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var run = TimeSpan.FromSeconds(1.5);

        // Four callers an instance, each acquiring as fast as it is let.
        async Task CallerAsync(RateLimiter limiter)
        {
            while (clock.Elapsed < run)
            {
                using var lease = await limiter.AcquireAsync(1);
                Assert.True(lease.IsAcquired);
                admitted.Add(clock.Elapsed.TotalSeconds);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => CallerAsync(i % 2 == 0 ? one : two)));

        var times = admitted.OrderBy(t => t).ToArray();
        foreach (var window in new[] { 0.1, 0.3, 0.5, 1.0 })
        {
            for (var i = 0; i < times.Length; i++)
            {
                var inWindow = times.Skip(i).TakeWhile(t => t <= times[i] + window).Count();

                // One extra for where a window's edges fall between the schedule's moments.
                Assert.True(inWindow <= Burst + (Drain * window) + 1, $"{inWindow} calls in {window} s");
            }
        }

        // The bucket was used to its limit, not starved: both instances' calls went.
        var inRun = times.Count(t => t <= run.TotalSeconds);
        Assert.InRange(inRun, Burst + (int)(Drain * run.TotalSeconds * 0.5), Burst + (int)(Drain * run.TotalSeconds) + 2);
        Assert.True(one.GetStatistics()!.TotalSuccessfulLeases > 0);
        Assert.True(two.GetStatistics()!.TotalSuccessfulLeases > 0);
    }

    [RedisFact]
    public void An_attempt_takes_a_place_only_when_one_is_free_now_and_otherwise_says_when_one_will_be()
    {
        using var first = redis.Connect();
        using var second = redis.Connect();
        var key = NewKey();
        using var one = new RedisBitrix24RateLimiter(first, key, 3, 1) { SafetyMargin = TimeSpan.Zero };
        using var two = new RedisBitrix24RateLimiter(second, key, 3, 1) { SafetyMargin = TimeSpan.Zero };

        Assert.True(one.AttemptAcquire(1).IsAcquired);
        Assert.True(two.AttemptAcquire(2).IsAcquired);
        using var refused = one.AttemptAcquire(1);
        using var refusedToo = two.AttemptAcquire(1);

        Assert.False(refused.IsAcquired);
        Assert.False(refusedToo.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.Contains(MetadataName.RetryAfter.Name, refused.MetadataNames);
        Assert.Equal(0, one.GetStatistics()!.CurrentAvailablePermits);

        // A refusal reserved nothing: the place drains on time.
        Thread.Sleep(retryAfter + TimeSpan.FromMilliseconds(50));
        Assert.True(two.AttemptAcquire(1).IsAcquired);

        var statistics = one.GetStatistics()!;
        Assert.Equal(1, statistics.TotalSuccessfulLeases);
        Assert.Equal(1, statistics.TotalFailedLeases);
        Assert.Throws<ArgumentOutOfRangeException>(() => one.AttemptAcquire(4));
    }

    [RedisFact]
    public async Task An_acquire_reserves_the_next_place_and_waits_for_it()
    {
        using var connection = redis.Connect();
        using var limiter = new RedisBitrix24RateLimiter(connection, NewKey(), 2, 5) { SafetyMargin = TimeSpan.Zero };
        Assert.True((await limiter.AcquireAsync(2)).IsAcquired);

        var clock = Stopwatch.StartNew();
        var waiting = limiter.AcquireAsync(1).AsTask();
        var after = limiter.AcquireAsync(1).AsTask();
        Assert.True((await waiting).IsAcquired);
        var first = clock.Elapsed;
        Assert.True((await after).IsAcquired);

        // 5 a second: the first place drains after 200 ms, the next 200 ms later (the upper bounds only show that
        // nothing hangs, on a busy machine too).
        Assert.InRange(first, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(4));
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [RedisFact]
    public async Task The_safety_margin_holds_calls_after_the_burst_but_not_the_burst_of_an_idle_bucket()
    {
        using var connection = redis.Connect();
        using var limiter = new RedisBitrix24RateLimiter(connection, NewKey(), 2, 10) { SafetyMargin = TimeSpan.FromMilliseconds(800) };

        var clock = Stopwatch.StartNew();
        await limiter.AcquireAsync(2);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(600), clock.Elapsed.ToString());
        await limiter.AcquireAsync(1);

        // 100 ms for the place to drain, and the margin.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(880), clock.Elapsed.ToString());
    }

    [RedisFact]
    public async Task Each_key_is_a_bucket_of_its_own_and_expires_once_drained()
    {
        using var connection = redis.Connect();
        var keyOne = NewKey();
        using var portalOne = new RedisBitrix24RateLimiter(connection, keyOne, 1, 0.01) { SafetyMargin = TimeSpan.Zero };
        using var portalTwo = new RedisBitrix24RateLimiter(connection, NewKey(), 1, 0.01) { SafetyMargin = TimeSpan.Zero };

        Assert.True(portalOne.AttemptAcquire(1).IsAcquired);
        Assert.False(portalOne.AttemptAcquire(1).IsAcquired);
        Assert.True(portalTwo.AttemptAcquire(1).IsAcquired);

        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(keyOne);
        Assert.NotNull(ttl);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(102));
    }

    [RedisFact]
    public async Task Attempts_racing_from_two_connections_take_exactly_the_burst()
    {
        using var first = redis.Connect();
        using var second = redis.Connect();
        var key = NewKey();
        using var one = new RedisBitrix24RateLimiter(first, key, 20, 0.001);
        using var two = new RedisBitrix24RateLimiter(second, key, 20, 0.001);

        // Each reads and writes the bucket in one script run: no two see the same free place.
        // An attempt blocks on its round trip, so a few threads race rather than a hundred pool tasks.
        var leases = new RateLimitLease[100];
        await Task.Run(() => Parallel.For(0, leases.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => leases[i] = (i % 2 == 0 ? one : two).AttemptAcquire(1)));

        Assert.Equal(20, leases.Count(l => l.IsAcquired));
        Assert.Equal(20, one.GetStatistics()!.TotalSuccessfulLeases + two.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(80, one.GetStatistics()!.TotalFailedLeases + two.GetStatistics()!.TotalFailedLeases);
    }

    [RedisFact]
    public void A_probe_of_no_permits_reserves_nothing()
    {
        using var connection = redis.Connect();
        using var limiter = new RedisBitrix24RateLimiter(connection, NewKey(), 1, 0.01) { SafetyMargin = TimeSpan.Zero };

        Assert.True(limiter.AttemptAcquire(0).IsAcquired);
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        Assert.False(limiter.AttemptAcquire(0).IsAcquired);
    }

    [Fact]
    public async Task Unreachable_Redis_fails_the_acquire_with_an_exception_that_names_Redis_and_no_password()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},password=hunter2-secret,abortConnect=false,connectTimeout=200,syncTimeout=500,asyncTimeout=500,connectRetry=0");
        using var limiter = new RedisBitrix24RateLimiter(connection, "test:rate:down", 5, 2);

        var exception = await Assert.ThrowsAsync<Bitrix24RedisException>(async () => await limiter.AcquireAsync(1));
        var attempt = Assert.Throws<Bitrix24RedisException>(() => limiter.AttemptAcquire(1));

        Assert.Contains("Redis", exception.Message, StringComparison.Ordinal);
        Assert.Contains("test:rate:down", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", attempt.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", limiter.ToString(), StringComparison.Ordinal);
    }
}
