using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitrix24.Generated.Events;

/// <summary>
/// Reads a portal's offline event queue so that nothing is lost and each record is cleared once, even when the
/// process dies in the middle of a batch. Needs an application's authorization (OAuth): the portal answers the
/// <c>event.offline.*</c> methods for applications only.
/// </summary>
/// <remarks>
/// <para>
/// Each batch is taken with <c>event.offline.get</c> and <c>clear=0</c>: the portal reserves the records for a
/// <c>process_id</c> and hides them from other readers, so pollers running in parallel never get the same record.
/// The process id is saved to the <see cref="Bitrix24OfflineEventsOptions.Checkpoint"/> before the first record is
/// handed out, and the id of every handled record is added to it as soon as it is handled. At the end of the batch the
/// handled records are cleared with <c>event.offline.clear</c> (by id) and the checkpoint is cleared.
/// </para>
/// <para>
/// On start a saved checkpoint means an earlier run stopped in a batch: its handled records are cleared first, then
/// <c>event.offline.get</c> with its <c>process_id</c> returns the records the process still holds, and those are
/// delivered before any new ones. A crash therefore repeats at most the record that was being handled.
/// </para>
/// <para>
/// One gap remains: a batch the portal reserved but whose answer never arrived, or arrived just before the process
/// died and before the checkpoint was saved, is held by a process nobody knows. The portal deletes such records after
/// 30 days; <c>event.offline.list</c> shows them with their <c>PROCESS_ID</c>.
/// </para>
/// <para>
/// An instance runs one read at a time, over its checkpoint; run several instances, each with its own checkpoint,
/// to read in parallel.
/// </para>
/// </remarks>
public sealed class Bitrix24OfflineEvents
{
    private readonly Bitrix24Connection _connection;
    private readonly Bitrix24OfflineEventsOptions _options;
    private readonly IBitrix24OfflineCheckpoint _checkpoint;
    private readonly ILogger _logger;
    private int _reading;

    /// <summary>Creates a poller.</summary>
    /// <param name="connection">An application's connection to the portal (OAuth).</param>
    /// <param name="options">Batch size, event names, poll interval, checkpoint; null for the defaults.</param>
    /// <param name="logger">Where failed records reported with <c>event.offline.error</c> are logged (ids and names, never data).</param>
    public Bitrix24OfflineEvents(Bitrix24Connection connection, Bitrix24OfflineEventsOptions? options = null, ILogger? logger = null)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _options = options ?? new Bitrix24OfflineEventsOptions();
        _checkpoint = _options.Checkpoint ?? new InMemoryBitrix24OfflineCheckpoint();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The checkpoint the poller keeps its batch in.</summary>
    public IBitrix24OfflineCheckpoint Checkpoint => _checkpoint;

    /// <summary>
    /// Yields the queue's records, first those an earlier run left, and goes on asking every
    /// <see cref="Bitrix24OfflineEventsOptions.PollInterval"/> while the queue is empty, until cancelled.
    /// </summary>
    /// <remarks>
    /// A record counts as handled when the next one is asked for (or the enumeration ends because there are no more).
    /// Leaving the loop otherwise, by <c>break</c>, an exception or cancellation, leaves the current record and the rest
    /// of the batch reserved: the next read, by this instance or a new one over the same checkpoint, delivers them
    /// again. An enumerator cannot tell a <c>break</c> from a failure, so nothing is reported with
    /// <c>event.offline.error</c> here; use <see cref="ProcessAllAsync"/> for that. A call that fails (after the
    /// connection's retries) ends the enumeration with its <see cref="Bitrix24Exception"/>; the checkpoint keeps the
    /// batch, and reading again goes on where it stopped.
    /// </remarks>
    /// <param name="cancellationToken">Stops polling; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidOperationException">Another read of this instance is running.</exception>
    public IAsyncEnumerable<Bitrix24OfflineEvent> ReadAllAsync(CancellationToken cancellationToken = default) => ReadAsync(untilEmpty: false, cancellationToken);

    /// <summary>
    /// Yields the records waiting now, first those an earlier run left, and ends when the queue has no more: for
    /// batch jobs and tests. A record counts as handled as with <see cref="ReadAllAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidOperationException">Another read of this instance is running.</exception>
    public IAsyncEnumerable<Bitrix24OfflineEvent> ReadAvailableAsync(CancellationToken cancellationToken = default) => ReadAsync(untilEmpty: true, cancellationToken);

