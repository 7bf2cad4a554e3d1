using System;
using System.Linq;
using Bitrix24.Generated;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Crm;
using EventsApp.Handlers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventsApp;

/// <summary>
/// The application: an install endpoint that stores each portal and binds the events below, an events endpoint
/// whose handlers read the new entity back through that portal's client, and a page listing what they read.
/// </summary>
public static class EventsAppHost
{
    /// <summary>Where the portal posts the install (the application's "install path").</summary>
    public const string InstallPath = "/bitrix24/install";

    /// <summary>Where the portal posts the bound events.</summary>
    public const string EventsPath = "/bitrix24/events";

    /// <summary>Builds the application; <paramref name="configure"/> may change its services, e.g. the portal store.</summary>
    /// <param name="options">Credentials and addresses.</param>
    /// <param name="configure">Runs after the application's own registrations.</param>
    public static WebApplication Build(EventsAppOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);

        // ASP.NET Core's request lines carry the install's query string; the application logs what it did instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var applications = builder.Services.AddBitrix24Applications(o =>
        {
            o.OAuth = new Bitrix24OAuthOptions { ClientId = options.ClientId, ClientSecret = options.ClientSecret, TokenEndpoint = options.TokenEndpoint };
            o.Connection.AllowInsecureHttp = options.AllowInsecureHttp;
        });
        applications.AddClient(connection => new Bitrix24Client(connection));

        builder.Services.AddBitrix24Events(Bitrix24Events.Catalog);
        builder.Services.AddBitrix24EventHandler<OnCalendarEntryAdd, CalendarEntryAddedHandler>();
        builder.Services.AddBitrix24EventHandler<OnCrmDealAdd, DealAddedHandler>();
        builder.Services.AddBitrix24Install(install =>
        {
            install.BindEvent<OnCalendarEntryAdd>();
            install.BindEvent<OnCrmDealAdd>();
            install.EventHandlerPath = EventsPath;
        });
        builder.Services.AddSingleton<ReadBackLog>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapBitrix24Install(InstallPath);
        app.MapBitrix24Events(EventsPath);
        app.MapGet("/", (ReadBackLog log) => string.Join('\n', log.Entries.Select(e => e.Event + " " + e.Id + " " + e.Name)));
        return app;
    }

    /// <summary>The address a started application listens on, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    /// <param name="app">The started application.</param>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The application is not started.");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
