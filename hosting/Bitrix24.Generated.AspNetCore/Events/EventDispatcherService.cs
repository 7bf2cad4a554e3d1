using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>
/// Runs the handlers of the queued events in the background. A failing handler is logged and the next one runs;
/// at shutdown the queue is closed and what it holds is still handled, until the host's shutdown time runs out.
/// </summary>
internal sealed class EventDispatcherService : BackgroundService
{
    private readonly EventQueue _queue;
    private readonly EventHandlers _handlers;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly int _workers;

    // Cancelled only once the host gives up waiting: stopping itself must not cancel handlers still draining.
    private readonly CancellationTokenSource _abort = new();

    public EventDispatcherService(EventQueue queue, EventHandlers handlers, IServiceScopeFactory scopes, IOptions<Bitrix24EventsOptions> options, ILogger<EventDispatcherService> logger)
    {
        _queue = queue;
        _handlers = handlers;
        _scopes = scopes;
        _logger = logger;
        _workers = Math.Max(1, options.Value.MaxConcurrentHandlers);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        using var registration = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    // Off the host's start: ExecuteAsync runs synchronously up to its first await.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));

    private async Task WorkAsync()
    {
        try
        {
            // Reads until the queue is closed and empty, so that what was accepted before shutdown is handled.
            await foreach (var e in _queue.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                try
                {
                    await DispatchAsync(e, _abort.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !_abort.IsCancellationRequested)
                {
                    // E.g. a scoped service failing to dispose: the worker carries on with the next event.
                    EventsLog.HandlerFailed(_logger, exception, "(scope)", e.Event, e.Auth?.MemberId);
                }
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            EventsLog.DrainCancelled(_logger);
        }
    }

    private async Task DispatchAsync(Bitrix24Event e, CancellationToken cancellationToken)
    {
        var handlers = _handlers.For(e.GetType());
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.InvokeAsync(e, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception)
                {
                    EventsLog.HandlerFailed(_logger, exception, handler.Name, e.Event, e.Auth?.MemberId);
                }
            }
        }
    }
}
