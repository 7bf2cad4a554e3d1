using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The official JS SDK (<c>@bitrix24/b24jssdk</c>, pinned in tests/js-sdk) calls the standalone emulator over real
/// HTTP and HTTPS through its webhook client, and its checks (tests/js-sdk/check.mjs) all pass.
/// </summary>
public class JsSdkTests
{
    // Small enough that the last checks go over it in a moment; the SDK is told the same limit.
    private const string RateLimit = "10/10";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly ITestOutputHelper _output;

    public JsSdkTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task The_official_JS_SDK_gets_the_answers_of_a_portal(string scheme)
    {
        var folder = Path.Combine(Repository.Root, "tests", "js-sdk");
        await EnsurePackagesAsync(folder);
        var certificate = Path.Combine(Path.GetTempPath(), "b24-emulator-" + Guid.NewGuid().ToString("N") + ".pem");
        try
        {
            var arguments = new List<string> { "--port", "0", "--rate-limit", RateLimit };
            if (scheme == "https")
            {
                arguments.AddRange(["--https", "--certificate-out", certificate]);
            }

            using var emulator = await StandaloneEmulator.StartAsync([.. arguments]);
            var check = new List<string> { Path.Combine(folder, "check.mjs"), emulator.WebhookUrl.ToString(), "--rate-limit", RateLimit };
            if (scheme == "https")
            {
                check.AddRange(["--ca", certificate]);
            }

            Assert.Equal(scheme, emulator.WebhookUrl.Scheme);
            var (exitCode, output) = await RunAsync("node", folder, check);
            var lines = output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
            foreach (var line in lines.SkipLast(1))
            {
                _output.WriteLine(line);
            }

            // "JS SDK: 9 passed, 0 failed over HTTPS": the summary, which CI prints for each scheme.
            var summary = lines[^1];
            _output.WriteLine(summary + " over " + scheme.ToUpperInvariant());
            Assert.True(exitCode == 0, "The JS SDK checks failed (exit code " + exitCode + "):\n" + output);
            Assert.Matches(@"^JS SDK: [1-9][0-9]* passed, 0 failed$", summary);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    /// <summary>
    /// Installs the locked packages with <c>npm ci</c> unless node_modules already holds the SDK version
    /// package.json pins; a machine without Node.js, npm or the registry fails here, saying so.
    /// </summary>
    private static async Task EnsurePackagesAsync(string folder)
    {
        await Install.WaitAsync();
        try
        {
            var (_, version) = await RunAsync("node", folder, ["--version"]);
            if (!int.TryParse(version.Trim().TrimStart('v').Split('.')[0], out var major) || major < 20)
            {
                Assert.Fail("The JS SDK checks need Node.js 20 or later; node --version says " + version.Trim());
            }

            var pinned = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package.json")))!["dependencies"]!["@bitrix24/b24jssdk"];
            var installed = Path.Combine(folder, "node_modules", "@bitrix24", "b24jssdk", "package.json");
            if (File.Exists(installed) && (string?)JsonNode.Parse(File.ReadAllText(installed))!["version"] == pinned)
            {
                return;
            }

            var (exitCode, output) = await RunAsync("npm", folder, ["ci", "--no-audit", "--no-fund"]);
            Assert.True(exitCode == 0, "npm ci in tests/js-sdk failed, so the JS SDK checks cannot run (is the npm registry reachable?):\n" + output);
        }
        finally
        {
            Install.Release();
        }
    }

    /// <summary>Runs a program to its end and returns its exit code with what it printed on both streams.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string folder, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException("The JS SDK checks need Node.js 20+ and npm on the PATH; " + program + " could not be started: " + exception.Message, exception);
        }

        using (process)
        {
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(program + " took longer than " + Limit + ":\n" + output);
            }

            // The streams are read to their end once the process has exited.
            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