    /// <summary>
    /// Hands the records waiting now to <paramref name="handler"/> one by one and returns when the queue has no more.
    /// A record counts as handled when the handler returns. When it throws, see
    /// <see cref="Bitrix24OfflineEventsOptions.ReportFailures"/>.
    /// </summary>
    /// <param name="handler">Handles one record.</param>
    /// <param name="cancellationToken">Stops the run; also passed to the handler.</param>
    /// <returns>How many records the handler handled (those reported failed not counted).</returns>
    /// <exception cref="InvalidOperationException">Another read of this instance is running.</exception>
    public Task<int> ProcessAvailableAsync(Func<Bitrix24OfflineEvent, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ProcessAsync(handler, untilEmpty: true, cancellationToken);
    }

    /// <summary>
    /// Hands the queue's records to <paramref name="handler"/> one by one, polling while the queue is empty, until
    /// cancelled. A record counts as handled when the handler returns. When it throws, see
    /// <see cref="Bitrix24OfflineEventsOptions.ReportFailures"/>.
    /// </summary>
    /// <param name="handler">Handles one record.</param>
    /// <param name="cancellationToken">Stops polling (the task is then cancelled); also passed to the handler.</param>
    /// <exception cref="InvalidOperationException">Another read of this instance is running.</exception>
    public Task ProcessAllAsync(Func<Bitrix24OfflineEvent, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ProcessAsync(handler, untilEmpty: false, cancellationToken);
    }

    /// <inheritdoc/>
    public override string ToString() => "Bitrix24OfflineEvents { BatchSize = " + _options.BatchSize + ", Checkpoint = " + _checkpoint + " }";

    private async IAsyncEnumerable<Bitrix24OfflineEvent> ReadAsync(bool untilEmpty, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            var session = new Session(this);
            while (await session.NextAsync(untilEmpty, cancellationToken).ConfigureAwait(false) is { } record)
            {
                yield return record;

                // Asked for the next record: the one before is done.
                await session.HandledAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Exit();
        }
    }

    private async Task<int> ProcessAsync(Func<Bitrix24OfflineEvent, CancellationToken, ValueTask> handler, bool untilEmpty, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            var session = new Session(this);
            var handled = 0;
            while (await session.NextAsync(untilEmpty, cancellationToken).ConfigureAwait(false) is { } record)
            {
                try
                {
                    await handler(record, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (_options.ReportFailures && !cancellationToken.IsCancellationRequested)
                {
                    OfflineEventsLog.Failed(_logger, record.Id, record.EventName, exception);
                    await session.FailedAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await session.HandledAsync().ConfigureAwait(false);
                handled++;
            }

            return handled;
        }
        finally
        {
            Exit();
        }
    }

    private void Enter()
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("This poller is already reading; two reads over one checkpoint would overwrite each other's state. Use another instance with a checkpoint of its own.");
        }
    }

    private void Exit() => Volatile.Write(ref _reading, 0);

    private async ValueTask<(string? ProcessId, List<Bitrix24OfflineEvent> Events)> GetAsync(string? processId, CancellationToken cancellationToken)
    {
        // A process's records are asked for without the filter: one saved by a run with other event names must be
        // taken over whole, or what it holds outside today's filter would stay reserved for good.
        var body = OfflineEventWire.GetBody(processId, _options.BatchSize, processId is null ? _options.EventNames : null, _options.AuthConnector);
        var response = await _connection.CallRawAsync(OfflineEventWire.Get, body, OfflineEventWire.Element, cancellationToken).ConfigureAwait(false);
        return OfflineEventWire.ReadBatch(response.Value);
    }

