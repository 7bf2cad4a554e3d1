using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Stores.Tests;

/// <summary>
/// A PostgreSQL server of the tests' own: a cluster made by initdb in a temporary folder, listening on 127.0.0.1 on
/// a free port with trust authentication, stopped and deleted at the end. As root it runs as <c>nobody</c>, since
/// PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _folder;

    /// <summary>The folder of initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? Binaries { get; } = FindBinaries();

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run.</summary>
    public static string? SkipReason => Binaries is null
        ? "PostgreSQL is not installed: no initdb in $PG_BIN, `pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH (CI installs Debian's postgresql package)."
        : null;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string to a database of this name (made by the store's EnsureCreatedAsync).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=30;Command Timeout=30";

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (Binaries is null)
        {
            return;
        }

        _folder = LocalServers.CreateFolder("bitrix24-pg-");
        var asRoot = Environment.UserName == "root" || Run("id", "-u").Output.Trim() == "0";
        if (asRoot)
        {
            Check(Run("chown", "nobody", _folder));
        }

        var data = Path.Combine(_folder, "data");
        Check(Run(asRoot, Path.Combine(Binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"));
        Port = LocalServers.FreePort();
        var settings = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c max_connections=50";
        Check(Run(asRoot, Path.Combine(Binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"));
        await Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        if (_folder is null || Binaries is null)
        {
            return Task.CompletedTask;
        }

        var asRoot = Environment.UserName == "root";
        Run(asRoot, Path.Combine(Binaries, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        LocalServers.DeleteFolder(_folder);

        return Task.CompletedTask;
    }

    private static string? FindBinaries()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        var candidates = new[] { Environment.GetEnvironmentVariable("PG_BIN") }
            .Append(TryRun("pg_config", "--bindir"))
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                : [])
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator));
        return candidates.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d) && File.Exists(Path.Combine(d!, "initdb")) && File.Exists(Path.Combine(d!, "pg_ctl")))?.Trim();
    }

    private static string? TryRun(string file, params string[] arguments)
    {
        try
        {
            var result = Run(file, arguments);
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static (int ExitCode, string Output) Run(bool asNobody, string file, params string[] arguments) =>
        asNobody ? Run("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", file, .. arguments]) : Run(file, arguments);

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " did not finish within two minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static void Check((int ExitCode, string Output) result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Starting the test PostgreSQL server failed:\n" + result.Output);
        }
    }
}
