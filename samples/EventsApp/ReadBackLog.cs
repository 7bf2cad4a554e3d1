using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EventsApp;

/// <summary>What a handler read back through the client after an event: the event, the portal, the entity's id and name.</summary>
/// <param name="Event">The event's name.</param>
/// <param name="MemberId">The portal the event came from.</param>
/// <param name="Id">The entity's id.</param>
/// <param name="Name">The entity's name or title as the portal returned it.</param>
public sealed record ReadBack(string Event, string MemberId, int Id, string Name);

/// <summary>The entities the handlers have read back, which the sample prints and the tests wait for.</summary>
public sealed class ReadBackLog
{
    private readonly ConcurrentQueue<ReadBack> _entries = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Everything read back so far, oldest first.</summary>
    public IReadOnlyList<ReadBack> Entries => _entries.ToArray();

    /// <summary>Records what a handler read.</summary>
    public void Add(ReadBack entry)
    {
        _entries.Enqueue(entry);
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
    }

    /// <summary>Waits until a handler has read back the entity of <paramref name="eventName"/> with this id.</summary>
    public async Task<ReadBack> WaitForAsync(string eventName, int id, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var found = _entries.FirstOrDefault(e => e.Id == id && string.Equals(e.Event, eventName, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
            {
                return found;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