    private async ValueTask ClearAsync(string processId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await _connection.CallRawAsync(OfflineEventWire.Clear, OfflineEventWire.ClearBody(processId, ids), OfflineEventWire.Element, cancellationToken).ConfigureAwait(false);

    private async ValueTask ReportAsync(string processId, string messageId, CancellationToken cancellationToken) =>
        await _connection.CallRawAsync(OfflineEventWire.Error, OfflineEventWire.ErrorBody(processId, messageId), OfflineEventWire.Element, cancellationToken).ConfigureAwait(false);

    /// <summary>One read: the batch held, where in it the reader is, and what is handled.</summary>
    private sealed class Session
    {
        private readonly Bitrix24OfflineEvents _owner;
        private readonly List<long> _handled = [];
        private bool _loaded;
        private bool _recovering;
        private string? _processId;
        private List<Bitrix24OfflineEvent>? _batch;
        private bool _batchRecovered;
        private int _next;
        private Bitrix24OfflineEvent? _current;

        public Session(Bitrix24OfflineEvents owner) => _owner = owner;

        private IBitrix24OfflineCheckpoint Checkpoint => _owner._checkpoint;

        /// <summary>The next record, fetching a batch when needed; null when the queue is empty and <paramref name="untilEmpty"/>.</summary>
        public async ValueTask<Bitrix24OfflineEvent?> NextAsync(bool untilEmpty, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_batch is not null)
                {
                    if (_next < _batch.Count)
                    {
                        _current = _batch[_next++];
                        return _current;
                    }

                    await FinishBatchAsync(cancellationToken).ConfigureAwait(false);
                }

                if (!_loaded)
                {
                    var saved = await Checkpoint.LoadAsync(cancellationToken).ConfigureAwait(false);
                    _loaded = true;
                    if (saved is not null)
                    {
                        _recovering = true;
                        _processId = saved.ProcessId;
                        _handled.AddRange(saved.HandledIds);
                    }
                }

                if (_recovering)
                {
                    await RecoverAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var (processId, events) = await _owner.GetAsync(null, cancellationToken).ConfigureAwait(false);
                if (events.Count == 0)
                {
                    if (untilEmpty)
                    {
                        return null;
                    }

                    await Task.Delay(_owner._options.PollInterval, _owner._options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (processId is null)
                {
                    // Without a process the portal deleted what it returned: handing it out now is all that can be done.
                    throw new Bitrix24ResponseFormatException(OfflineEventWire.Get.Name, System.Net.HttpStatusCode.OK, "application/json", string.Empty,
                        "event.offline.get with clear=0 returned records without a process_id; the portal may not offer reserving offline events (feature rest_offline_extended).");
                }

                // Saved whatever the token says: the batch is reserved now and must be found again after a crash.
                _processId = processId;
                await Checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState(processId, []), CancellationToken.None).ConfigureAwait(false);
                Start(events, recovered: false);
            }
        }

        /// <summary>The current record is done: its id goes into the checkpoint at once.</summary>
        public ValueTask HandledAsync()
        {
            var record = _current ?? throw new InvalidOperationException("No record is being handled.");
            _current = null;
            _handled.Add(record.Id);
            // Not cancellable: the work is done, and forgetting it would only repeat it.
            return Checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState(_processId!, _handled.ToArray()), CancellationToken.None);
        }

        /// <summary>The current record failed: the portal marks it as an error and releases it from the process.</summary>
        public async ValueTask FailedAsync(CancellationToken cancellationToken)
        {
            var record = _current ?? throw new InvalidOperationException("No record is being handled.");
            await _owner.ReportAsync(_processId!, record.MessageId, cancellationToken).ConfigureAwait(false);
            _current = null;
        }

        private void Start(List<Bitrix24OfflineEvent> events, bool recovered)
        {
            _batch = events;
            _batchRecovered = recovered;
            _next = 0;
            _handled.Clear();
        }

        /// <summary>
        /// Clears what an earlier run handled, then takes the records its process still holds; when it holds none,
        /// the checkpoint is done with.
        /// </summary>
        private async ValueTask RecoverAsync(CancellationToken cancellationToken)
        {
            var processId = _processId!;
            if (_handled.Count > 0)
            {
                await _owner.ClearAsync(processId, _handled.ToArray(), cancellationToken).ConfigureAwait(false);
                _handled.Clear();
                await Checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState(processId, []), CancellationToken.None).ConfigureAwait(false);
            }

            var (_, events) = await _owner.GetAsync(processId, cancellationToken).ConfigureAwait(false);
            if (events.Count == 0)
            {
                await Checkpoint.ClearAsync(CancellationToken.None).ConfigureAwait(false);
                _recovering = false;
                _processId = null;
                return;
            }

            Start(events, recovered: true);
        }

        /// <summary>Clears the batch's handled records on the portal, then the checkpoint.</summary>
        private async ValueTask FinishBatchAsync(CancellationToken cancellationToken)
        {
            var processId = _processId!;
            if (_handled.Count > 0)
            {
                await _owner.ClearAsync(processId, _handled.ToArray(), cancellationToken).ConfigureAwait(false);
                _handled.Clear();
            }

            _batch = null;
            if (_batchRecovered)
            {
                // A process from an earlier run may hold more than one batch of this run's size: ask it again.
                await Checkpoint.SaveAsync(new Bitrix24OfflineCheckpointState(processId, []), CancellationToken.None).ConfigureAwait(false);
                _recovering = true;
                return;
            }

            await Checkpoint.ClearAsync(CancellationToken.None).ConfigureAwait(false);
            _processId = null;
        }
    }
}

/// <summary>The poller's log messages: record ids and event names, never the records' data.</summary>
internal static class OfflineEventsLog
{
    private static readonly Action<ILogger, long, string, Exception?> FailedRecord =
        LoggerMessage.Define<long, string>(LogLevel.Warning, new EventId(20, "OfflineEventFailed"), "Bitrix24 offline event {Id} ({EventName}) failed in its handler; reported with event.offline.error");

    public static void Failed(ILogger logger, long id, string eventName, Exception exception) => FailedRecord(logger, id, eventName, exception);
}
