using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Bitrix24.Generated.Calendar;
using Bitrix24.Generated.Events;

namespace Bitrix24.Generated.AspNetCore.Tests;

/// <summary>The events the handlers of a test got, in order, to be awaited.</summary>
internal sealed class Received
{
    private readonly Channel<Bitrix24Event> _events = Channel.CreateUnbounded<Bitrix24Event>();

    public void Add(Bitrix24Event e) => _events.Writer.TryWrite(e);

    public async Task<T> NextAsync<T>()
        where T : Bitrix24Event
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return Assert.IsType<T>(await _events.Reader.ReadAsync(timeout.Token));
    }

    public bool TryTake(out Bitrix24Event? e) => _events.Reader.TryRead(out e);
}

/// <summary>A handler class, resolved per event, that records what it gets.</summary>
internal sealed class RecordingCalendarHandler(Received received) : IBitrix24EventHandler<OnCalendarEntryAdd>
{
    public Task HandleAsync(OnCalendarEntryAdd e, CancellationToken cancellationToken)
    {
        received.Add(e);
        return Task.CompletedTask;
    }
}
