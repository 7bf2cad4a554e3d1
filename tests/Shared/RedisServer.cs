using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// A redis-server of the tests' own: on 127.0.0.1 on a free port, nothing saved, in a temporary folder, stopped and
/// deleted at the end. Linked into each test project that needs Redis.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;
    private string? _folder;

    /// <summary>The redis-server executable, or null when Redis is not installed.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>Why the Redis tests are skipped, or null when they run.</summary>
    public static string? SkipReason => Executable is null
        ? "Redis is not installed: no redis-server in $REDIS_SERVER or PATH (CI installs Debian's redis-server package)."
        : null;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The configuration string of this server.</summary>
    public string ConnectionString => "127.0.0.1:" + Port + ",abortConnect=false";

    /// <summary>A new connection to the server, as another process would have.</summary>
    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(ConnectionString);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (Executable is null)
        {
            return;
        }

        _folder = LocalServers.CreateFolder("bitrix24-redis-");
        Port = LocalServers.FreePort();

        // The server logs to a file: reading its output would hold threads of the test host's pool for as long as it
        // runs, and tests that host a portal need those threads.
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--logfile", Path.Combine(_folder, "redis.log"), "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("redis-server exited at once with code " + _process.ExitCode + ".");
                }

                await Task.Delay(50);
            }
        }

        throw new TimeoutException("redis-server did not listen within five seconds.");
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        LocalServers.DeleteFolder(_folder);
        return Task.CompletedTask;
    }

    private static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("REDIS_SERVER") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => string.IsNullOrWhiteSpace(d) ? null : Path.Combine(d, "redis-server")))
            .FirstOrDefault(f => !string.IsNullOrWhiteSpace(f) && File.Exists(f));
}

/// <summary>The tests that share one Redis server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Redis";
}

/// <summary>A fact that needs Redis: skipped, with the reason, when redis-server is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RedisFactAttribute()
    {
        if (RedisServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
