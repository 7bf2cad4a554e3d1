using System;
using System.Collections.Generic;

namespace Bitrix24.Generated.Events;

/// <summary>How a <see cref="Bitrix24OfflineEvents"/> poller reads the offline event queue.</summary>
public sealed class Bitrix24OfflineEventsOptions
{
    /// <summary>The largest batch: the documented default of <c>event.offline.get</c>'s <c>limit</c>.</summary>
    public const int MaxBatchSize = 50;

    private int _batchSize = MaxBatchSize;
    private TimeSpan _pollInterval = TimeSpan.FromSeconds(5);

    /// <summary>How many records one <c>event.offline.get</c> reserves, 1 to <see cref="MaxBatchSize"/>; 50 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..50.</exception>
    public int BatchSize
    {
        get => _batchSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxBatchSize);
            _batchSize = value;
        }
    }

    /// <summary>
    /// Only these events (e.g. <c>ONCRMDEALUPDATE</c>, any case) are read; null or empty for all. Records of other
    /// events stay in the queue for other readers.
    /// </summary>
    public IReadOnlyCollection<string>? EventNames { get; set; }

    /// <summary>
    /// The source key (<c>auth_connector</c>) the offline bindings were made with, to read that source's queue; null
    /// for the records without one. Writes an application makes with the same key are not queued for it, which
    /// keeps it from reading its own changes back.
    /// </summary>
    public string? AuthConnector { get; set; }

    /// <summary>How long <see cref="Bitrix24OfflineEvents.ReadAllAsync"/> waits before asking again when the queue is empty; 5 s by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _pollInterval = value;
        }
    }

    /// <summary>
    /// Where the poller keeps the batch it holds and which of its records are handled; null for one in memory.
    /// Only a durable checkpoint (e.g. <see cref="FileBitrix24OfflineCheckpoint"/>) lets a restarted process take
    /// over the batch of one that died; each poller running at the same time needs a checkpoint of its own.
    /// </summary>
    public IBitrix24OfflineCheckpoint? Checkpoint { get; set; }

    /// <summary>
    /// Whether <see cref="Bitrix24OfflineEvents.ProcessAvailableAsync"/> and <see cref="Bitrix24OfflineEvents.ProcessAllAsync"/>
    /// report a record whose handler threw with <c>event.offline.error</c> and go on with the next (true, the default),
    /// or let the exception end the run and leave the record reserved, to be delivered again on the next start (false).
    /// A record reported failed leaves the batch: the portal keeps it marked as an error, and only a read with the
    /// <c>error</c> flag (or <c>event.offline.list</c>) shows it again.
    /// </summary>
    public bool ReportFailures { get; set; } = true;

    /// <summary>The clock the poll interval is waited on; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
