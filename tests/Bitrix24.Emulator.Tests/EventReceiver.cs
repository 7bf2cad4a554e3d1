using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitrix24.Emulator.Tests;

/// <summary>An application's handler on 127.0.0.1: records every form posted to it, with its query, and answers 200.</summary>
internal sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedPost> _posts = new();

    private EventReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedPost> Posts => _posts.ToArray();

    public static async Task<EventReceiver> StartAsync(int status = 200, string answer = "{\"status\":\"success\"}")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new EventReceiver(app);
        app.MapPost("{**path}", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            receiver._posts.Enqueue(new ReceivedPost(
                context.Request.Path + context.Request.QueryString,
                context.Request.ContentType ?? string.Empty,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/handler/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One form post a receiver got.</summary>
internal sealed record ReceivedPost(string PathAndQuery, string ContentType, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Form);
