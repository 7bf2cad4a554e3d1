using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Events;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>Handles one kind of event a portal posts, after its application token was checked.</summary>
/// <typeparam name="TEvent">The generated event class, e.g. <c>OnCrmDealAdd</c>.</typeparam>
public interface IBitrix24EventHandler<in TEvent>
    where TEvent : Bitrix24Event
{
    /// <summary>Handles the event; runs in the background, after the portal was answered.</summary>
    /// <param name="e">The event, read as its generated class.</param>
    /// <param name="cancellationToken">Cancelled when the application stops and the time to drain the queue is up.</param>
    Task HandleAsync(TEvent e, CancellationToken cancellationToken);
}
