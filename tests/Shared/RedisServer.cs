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

        _folder = Path.Combine(Path.GetTempPath(), "bitrix24-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
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
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return Task.CompletedTask;
    }

    private static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("REDIS_SERVER") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => string.IsNullOrWhiteSpace(d) ? null : Path.Combine(d, "redis-server")))
            .FirstOrDefault(f => !string.IsNullOrWhiteSpace(f) && File.Exists(f));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
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
