using System.Threading.Channels;
using Bitrix24.Generated.Events;

namespace Bitrix24.Generated.AspNetCore;

/// <summary>The accepted events waiting for their handlers: bounded, so that a flood is refused rather than kept in memory.</summary>
internal sealed class EventQueue
{
    private readonly Channel<Bitrix24Event> _channel;

    public EventQueue(int capacity)
    {
        _channel = Channel.CreateBounded<Bitrix24Event>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = false,
        });
    }

    public ChannelReader<Bitrix24Event> Reader => _channel.Reader;

    /// <summary>Queues an event; false when the queue is full or closed for shutdown.</summary>
    public bool TryEnqueue(Bitrix24Event e) => _channel.Writer.TryWrite(e);

    /// <summary>Takes no more events; the ones queued are still handed out.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
