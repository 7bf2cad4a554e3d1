using System;
using System.Threading;
using EventsApp;
using Microsoft.AspNetCore.Builder;

// EventsApp: an application that installs on a portal, receives ONCALENDARENTRYADD and ONCRMDEALADD, and reads the
// new entities back. With BITRIX24_CLIENT_ID and BITRIX24_CLIENT_SECRET it serves a real portal (register
// https://your-host/bitrix24/install as the application's install path); without, it plays the whole story
// against a local emulator and exits.
var clientId = Environment.GetEnvironmentVariable("BITRIX24_CLIENT_ID");
if (!string.IsNullOrWhiteSpace(clientId))
{
    var served = EventsAppHost.Build(new EventsAppOptions
    {
        ClientId = clientId,
        ClientSecret = Environment.GetEnvironmentVariable("BITRIX24_CLIENT_SECRET") ?? string.Empty,
        Urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://0.0.0.0:5080",
    });
    await served.RunAsync();
    return;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
await EmulatorDemo.RunAsync(Console.Out, timeout.Token);
