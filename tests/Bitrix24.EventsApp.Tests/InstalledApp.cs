using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Events;
using Bitrix24.Generated;
using EventsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.EventsApp.Tests;

/// <summary>The emulator and the sample application, both on 127.0.0.1, with the application installed on the portal.</summary>
internal sealed class InstalledApp : IAsyncDisposable
{
    private InstalledApp(Bitrix24Emulator portal, WebApplication app, Uri address, ApplicationInstallResult install)
    {
        Portal = portal;
        App = app;
        Address = address;
        Install = install;
    }

    public Bitrix24Emulator Portal { get; }

    public WebApplication App { get; }

    /// <summary>The application's address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Address { get; }

    public Uri EventsUrl => new(Address, EventsAppHost.EventsPath.TrimStart('/'));

    public ApplicationInstallResult Install { get; }

    public ReadBackLog ReadBack => App.Services.GetRequiredService<ReadBackLog>();

    public IBitrix24PortalStore Store => App.Services.GetRequiredService<IBitrix24PortalStore>();

    public static async Task<InstalledApp> StartAsync(CancellationToken cancellationToken = default)
    {
        var portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null }, cancellationToken);
        var app = EventsAppHost.Build(new EventsAppOptions
        {
            ClientId = portal.OAuthClientId,
            ClientSecret = portal.OAuthClientSecret,
            TokenEndpoint = portal.OAuthTokenUrl,
            AllowInsecureHttp = true,
        });
        await app.StartAsync(cancellationToken);
        var address = EventsAppHost.Address(app);
        var install = await portal.InstallApplicationAsync(new Uri(address, EventsAppHost.InstallPath.TrimStart('/')), cancellationToken);
        return new InstalledApp(portal, app, address, install);
    }

    /// <summary>The generated client of the portal, as the application's handlers get it.</summary>
    public ValueTask<Bitrix24Client> ClientAsync(CancellationToken cancellationToken = default) =>
        App.Services.GetRequiredService<IBitrix24ClientFactory<Bitrix24Client>>().ForPortalAsync(Portal.MemberId, cancellationToken);

    /// <summary>The portal's connection, for methods the sample has no spec of.</summary>
    public ValueTask<Bitrix24Connection> ConnectionAsync(CancellationToken cancellationToken = default) =>
        App.Services.GetRequiredService<IBitrix24ClientFactory>().ForPortalAsync(Portal.MemberId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Portal.DisposeAsync();
    }
}
