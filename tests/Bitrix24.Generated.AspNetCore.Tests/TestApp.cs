using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Generated.AspNetCore.Tests;

/// <summary>An application on the in-memory test server, with its logs captured.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public IBitrix24PortalStore Store => Services.GetRequiredService<IBitrix24PortalStore>();

    public static async Task<TestApp> StartAsync(Action<IServiceCollection> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        configure(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestApp(app, logs);
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(Array.ConvertAll(fields, f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
