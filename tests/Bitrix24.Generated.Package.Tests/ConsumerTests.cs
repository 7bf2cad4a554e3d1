using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Bitrix24.Emulator;

namespace Bitrix24.Generated.Package.Tests;

/// <summary>
/// The path a user walks: a fresh console project, the package from a feed, a spec of their own for a method
/// the package does not ship, a clean build, a run against a portal (the emulator here).
/// </summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public class ConsumerTests
{
    // A method the package does not ship, specified by the user.
    private const string UserCurrentSpec = """
        # yaml-language-server: $schema=spec.schema.json
        method: user.current
        scope: user
        access: any user
        summary: Reads the user the webhook or token belongs to.
        idempotent: true
        result:
          type: CurrentUser
          description: The user's profile.
        types:
          CurrentUser:
            kind: object
            description: A user's profile.
            properties:
              - name: ID
                type: integer-string
                description: The user's identifier.
              - name: ACTIVE
                type: boolean
                description: Whether the account is active.
              - name: NAME
                type: string
                description: First name.
              - name: LAST_NAME
                type: string
                description: Last name.
              - name: EMAIL
                type: string
                description: E-mail address.
              - name: TIME_ZONE
                type: string
                description: Time zone, e.g. Europe/Berlin.
              - name: UF_DEPARTMENT
                csharpName: DepartmentIds
                type: array
                items: integer
                description: Departments the user belongs to.
        examples:
          - name: Read the current user
            request: "{}"
            status: 200
            response: '{"result":{"ID":"1","ACTIVE":true,"NAME":"Anna","LAST_NAME":"Schmidt","EMAIL":"anna@example.com","TIME_ZONE":"Europe/Berlin","UF_DEPARTMENT":[1,7]},"time":{"start":1733318565.18,"finish":1733318565.69,"duration":0.51,"processing":0.29,"date_start":"2024-12-04T13:22:45+00:00","date_finish":"2024-12-04T13:22:45+00:00"}}'
        """;

    private const string ConsumerProgram = """
        using Bitrix24.Generated;
        using Bitrix24.Generated.Calendar;

        var url = Environment.GetEnvironmentVariable("BITRIX24_WEBHOOK_URL") ?? throw new InvalidOperationException("Set BITRIX24_WEBHOOK_URL.");
        using var client = Bitrix24Client.FromWebhook(url);

        var me = (await client.User.CurrentAsync()).Value;
        Console.WriteLine($"user.current: {me.Id} {me.Name} {me.LastName}, departments {string.Join(",", me.DepartmentIds ?? new List<int>())}");

        int id = await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Planning", new DateTime(2025, 3, 3, 10, 0, 0), new DateTime(2025, 3, 3, 11, 0, 0));
        var read = (await client.Calendar.Event.GetByIdAsync(id)).Value;
        Console.WriteLine($"calendar.event.getbyid: {read.Name} at {read.DateFrom?.ToDateTime():yyyy-MM-dd HH:mm}");
        """;

    private readonly PackageFixture _package;

    public ConsumerTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task A_fresh_project_builds_from_the_package_alone_without_warnings_and_calls_the_portal()
    {
        var folder = _package.CreateProject("Consumer", new Dictionary<string, string>
        {
            ["Consumer.csproj"] = PackageFixture.ProjectFile("<Bitrix24Scopes>calendar</Bitrix24Scopes>"),
            ["Program.cs"] = ConsumerProgram,
            [Path.Combine("specs", "user.current.yaml")] = UserCurrentSpec,
        });

        var (buildExit, buildOutput) = await DotNet.RunAsync(folder, _package.Environment, "build", "-c", "Release", "--disable-build-servers");

        Assert.True(buildExit == 0, buildOutput);
        Assert.True(buildOutput.Contains("0 Warning(s)", StringComparison.Ordinal), buildOutput);

        await using var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions
        {
            IncludeShippedSpecs = true,
            SpecPaths = { Path.Combine(folder, "specs") },
        });
        var environment = new Dictionary<string, string>(_package.Environment) { ["BITRIX24_WEBHOOK_URL"] = portal.WebhookUrl.ToString() };
        var (runExit, runOutput) = await DotNet.RunAsync(folder, environment, "run", "--no-build", "-c", "Release");

        Assert.True(runExit == 0, runOutput);
        Assert.True(runOutput.Contains("user.current: 1 Anna Schmidt, departments 1,7", StringComparison.Ordinal), runOutput);
        Assert.True(runOutput.Contains("calendar.event.getbyid: Planning at 2025-03-03 10:00", StringComparison.Ordinal), runOutput);
    }

    [Fact]
    public async Task A_broken_spec_fails_the_build_at_its_file_line_and_column()
    {
        var folder = _package.CreateProject("Broken", new Dictionary<string, string>
        {
            ["Broken.csproj"] = PackageFixture.ProjectFile("<Bitrix24Scopes>none</Bitrix24Scopes>"),
            ["Program.cs"] = "Console.WriteLine(typeof(Bitrix24.Generated.Bitrix24Client));\n",
            [Path.Combine("specs", "crm", "crm.deal.get.yaml")] = "method: crm.deal.get\nscope: crm\nsummary: Reads a deal.\nparams:\n  - name: id\n    type: Identifer\nresult:\n  type: boolean\n",
        });

        var (exitCode, output) = await DotNet.RunAsync(folder, _package.Environment, "build", "-c", "Release", "--disable-build-servers");

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains(Path.Combine("specs", "crm", "crm.deal.get.yaml") + "(6,11): error B24004", StringComparison.Ordinal), output);
        Assert.True(output.Contains("'Identifer'", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task A_scope_the_package_does_not_ship_is_named_in_the_build_error()
    {
        var folder = _package.CreateProject("Scopes", new Dictionary<string, string>
        {
            ["Scopes.csproj"] = PackageFixture.ProjectFile("<Bitrix24Scopes>calendar;crm;nosuchscope</Bitrix24Scopes>"),
            ["Program.cs"] = "Console.WriteLine(typeof(Bitrix24.Generated.Bitrix24Client));\n",
        });

        var (exitCode, output) = await DotNet.RunAsync(folder, _package.Environment, "build", "-c", "Release", "--disable-build-servers");

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains("error B24100: Bitrix24Scopes names 'nosuchscope'", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task A_project_s_own_spec_of_a_shipped_method_replaces_the_shipped_one()
    {
        // The shipped calendar.settings.get answers CalendarPortalSettings; this one leaves the answer raw.
        var folder = _package.CreateProject("Replace", new Dictionary<string, string>
        {
            ["Replace.csproj"] = PackageFixture.ProjectFile("<Bitrix24Scopes>calendar</Bitrix24Scopes>"),
            ["Program.cs"] = """
                using System.Text.Json.Nodes;
                using Bitrix24.Generated;

                Func<Bitrix24Client, Task<Bitrix24Response<JsonNode?>>> call = client => client.Calendar.Settings.GetAsync();
                Console.WriteLine(call.Method.ReturnType.Name);
                """,
            [Path.Combine("specs", "calendar.settings.get.yaml")] = "method: calendar.settings.get\nscope: calendar\nsummary: Reads the portal's calendar settings as they come.\nresult:\n  type: any\n",
        });

        var (exitCode, output) = await DotNet.RunAsync(folder, _package.Environment, "build", "-c", "Release", "--disable-build-servers");

        Assert.True(exitCode == 0, output);
        Assert.True(output.Contains("0 Warning(s)", StringComparison.Ordinal), output);
        Assert.False(output.Contains("B24009", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Without_Bitrix24Scopes_no_shipped_scope_is_generated_and_the_build_says_how_to_choose()
    {
        var folder = _package.CreateProject("Default", new Dictionary<string, string>
        {
            ["Default.csproj"] = PackageFixture.ProjectFile(),
            ["Program.cs"] = "Console.WriteLine(typeof(Bitrix24.Generated.Bitrix24Client).Assembly.GetType(\"Bitrix24.Generated.Calendar.CalendarSection\") is null);\n",
            [Path.Combine("specs", "user.current.yaml")] = UserCurrentSpec,
        });

        var (buildExit, buildOutput) = await DotNet.RunAsync(folder, _package.Environment, "build", "-c", "Release", "--disable-build-servers");
        var (runExit, runOutput) = await DotNet.RunAsync(folder, _package.Environment, "run", "--no-build", "-c", "Release");

        Assert.True(buildExit == 0, buildOutput);
        Assert.True(buildOutput.Contains("no shipped scopes are generated for Default", StringComparison.Ordinal), buildOutput);
        Assert.True(buildOutput.Contains("0 Warning(s)", StringComparison.Ordinal), buildOutput);
        Assert.True(runExit == 0, runOutput);
        Assert.Equal("True", runOutput.Trim());
    }
}
