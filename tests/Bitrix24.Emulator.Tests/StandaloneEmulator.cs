using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The emulator as the <c>bitrix24-emulator</c> tool starts it: a process of its own, from the build copied next
/// to the tests, killed on dispose if it still runs.
/// </summary>
internal sealed class StandaloneEmulator : IDisposable
{
    private readonly Process _process;

    private StandaloneEmulator(Process process, Uri webhookUrl, Uri? rest3WebhookUrl)
    {
        _process = process;
        WebhookUrl = webhookUrl;
        Rest3WebhookUrl = rest3WebhookUrl;
    }

    /// <summary>The webhook URL the emulator printed.</summary>
    public Uri WebhookUrl { get; }

    /// <summary>The REST 3.0 webhook URL the emulator printed before it, if it did.</summary>
    public Uri? Rest3WebhookUrl { get; }

    /// <summary>Starts the emulator with these command-line arguments and returns once it prints its webhook URL.</summary>
    /// <exception cref="InvalidOperationException">It stopped first; the message holds what it wrote to stderr.</exception>
    public static async Task<StandaloneEmulator> StartAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bitrix24.Emulator.Tool.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var webhook = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        Uri? rest3Webhook = null;
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("REST 3.0 webhook URL: ", StringComparison.Ordinal) == true)
            {
                rest3Webhook = new Uri(e.Data["REST 3.0 webhook URL: ".Length..]);
            }

            if (e.Data?.StartsWith("Webhook URL: ", StringComparison.Ordinal) == true)
            {
                webhook.TrySetResult(new Uri(e.Data["Webhook URL: ".Length..]));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var stopped = process.WaitForExitAsync();
            if (await Task.WhenAny(webhook.Task, stopped).WaitAsync(TimeSpan.FromMinutes(1)) == stopped)
            {
                // Once the process has exited, its streams are read to their end.
                process.WaitForExit();
                lock (errors)
                {
                    throw new InvalidOperationException("The emulator stopped with exit code " + process.ExitCode + " before it listened:\n" + errors);
                }
            }

            var webhookUrl = await webhook.Task;
            return new StandaloneEmulator(process, webhookUrl, rest3Webhook);
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> does, and returns the exit code, or null if it runs on after 20 seconds.</summary>
    public async Task<int?> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
