using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Package.Tests;

/// <summary>
/// The emulator as users take it: an xUnit project with both packages that tests CRM code against
/// <c>Bitrix24Emulator.StartAsync()</c> and <c>portal.CreateClient()</c>, and the command installed as a .NET tool.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public class EmulatorConsumerTests
{
    private const string DealTests = """
        using System.Text.Json.Nodes;
        using Bitrix24.Emulator;
        using Bitrix24.Generated;
        using Bitrix24.Generated.Crm;

        namespace CrmTests;

        public class DealTests
        {
            [Fact]
            public async Task Deals_are_added_listed_with_a_filter_read_updated_and_deleted()
            {
                await using var portal = await Bitrix24Emulator.StartAsync();
                using var client = portal.CreateClient();

                int website = await client.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "Website", StageId = "NEW", Opportunity = 1200 });
                int shop = await client.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "Shop", StageId = "WON", Opportunity = 5000 });
                int app = await client.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "App", StageId = "WON", Opportunity = 800 });

                var won = await client.Crm.Deal.ListAsync(new CrmDealListRequest
                {
                    Filter = new Dictionary<string, JsonNode?> { ["STAGE_ID"] = "WON" },
                    Order = new Dictionary<string, string> { ["OPPORTUNITY"] = "DESC" },
                    Select = new List<string> { "ID", "TITLE" },
                });
                var read = (await client.Crm.Deal.GetAsync(website)).Value;
                bool updated = await client.Crm.Deal.UpdateAsync(website, new CrmDealUpdateFields { StageId = "WON", Opportunity = 1500 });
                var reread = (await client.Crm.Deal.GetAsync(website)).Value;
                bool deleted = await client.Crm.Deal.DeleteAsync(app);
                var gone = await Assert.ThrowsAnyAsync<Bitrix24Exception>(() => client.Crm.Deal.GetAsync(app));
                var left = await client.Crm.Deal.ListAsync(new CrmDealListRequest { Filter = new Dictionary<string, JsonNode?> { ["STAGE_ID"] = "WON" } });

                Assert.Equal(new[] { 1, 2, 3 }, new[] { website, shop, app });
                Assert.Equal(2, won.Total);
                Assert.Equal(new[] { "Shop", "App" }, won.Value.Select(deal => deal.Title));
                Assert.Equal(("Website", "NEW"), (read.Title, read.StageId));
                Assert.True(updated);
                Assert.Equal(("WON", "1500"), (reread.StageId, reread.Opportunity));
                Assert.True(deleted);
                Assert.Equal("crm.deal.get", gone.Method);
                Assert.Equal(new[] { website, shop }, left.Value.Select(deal => deal.Id!.Value).Order());
                Assert.Equal(3, portal.Requests.Count(request => request.Method == "crm.deal.add"));
            }
        }
        """;

    private readonly PackageFixture _package;

    public EmulatorConsumerTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task A_fresh_test_project_with_both_packages_tests_crm_code_against_the_emulator()
    {
        var folder = _package.CreateProject("CrmTests", new Dictionary<string, string>
        {
            ["CrmTests.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <IsPackable>false</IsPackable>
                    <Bitrix24Scopes>crm</Bitrix24Scopes>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Bitrix24.Generated" Version="{PackageFixture.Version}" />
                    <PackageReference Include="Bitrix24.Generated.Emulator" Version="{PackageFixture.Version}" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{PackageFixture.RepositoryPackageVersion("Microsoft.NET.Test.Sdk")}" />
                    <PackageReference Include="xunit" Version="{PackageFixture.RepositoryPackageVersion("xunit")}" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="{PackageFixture.RepositoryPackageVersion("xunit.runner.visualstudio")}" />
                  </ItemGroup>
                  <ItemGroup>
                    <Using Include="Xunit" />
                  </ItemGroup>
                </Project>
                """,
            ["DealTests.cs"] = DealTests,
        });

        var (buildExit, buildOutput) = await DotNet.RunAsync(folder, _package.Environment, "build", "-c", "Release", "--disable-build-servers");
        Assert.True(buildExit == 0, buildOutput);
        Assert.True(buildOutput.Contains("0 Warning(s)", StringComparison.Ordinal), buildOutput);

        // The project compiles against the emulator alone; the spec core only runs beside it.
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "obj", "project.assets.json")))!;
        var emulator = assets["targets"]![$"net{Environment.Version.Major}.0"]!["Bitrix24.Generated.Emulator/" + PackageFixture.Version]!;
        Assert.Equal(new[] { "ref/net10.0/Bitrix24.Emulator.dll" }, emulator["compile"]!.AsObject().Select(asset => asset.Key));
        Assert.Equal(
            new[] { "lib/net10.0/Bitrix24.Emulator.dll", "lib/net10.0/Bitrix24.Generated.Specs.dll" },
            emulator["runtime"]!.AsObject().Select(asset => asset.Key).Order(StringComparer.Ordinal));

        var (testExit, testOutput) = await DotNet.RunAsync(folder, _package.Environment, "test", "--no-build", "-c", "Release");
        Assert.True(testExit == 0, testOutput);
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+1,", testOutput);
    }

    [Fact]
    public async Task The_tool_installs_from_the_feed_serves_a_method_on_the_port_it_is_given_and_stops()
    {
        var tools = Path.Combine(_package.Workspace, "tools");
        var (installExit, installOutput) = await DotNet.RunAsync(
            _package.Workspace,
            _package.Environment,
            "tool", "install", "Bitrix24.Generated.Emulator.Tool", "--version", PackageFixture.Version, "--tool-path", tools, "--add-source", _package.Feed);
        Assert.True(installExit == 0, installOutput);

        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(tools, "bitrix24-emulator" + (OperatingSystem.IsWindows() ? ".exe" : string.Empty)))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--secret", "t00lsecret" })
        {
            start.ArgumentList.Add(argument);
        }

        // The command's launcher finds the runtime the tests run on.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        using var tool = Process.Start(start) ?? throw new InvalidOperationException("bitrix24-emulator did not start");
        var output = new StringBuilder();
        var webhook = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        tool.OutputDataReceived += (_, line) => Received(line.Data);
        tool.ErrorDataReceived += (_, line) => Received(line.Data);
        tool.BeginOutputReadLine();
        tool.BeginErrorReadLine();
        try
        {
            using var waited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var url = await webhook.Task.WaitAsync(waited.Token);
            using var http = new HttpClient();
            using var added = await http.PostAsync(url + "crm.deal.add.json", new StringContent("""{"fields":{"TITLE":"From the tool"}}""", Encoding.UTF8, "application/json"));
            var addedBody = await added.Content.ReadAsStringAsync();
            var read = JsonNode.Parse(await http.GetStringAsync(url + "crm.deal.get.json?id=1"))!;

            Assert.Equal($"http://127.0.0.1:{port}/rest/1/t00lsecret/", url);
            Assert.True(added.StatusCode == HttpStatusCode.OK, addedBody);
            Assert.Equal(1, (int)JsonNode.Parse(addedBody)!["result"]!);
            Assert.Equal("From the tool", (string?)read["result"]!["TITLE"]);
        }
        finally
        {
            Stop(tool);
        }

        // Waits for the end of its output too, which may come after the exit.
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await tool.WaitForExitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                tool.Kill(entireProcessTree: true);
                Assert.Fail("bitrix24-emulator did not stop:\n" + output);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            // SIGTERM stops it as Ctrl+C does: the portal is shut down and the command says so.
            Assert.True(tool.ExitCode == 0, output.ToString());
            Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
        }

        void Received(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith("Webhook URL: ", StringComparison.Ordinal))
            {
                webhook.TrySetResult(line["Webhook URL: ".Length..]);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || kill(process.Id, SIGTERM) != 0)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
