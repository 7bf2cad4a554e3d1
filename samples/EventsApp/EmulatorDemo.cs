using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Crm;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventsApp;

/// <summary>The whole story on a local emulator: install, two changes, two events, two entities read back.</summary>
public static class EmulatorDemo
{
    /// <summary>Plays the story and writes what happens; returns what the handlers read back.</summary>
    /// <param name="output">Where the story is told.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    public static async Task<(ReadBack Entry, ReadBack Deal)> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var portal = await Bitrix24Emulator.StartAsync(cancellationToken: cancellationToken);
        output.WriteLine("BITRIX24_CLIENT_ID is not set: installing on a local Bitrix24 emulator at " + portal.BaseAddress);

        await using var app = EventsAppHost.Build(new EventsAppOptions
        {
            ClientId = portal.OAuthClientId,
            ClientSecret = portal.OAuthClientSecret,
            TokenEndpoint = portal.OAuthTokenUrl,
            AllowInsecureHttp = true,
        });
        await app.StartAsync(cancellationToken);
        var address = EventsAppHost.Address(app);
        output.WriteLine("The application listens at " + address);

        // The portal posts the install form and then ONAPPINSTALL; the application stores the portal and binds its events.
        var install = await portal.InstallApplicationAsync(new Uri(address, EventsAppHost.InstallPath.TrimStart('/')), cancellationToken);
        output.WriteLine("Installed: the install page answered " + install.InstallStatus + ", ONAPPINSTALL " + install.EventStatus);

        // Change the portal through the application's own client for it: each change raises an event back to the application.
        var client = await app.Services.GetRequiredService<IBitrix24ClientFactory<Bitrix24Client>>().ForPortalAsync(portal.MemberId, cancellationToken);
        var start = DateTime.Today.AddDays(1).AddHours(10);
        int entryId = await client.Calendar.Event.AddAsync(CalendarEventOwnerType.User, 1, "Kick-off", start, start.AddHours(1), cancellationToken: cancellationToken);
        int dealId = await client.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "Website redesign", Opportunity = 1200 }, cancellationToken: cancellationToken);

        var log = app.Services.GetRequiredService<ReadBackLog>();
        var entry = await log.WaitForAsync(OnCalendarEntryAdd.EventName, entryId, cancellationToken);
        var deal = await log.WaitForAsync(OnCrmDealAdd.EventName, dealId, cancellationToken);
        output.WriteLine(entry.Event + ": calendar event " + entry.Id + " '" + entry.Name + "' read back from portal " + entry.MemberId);
        output.WriteLine(deal.Event + ": deal " + deal.Id + " '" + deal.Name + "' read back from portal " + deal.MemberId);

        await app.StopAsync(cancellationToken);
        return (entry, deal);
    }
}
