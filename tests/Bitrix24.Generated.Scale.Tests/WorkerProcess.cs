using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Scale.Tests;

/// <summary>
/// One worker process (<c>dotnet Bitrix24.Generated.Scale.Worker.dll …</c>): started with <c>--wait-for-go</c>, it
/// says "ready" on stderr once set up, and calls after <see cref="Go"/>; its one JSON line comes on stdout.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task[] _pumps = [];

    private WorkerProcess(Process process) => _process = process;

    /// <summary>The worker's build output, beside this test's: same configuration, same framework.</summary>
    public static string Assembly { get; } = Path.Combine(
        Repository.Root,
        "tests",
        "Bitrix24.Generated.Scale.Worker",
        "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
        new DirectoryInfo(AppContext.BaseDirectory).Name,
        "Bitrix24.Generated.Scale.Worker.dll");

    public Task Ready => _ready.Task;

    public bool Running => !_process.HasExited;

    /// <summary>The exit code, once exited; -1 when it had to be killed.</summary>
    public int ExitCode { get; private set; } = -1;

    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static WorkerProcess Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--wait-for-go");
        var worker = new WorkerProcess(new Process { StartInfo = start });
        worker._process.Exited += (_, _) => worker._ready.TrySetException(new InvalidOperationException("The worker exited before it was ready."));
        worker._process.EnableRaisingEvents = true;
        worker._process.Start();
        worker._pumps = [
            Pump(worker._process.StandardOutput, line => worker.Append(worker._stdout, line)),
            Pump(worker._process.StandardError, line =>
            {
                if (line == "ready")
                {
                    worker._ready.TrySetResult();
                }

                worker.Append(worker._stderr, line);
            }),
        ];
        return worker;
    }

    /// <summary>Lets the worker start calling.</summary>
    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the worker to exit and for all it printed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(_pumps).WaitAsync(cancellationToken);
    }

    /// <summary>The JSON line the worker printed last.</summary>
    public JsonObject Report()
    {
        var lines = Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0
            ? throw new InvalidOperationException("The worker printed no report (exit code " + ExitCode + "): " + Errors)
            : JsonNode.Parse(lines[^1])!.AsObject();
    }

    /// <summary>Ends the worker if it still runs; its output and exit code stay readable.</summary>
    public void Dispose()
    {
        try
        {
            if (_process.HasExited)
            {
                ExitCode = _process.ExitCode;
            }
            else
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    /// <summary>
    /// Reads a worker's output on a thread of its own: reading a pipe blocks, and on the thread pool the reads of
    /// four workers starved the emulator this process hosts, which then answered nothing for up to a second.
    /// </summary>
    private static Task Pump(StreamReader reader, Action<string> line)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                while (reader.ReadLine() is { } read)
                {
                    line(read);
                }

                done.TrySetResult();
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                done.TrySetResult();
            }
        })
        { IsBackground = true, Name = "Worker output" }.Start();
        return done.Task;
    }

    private void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
