using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Handlers;

namespace Bitrix24.Emulator.Events;

/// <summary>
/// The <c>filter</c> and <c>order</c> of <c>event.offline.get</c> and <c>list</c>: fields <c>ID</c>,
/// <c>TIMESTAMP_X</c>, <c>EVENT_NAME</c>, <c>MESSAGE_ID</c> (and for the list <c>PROCESS_ID</c>, <c>ERROR</c>), the
/// operation written before the field (<c>&gt;=ID</c>, <c>=EVENT_NAME</c>, <c>!MESSAGE_ID</c>), an array value
/// meaning any of its values.
/// </summary>
internal sealed class OfflineEventQuery
{
    private static readonly string[] Operations = [">=", "<=", "!=", "!", "=", ">", "<"];
    private readonly List<Func<OfflineEventRecord, bool>> _conditions = [];
    private readonly List<(string Field, bool Descending)> _order = [];

    private OfflineEventQuery()
    {
    }

    /// <summary>Reads a call's <c>filter</c> and <c>order</c>; <paramref name="defaultOrder"/> when it has no order.</summary>
    /// <exception cref="Bitrix24EmulatorError">A field the queue cannot filter or sort on.</exception>
    public static OfflineEventQuery Read(JsonObject parameters, string defaultOrder, bool withProcessFields)
    {
        var query = new OfflineEventQuery();
        if (parameters["filter"] is JsonObject filter)
        {
            foreach (var (key, value) in filter)
            {
                var operation = Operations.FirstOrDefault(o => key.StartsWith(o, StringComparison.Ordinal)) ?? string.Empty;
                var field = key[operation.Length..].ToUpperInvariant();
                var read = Field(field, withProcessFields);
                var wanted = value is JsonArray many ? many.Select(CallValues.Text).ToList() : [CallValues.Text(value)];
                query._conditions.Add(record => Matches(operation, read(record), wanted));
            }
        }

        if (parameters["order"] is JsonObject order && order.Count > 0)
        {
            foreach (var (key, value) in order)
            {
                var field = key.ToUpperInvariant();
                _ = Field(field, withProcessFields);
                query._order.Add((field, string.Equals(CallValues.Text(value), "DESC", StringComparison.OrdinalIgnoreCase)));
            }
        }
        else
        {
            query._order.Add((defaultOrder, false));
        }

        return query;
    }

    /// <summary>The records the filter lets through, in the order asked, then by id.</summary>
    public IEnumerable<OfflineEventRecord> Apply(IEnumerable<OfflineEventRecord> records)
    {
        var matching = records.Where(r => _conditions.All(c => c(r)));
        IOrderedEnumerable<OfflineEventRecord>? ordered = null;
        foreach (var (field, descending) in _order)
        {
            var key = SortKey(field);
            ordered = ordered is null
                ? descending ? matching.OrderByDescending(key) : matching.OrderBy(key)
                : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }

        return ordered is null ? matching.OrderBy(r => r.Id) : ordered.ThenBy(r => r.Id);
    }

    private static Func<OfflineEventRecord, IComparable> SortKey(string field) => field switch
    {
        "ID" => r => r.Id,
        "TIMESTAMP_X" => r => r.Timestamp,
        "ERROR" => r => r.Error,
        _ => r => Field(field, true)(r),
    };

    private static Func<OfflineEventRecord, string> Field(string field, bool withProcessFields) => field switch
    {
        "ID" => r => r.Id.ToString(CultureInfo.InvariantCulture),
        "TIMESTAMP_X" => r => OfflineEventRecord.FormatTimestamp(r.Timestamp),
        "EVENT_NAME" => r => r.EventName,
        "MESSAGE_ID" => r => r.MessageId,
        "PROCESS_ID" when withProcessFields => r => r.ProcessId,
        "ERROR" when withProcessFields => r => r.Error ? "1" : "0",
        _ => throw new Bitrix24EmulatorError(400, "ERROR_CORE", $"Unknown field definition `{field}`"),
    };

    // Numbers compare as numbers, dates as instants, the rest as text without case, as the portal's database does.
    private static bool Matches(string operation, string actual, List<string?> wanted)
    {
        if (operation is "" or "=")
        {
            return wanted.Any(w => Compare(actual, w) == 0);
        }

        if (operation is "!" or "!=")
        {
            return wanted.All(w => Compare(actual, w) != 0);
        }

        var single = wanted.FirstOrDefault();
        var comparison = Compare(actual, single);
        return operation switch
        {
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            "<" => comparison < 0,
            _ => comparison <= 0,
        };
    }

    private static int Compare(string actual, string? wanted)
    {
        if (wanted is null)
        {
            return 1;
        }

        if (long.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left) &&
            long.TryParse(wanted, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var right))
        {
            return left.CompareTo(right);
        }

        if (DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var leftTime) &&
            DateTimeOffset.TryParse(wanted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rightTime))
        {
            return leftTime.CompareTo(rightTime);
        }

        return string.Compare(actual, wanted, StringComparison.OrdinalIgnoreCase);
    }
}
