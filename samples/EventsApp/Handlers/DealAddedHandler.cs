using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated;
using Bitrix24.Generated.AspNetCore;
using Bitrix24.Generated.Crm;
using Microsoft.Extensions.Logging;

namespace EventsApp.Handlers;

/// <summary>On a new deal, reads it back from the portal it happened on.</summary>
internal sealed class DealAddedHandler(IBitrix24ClientFactory<Bitrix24Client> clients, ReadBackLog log, ILogger<DealAddedHandler> logger)
    : IBitrix24EventHandler<OnCrmDealAdd>
{
    public async Task HandleAsync(OnCrmDealAdd e, CancellationToken cancellationToken)
    {
        var memberId = e.Auth!.MemberId!;
        if (e.Data.Fields?.Id is not { } id)
        {
            logger.LogWarning("{Event} from {MemberId} names no deal", e.Event, memberId);
            return;
        }

        var client = await clients.ForPortalAsync(memberId, cancellationToken);
        var deal = (await client.Crm.Deal.GetAsync(id, cancellationToken)).Value;
        logger.LogInformation("Deal {Id} '{Title}' added on {Domain}", id, deal.Title, e.Auth.Domain);
        log.Add(new ReadBack(e.Event, memberId, id, deal.Title ?? string.Empty));
    }
}
