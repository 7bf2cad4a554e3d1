using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Events;

/// <summary>
/// The batch a poller holds: the <c>process_id</c> its records are reserved for on the portal, and the ids of those
/// already handled but not yet cleared.
/// </summary>
/// <param name="ProcessId">The process the portal reserved the batch for.</param>
/// <param name="HandledIds">The ids of the records handled so far, in the order they were handled.</param>
public sealed record Bitrix24OfflineCheckpointState(string ProcessId, IReadOnlyList<long> HandledIds)
{
    /// <summary>Describes the state.</summary>
    public override string ToString() => "Bitrix24OfflineCheckpointState { ProcessId = " + ProcessId + ", HandledIds = [" + string.Join(", ", HandledIds) + "] }";
}

/// <summary>
/// Where a <see cref="Bitrix24OfflineEvents"/> poller keeps the batch it holds, so that after a crash the next start
/// clears what was handled and takes over the rest. It is saved after every handled record: make saving cheap and
/// durable (a row in your database, a file). One checkpoint belongs to one poller at a time.
/// </summary>
public interface IBitrix24OfflineCheckpoint
{
    /// <summary>Reads the saved state; null when no batch is held.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<Bitrix24OfflineCheckpointState?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the saved state.</summary>
    /// <param name="state">The batch held and its handled records.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SaveAsync(Bitrix24OfflineCheckpointState state, CancellationToken cancellationToken);

    /// <summary>Forgets the state: no batch is held any more.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Keeps the checkpoint in memory: a new enumeration of the same poller takes over what an abandoned one left, but
/// nothing survives the process. For tests, and for processes that accept losing a batch reserved when they die
/// (the portal deletes reserved records after 30 days).
/// </summary>
public sealed class InMemoryBitrix24OfflineCheckpoint : IBitrix24OfflineCheckpoint
{
    private volatile Bitrix24OfflineCheckpointState? _state;

    /// <inheritdoc/>
    public ValueTask<Bitrix24OfflineCheckpointState?> LoadAsync(CancellationToken cancellationToken) => new(_state);

    /// <inheritdoc/>
    public ValueTask SaveAsync(Bitrix24OfflineCheckpointState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        // A copy: the caller goes on appending to its own list.
        _state = state with { HandledIds = [.. state.HandledIds] };
        return default;
    }

    /// <inheritdoc/>
    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _state = null;
        return default;
    }
}
