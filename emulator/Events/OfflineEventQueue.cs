using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// The portal's offline event queue: the events of offline bindings, kept until the application takes them with
/// <c>event.offline.get</c>. It keeps the latest state per object rather than every change: a new event with the
/// same <c>MESSAGE_ID</c> as a waiting record refreshes it. One lock serialises every change, so two concurrent
/// <c>get</c> calls never hand out the same record.
/// </summary>
internal sealed class OfflineEventQueue
{
    private readonly object _lock = new();
    private readonly List<OfflineEventRecord> _records = [];
    private readonly TimeProvider _time;
    private int _lastId;

    public OfflineEventQueue(TimeProvider time) => _time = time;

    /// <summary>How many records the queue holds, reserved and failed ones included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Drops every record, as removing the application does.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _records.Clear();
        }
    }

    /// <summary>The records, oldest id first.</summary>
    public IReadOnlyList<OfflineEventRecord> Snapshot()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }

    /// <summary>Records an event; refreshes the waiting record of the same object instead of adding a second one.</summary>
    /// <param name="eventName">The event's name.</param>
    /// <param name="data">What it carries.</param>
    /// <param name="additional">What else the portal tells (the user who caused it), or null.</param>
    public OfflineEventRecord Add(string eventName, JsonNode? data, JsonNode? additional = null)
    {
        var name = eventName.ToUpperInvariant();
        var messageId = MessageId(name, data);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var waiting = _records.FindIndex(r => r.MessageId == messageId && r.ProcessId.Length == 0 && !r.Error);
            if (waiting >= 0)
            {
                var refreshed = _records[waiting] with { Timestamp = now, Data = data?.DeepClone(), Additional = additional?.DeepClone() };
                _records[waiting] = refreshed;
                return refreshed;
            }

            var record = new OfflineEventRecord(++_lastId, now, name, data?.DeepClone(), additional?.DeepClone(), messageId, string.Empty, false);
            _records.Add(record);
            return record;
        }
    }

    /// <summary>
    /// <c>event.offline.get</c>: the first waiting records the query lets through, deleted (<paramref name="clear"/>)
    /// or reserved for a new process; with <paramref name="processId"/>, the records that process still holds.
    /// </summary>
    /// <returns>The process the records are reserved for (null when they were deleted) and the records.</returns>
    public (string? ProcessId, IReadOnlyList<OfflineEventRecord> Records) Take(OfflineEventQuery query, int limit, bool clear, string? processId, bool includeErrors)
    {
        lock (_lock)
        {
            var candidates = string.IsNullOrEmpty(processId)
                ? _records.Where(r => r.ProcessId.Length == 0 && (includeErrors || !r.Error))
                : _records.Where(r => r.ProcessId == processId);
            var taken = query.Apply(candidates).Take(limit).ToList();
            if (clear)
            {
                _records.RemoveAll(taken.Contains);
                return (string.IsNullOrEmpty(processId) ? null : processId, taken);
            }

            var holder = string.IsNullOrEmpty(processId) ? NewProcessId() : processId;
            var reserved = new List<OfflineEventRecord>(taken.Count);
            foreach (var record in taken)
            {
                var held = record with { ProcessId = holder };
                _records[_records.IndexOf(record)] = held;
                reserved.Add(held);
            }

            return (holder, reserved);
        }
    }

    /// <summary><c>event.offline.clear</c>: deletes the process's records with these ids, or these message ids, or all of them.</summary>
    /// <returns>How many records were deleted.</returns>
    public int Clear(string processId, IReadOnlyCollection<int>? ids, IReadOnlyCollection<string>? messageIds)
    {
        lock (_lock)
        {
            return _records.RemoveAll(r => r.ProcessId == processId &&
                (ids is { Count: > 0 } ? ids.Contains(r.Id) : messageIds is not { Count: > 0 } || messageIds.Contains(r.MessageId, StringComparer.OrdinalIgnoreCase)));
        }
    }

    /// <summary>
    /// <c>event.offline.error</c>: marks the process's records of these message ids (all of its records when none
    /// are given) as failed and releases them, so that <c>get</c> with <c>error=1</c> can hand them out again.
    /// </summary>
    /// <returns>How many records were marked.</returns>
    public int MarkFailed(string processId, IReadOnlyCollection<string>? messageIds)
    {
        lock (_lock)
        {
            var marked = 0;
            for (var i = 0; i < _records.Count; i++)
            {
                var record = _records[i];
                if (record.ProcessId == processId && (messageIds is not { Count: > 0 } || messageIds.Contains(record.MessageId, StringComparer.OrdinalIgnoreCase)))
                {
                    _records[i] = record with { ProcessId = string.Empty, Error = true };
                    marked++;
                }
            }

            return marked;
        }
    }

    /// <summary>Every record the query lets through, in its order: what <c>event.offline.list</c> pages over.</summary>
    public IReadOnlyList<OfflineEventRecord> List(OfflineEventQuery query)
    {
        lock (_lock)
        {
            return query.Apply(_records).ToList();
        }
    }

    // The key of the object an event is about: the event and its data, so that repeated changes of one deal share it.
    private static string MessageId(string eventName, JsonNode? data) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventName + "|" + (data?.ToJsonString() ?? string.Empty))).AsSpan(0, 16)).ToLowerInvariant();

    private static string NewProcessId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
