using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated;
using Bitrix24.Generated.AspNetCore;
using Bitrix24.Generated.Calendar;
using Microsoft.Extensions.Logging;

namespace EventsApp.Handlers;

/// <summary>On a new calendar event, reads it back from the portal it happened on.</summary>
internal sealed class CalendarEntryAddedHandler(IBitrix24ClientFactory<Bitrix24Client> clients, ReadBackLog log, ILogger<CalendarEntryAddedHandler> logger)
    : IBitrix24EventHandler<OnCalendarEntryAdd>
{
    public async Task HandleAsync(OnCalendarEntryAdd e, CancellationToken cancellationToken)
    {
        // The endpoint only lets through events whose application_token matched a stored portal, so Auth is there.
        var memberId = e.Auth!.MemberId!;
        if (e.Data.Id is not { } id)
        {
            logger.LogWarning("{Event} from {MemberId} names no calendar event", e.Event, memberId);
            return;
        }

        var client = await clients.ForPortalAsync(memberId, cancellationToken);
        var entry = (await client.Calendar.Event.GetByIdAsync(id, cancellationToken)).Value;
        logger.LogInformation("Calendar event {Id} '{Name}' added on {Domain}", id, entry.Name, e.Auth.Domain);
        log.Add(new ReadBack(e.Event, memberId, id, entry.Name ?? string.Empty));
    }
}
