using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Emulator;
using Bitrix24.Generated.Events;
using Bitrix24.Generated.Serialization;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The offline events poller against the emulator's offline queue, an application's connection.</summary>
public sealed class OfflineEventsTests : IAsyncLifetime
{
    private Bitrix24Emulator _portal = null!;
    private readonly List<Bitrix24Connection> _connections = [];

    public async Task InitializeAsync() => _portal = await Bitrix24Emulator.StartAsync(new Bitrix24EmulatorOptions { RateLimit = null });

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Every_event_is_read_once_and_the_queue_ends_empty()
    {
        var raised = Raise(120);
        var checkpoint = new InMemoryBitrix24OfflineCheckpoint();
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { Checkpoint = checkpoint });

        var read = await ToListAsync(events.ReadAvailableAsync());

        Assert.Equal(raised, read.Select(DealId));
        Assert.Equal(120, read.Select(e => e.Id).Distinct().Count());
        Assert.All(read, e => Assert.Equal("ONCRMDEALUPDATE", e.EventName));
        Assert.All(read, e => Assert.InRange(e.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.All(read, e => Assert.Equal(JsonValueKind.False, e.Additional.ValueKind));
        Assert.Equal(0, _portal.OfflineEventCount);
        Assert.Null(await checkpoint.LoadAsync(default));
        // Three batches of 50, 50 and 20, each cleared by id once.
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), ClearedIds().Order());
    }

    [Fact]
    public async Task Events_raised_while_polling_are_picked_up()
    {
        Raise(2);
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var read = new List<Bitrix24OfflineEvent>();
        Task? later = null;

        await foreach (var record in events.ReadAllAsync(timeout.Token))
        {
            read.Add(record);
            if (read.Count == 2)
            {
                // Raised once the first batch is done and the poller waits on an empty queue.
                later = Task.Run(async () =>
                {
                    await Task.Delay(200);
                    Raise(3, firstId: 100);
                });
            }

            if (read.Count == 5)
            {
                break;
            }
        }

        await later!;
        Assert.Equal(["1", "2", "100", "101", "102"], read.Select(DealId));
        Assert.True(_portal.Requests.Count(r => r.Method == "event.offline.get") >= 3, "the poller asked again while the queue was empty");

        // Leaving the loop by break does not mark the record in hand: the next read delivers it again, and only it.
        var again = await ToListAsync(events.ReadAvailableAsync(timeout.Token));
        Assert.Equal(["102"], again.Select(DealId));
        Assert.Equal(0, _portal.OfflineEventCount);
    }

    [Fact]
    public async Task A_crash_mid_batch_clears_the_handled_records_once_and_delivers_the_rest()
    {
        Raise(5);
        var checkpoint = new InMemoryBitrix24OfflineCheckpoint();
        var options = new Bitrix24OfflineEventsOptions { Checkpoint = checkpoint };
        var crashed = await HandleThreeAndAbandonAsync(new Bitrix24OfflineEvents(Connect(), options));

        // The process died: the fourth record was in hand, the fifth not reached; nothing was cleared yet.
        Assert.Equal(["1", "2", "3", "4"], crashed.Select(DealId));
        var saved = await checkpoint.LoadAsync(default);
        Assert.NotNull(saved);
        Assert.Equal([1L, 2L, 3L], saved.HandledIds);
        Assert.Equal(5, _portal.OfflineEventCount);
        Assert.All(_portal.OfflineEvents, r => Assert.Equal(saved.ProcessId, r.ProcessId));
        Assert.Empty(ClearedIds());

        var restarted = new Bitrix24OfflineEvents(Connect(), options);
        var recovered = await ToListAsync(restarted.ReadAvailableAsync());

        Assert.Equal(["4", "5"], recovered.Select(DealId));
        Assert.Equal(0, _portal.OfflineEventCount);
        Assert.Null(await checkpoint.LoadAsync(default));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], ClearedIds().Order());
        // The restart cleared the handled records before asking the dead process for what it still held; then it
        // cleared those, asked the process once more (it held nothing) and went on to new records.
        var calls = _portal.Requests.Where(r => r.Method.StartsWith("event.offline.", StringComparison.Ordinal)).Select(r => r.Method).ToList();
        Assert.Equal(["event.offline.get", "event.offline.clear", "event.offline.get", "event.offline.clear", "event.offline.get", "event.offline.get"], calls);
        Assert.Contains(saved.ProcessId, _portal.Requests.Where(r => r.Method == "event.offline.get").Skip(1).First().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_checkpoint_carries_the_batch_over_to_a_new_process()
    {
        Raise(5);
        var folder = Directory.CreateTempSubdirectory("offline-checkpoint-");
        try
        {
            var path = Path.Combine(folder.FullName, "checkpoint.json");
            await HandleThreeAndAbandonAsync(new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { Checkpoint = new FileBitrix24OfflineCheckpoint(path) }));

            var onDisk = await new FileBitrix24OfflineCheckpoint(path).LoadAsync(default);
            Assert.NotNull(onDisk);
            Assert.Equal([1L, 2L, 3L], onDisk.HandledIds);
            Assert.False(File.Exists(path + ".tmp"));

            // A new process: a new connection, poller and checkpoint object over the same file.
            var restarted = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { Checkpoint = new FileBitrix24OfflineCheckpoint(path) });
            var recovered = await ToListAsync(restarted.ReadAvailableAsync());

            Assert.Equal(["4", "5"], recovered.Select(DealId));
            Assert.Equal(0, _portal.OfflineEventCount);
            Assert.False(File.Exists(path));
            Assert.Equal([1L, 2L, 3L, 4L, 5L], ClearedIds().Order());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Two_pollers_in_parallel_never_get_the_same_record()
    {
        var raised = Raise(200);
        var options = () => new Bitrix24OfflineEventsOptions { BatchSize = 7 };
        var first = new Bitrix24OfflineEvents(Connect(), options());
        var second = new Bitrix24OfflineEvents(Connect(), options());

        // Each holds its first batch until the other has one too, so both certainly read at the same time.
        using var bothStarted = new CountdownEvent(2);
        var reads = await Task.WhenAll(Task.Run(() => ReadSlowlyAsync(first, bothStarted)), Task.Run(() => ReadSlowlyAsync(second, bothStarted)));

        Assert.NotEmpty(reads[0]);
        Assert.NotEmpty(reads[1]);
        Assert.Empty(reads[0].Select(e => e.Id).Intersect(reads[1].Select(e => e.Id)));
        Assert.Equal(raised.Order(StringComparer.Ordinal), reads.SelectMany(r => r).Select(DealId).Order(StringComparer.Ordinal));
        Assert.Equal(0, _portal.OfflineEventCount);
        Assert.Equal(200, ClearedIds().Count);
    }

    [Fact]
    public async Task A_consumer_that_throws_leaves_its_record_and_the_rest_of_the_batch_for_the_next_read()
    {
        Raise(5);
        var events = new Bitrix24OfflineEvents(Connect());

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var record in events.ReadAvailableAsync())
            {
                if (DealId(record) == "3")
                {
                    throw new InvalidOperationException("the handler failed");
                }
            }
        });

        Assert.Equal(5, _portal.OfflineEventCount);
        Assert.DoesNotContain(_portal.Requests, r => r.Method == "event.offline.error");

        var again = await ToListAsync(events.ReadAvailableAsync());
        Assert.Equal(["3", "4", "5"], again.Select(DealId));
        Assert.Equal(0, _portal.OfflineEventCount);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], ClearedIds().Order());
    }

    [Fact]
    public async Task A_failing_handler_has_its_record_reported_and_the_run_goes_on()
    {
        Raise(5);
        var checkpoint = new InMemoryBitrix24OfflineCheckpoint();
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { Checkpoint = checkpoint });
        var seen = new List<string>();

        var handled = await events.ProcessAvailableAsync((record, _) =>
        {
            seen.Add(DealId(record));
            return DealId(record) == "3" ? throw new InvalidOperationException("the handler failed") : ValueTask.CompletedTask;
        });

        Assert.Equal(4, handled);
        Assert.Equal(["1", "2", "3", "4", "5"], seen);
        // The failed record stays in the queue marked as an error, released from the process; the rest is cleared.
        var left = Assert.Single(_portal.OfflineEvents);
        Assert.Equal("3", left.Data!["FIELDS"]!["ID"]!.GetValue<string>());
        Assert.True(left.Error);
        Assert.Equal(string.Empty, left.ProcessId);
        Assert.Single(_portal.Requests, r => r.Method == "event.offline.error");
        Assert.Equal([1L, 2L, 4L, 5L], ClearedIds().Order());
        Assert.Null(await checkpoint.LoadAsync(default));

        // A normal read does not hand it out again.
        Assert.Equal(0, await events.ProcessAvailableAsync((_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task Without_failure_reports_a_failing_handler_ends_the_run_and_its_record_comes_again()
    {
        Raise(5);
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { ReportFailures = false });
        var failures = 0;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => events.ProcessAvailableAsync((record, _) =>
            DealId(record) == "3" && failures++ == 0 ? throw new InvalidOperationException("the handler failed") : ValueTask.CompletedTask));
        Assert.Equal("the handler failed", exception.Message);
        Assert.DoesNotContain(_portal.Requests, r => r.Method == "event.offline.error");

        var seen = new List<string>();
        var handled = await events.ProcessAvailableAsync((record, _) =>
        {
            seen.Add(DealId(record));
            return ValueTask.CompletedTask;
        });

        Assert.Equal(3, handled);
        Assert.Equal(["3", "4", "5"], seen);
        Assert.Equal(0, _portal.OfflineEventCount);
    }

    [Fact]
    public async Task Cancelling_stops_the_poll_loop_promptly()
    {
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { PollInterval = TimeSpan.FromHours(1) });
        using var cancellation = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();

        var reading = Task.Run(async () =>
        {
            await foreach (var _ in events.ReadAllAsync(cancellation.Token))
            {
            }
        });
        await WaitUntilAsync(() => _portal.Requests.Any(r => r.Method == "event.offline.get"));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {watch.Elapsed}");

        // The instance is free again after the loop ended.
        Raise(1);
        Assert.Single(await ToListAsync(events.ReadAvailableAsync()));
    }

    [Fact]
    public async Task Cancelling_the_handler_run_stops_it_and_a_later_run_clears_what_was_handled()
    {
        Raise(3);
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { PollInterval = TimeSpan.FromHours(1) });
        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.ProcessAllAsync((record, _) =>
        {
            seen.Add(DealId(record));
            if (seen.Count == 3)
            {
                cancellation.Cancel();
            }

            return ValueTask.CompletedTask;
        }, cancellation.Token));

        Assert.Equal(["1", "2", "3"], seen);
        Assert.Empty(await ToListAsync(events.ReadAvailableAsync()));
        Assert.Equal(0, _portal.OfflineEventCount);
        Assert.Equal([1L, 2L, 3L], ClearedIds().Order());
    }

    [Fact]
    public async Task Only_the_named_events_are_read_and_the_others_stay_waiting()
    {
        Raise(3);
        _portal.RaiseOfflineEvent("ONCRMLEADADD", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "9" } });
        var events = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { EventNames = ["onCrmLeadAdd"] });

        var read = await ToListAsync(events.ReadAvailableAsync());

        Assert.Equal("ONCRMLEADADD", Assert.Single(read).EventName);
        Assert.Equal(3, _portal.OfflineEventCount);
        Assert.All(_portal.OfflineEvents, r => Assert.Equal(string.Empty, r.ProcessId));
    }

    [Fact]
    public async Task A_restart_with_other_event_names_still_takes_over_the_whole_batch()
    {
        Raise(5);
        _portal.RaiseOfflineEvent("ONCRMLEADADD", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "9" } });
        var checkpoint = new InMemoryBitrix24OfflineCheckpoint();
        await HandleThreeAndAbandonAsync(new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { Checkpoint = checkpoint, EventNames = ["ONCRMDEALUPDATE"] }));

        var restarted = new Bitrix24OfflineEvents(Connect(), new Bitrix24OfflineEventsOptions { Checkpoint = checkpoint, EventNames = ["ONCRMLEADADD"] });
        var read = await ToListAsync(restarted.ReadAvailableAsync());

        // The deals the dead process held come first though the new filter names leads only; then the lead.
        Assert.Equal(["4", "5", "9"], read.Select(DealId));
        Assert.Equal(0, _portal.OfflineEventCount);
    }

    [Fact]
    public async Task Deals_written_through_an_offline_binding_arrive_while_polling()
    {
        var connection = Connect();
        // An offline binding needs no handler address; the spec marks handler required, so it goes empty.
        await CallAsync(connection, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = string.Empty, ["event_type"] = "offline" });
        var added = new List<string> { await AddDealAsync(connection, "First"), await AddDealAsync(connection, "Second") };
        var events = new Bitrix24OfflineEvents(connection, new Bitrix24OfflineEventsOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<Bitrix24OfflineEvent>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.ProcessAllAsync(async (record, token) =>
        {
            seen.Add(record);
            if (seen.Count == 1)
            {
                // A write while the poller runs: its event is queued and read by a later poll.
                added.Add(await AddDealAsync(connection, "Third"));
            }
            else if (seen.Count == 3)
            {
                stop.Cancel();
            }
        }, stop.Token));

        Assert.Equal(added, seen.Select(DealId));
        Assert.All(seen, e => Assert.Equal("ONCRMDEALADD", e.EventName));
        // The run was stopped before it cleared its last batch; the next read does, and hands out nothing again.
        Assert.Empty(await ToListAsync(events.ReadAvailableAsync()));
        Assert.Equal(0, _portal.OfflineEventCount);
    }

    [Fact]
    public async Task The_source_key_goes_with_every_read_of_the_queue()
    {
        Raise(5, authConnector: "crm-sync");
        Raise(2, firstId: 6);
        var checkpoint = new InMemoryBitrix24OfflineCheckpoint();
        var options = new Bitrix24OfflineEventsOptions { Checkpoint = checkpoint, AuthConnector = "crm-sync" };
        await HandleThreeAndAbandonAsync(new Bitrix24OfflineEvents(Connect(), options));
        var rest = await ToListAsync(new Bitrix24OfflineEvents(Connect(), options).ReadAvailableAsync());

        // The source key's queue only: the application's own two records stay.
        Assert.Equal(["4", "5"], rest.Select(DealId));
        Assert.Equal(2, _portal.OfflineEventCount);

        var gets = _portal.Requests.Where(r => r.Method == "event.offline.get").ToList();
        Assert.True(gets.Count >= 3);
        Assert.All(gets, r => Assert.Equal("crm-sync", (string?)JsonNode.Parse(r.Body)!["auth_connector"]));
    }

    [Fact]
    public async Task One_instance_runs_one_read_at_a_time()
    {
        Raise(2);
        var events = new Bitrix24OfflineEvents(Connect());
        await using var reading = events.ReadAvailableAsync().GetAsyncEnumerator();
        Assert.True(await reading.MoveNextAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await events.ReadAvailableAsync().GetAsyncEnumerator().MoveNextAsync());
    }

    [Fact]
    public async Task A_record_describes_itself_without_its_data()
    {
        _portal.RaiseOfflineEvent("ONCRMCONTACTADD", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = "1" }, ["NAME"] = "secret-name" });
        var record = Assert.Single(await ToListAsync(new Bitrix24OfflineEvents(Connect()).ReadAvailableAsync()));

        Assert.Equal("secret-name", record.Data.GetProperty("NAME").GetString());
        Assert.DoesNotContain("secret-name", record.ToString(), StringComparison.Ordinal);
        Assert.Contains("ONCRMCONTACTADD", record.ToString(), StringComparison.Ordinal);
    }

    // Takes records 1-3 as handled (by asking for the next), holds the fourth, and drops the enumerator undisposed.
    private static async Task<List<Bitrix24OfflineEvent>> HandleThreeAndAbandonAsync(Bitrix24OfflineEvents events)
    {
        var seen = new List<Bitrix24OfflineEvent>();
        var enumerator = events.ReadAvailableAsync().GetAsyncEnumerator();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await enumerator.MoveNextAsync());
            seen.Add(enumerator.Current);
        }

        return seen;
    }

    private static async Task<List<Bitrix24OfflineEvent>> ReadSlowlyAsync(Bitrix24OfflineEvents events, CountdownEvent bothStarted)
    {
        var read = new List<Bitrix24OfflineEvent>();
        await foreach (var record in events.ReadAvailableAsync())
        {
            read.Add(record);
            if (read.Count == 1)
            {
                bothStarted.Signal();
                Assert.True(bothStarted.Wait(TimeSpan.FromSeconds(20)), "the other poller got no batch");
            }

            // Gives the other poller a chance to take its batches in between.
            await Task.Delay(1);
        }

        return read;
    }

    private static readonly JsonTypeInfo<JsonNode?> Json =
        JsonMetadataServices.CreateValueInfo<JsonNode?>(new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, Bitrix24Converters.Json);

    private static async Task<JsonNode?> CallAsync(Bitrix24Connection connection, string method, JsonObject parameters) =>
        (await connection.CallAsync(method, (JsonNode?)parameters, Json, Json, default)).Value;

    private static async Task<string> AddDealAsync(Bitrix24Connection connection, string title) =>
        (await CallAsync(connection, "crm.deal.add", new JsonObject { ["fields"] = new JsonObject { ["TITLE"] = title } }))!.ToString();

    private Bitrix24Connection Connect()
    {
        var issued = _portal.IssueTokens();
        var store = new InMemoryBitrix24TokenStore(new Bitrix24OAuthTokens(issued.AccessToken, issued.RefreshToken, _portal.RestUrl, issued.ExpiresAt));
        var connection = Bitrix24Connection.FromOAuth(
            new Bitrix24OAuthOptions { ClientId = _portal.OAuthClientId, ClientSecret = _portal.OAuthClientSecret, TokenEndpoint = _portal.OAuthTokenUrl },
            store);
        _connections.Add(connection);
        return connection;
    }

    /// <summary>Raises ONCRMDEALUPDATE for deals firstId.. (distinct data, so none replaces another); returns their ids.</summary>
    private List<string> Raise(int count, int firstId = 1, string? authConnector = null)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = (firstId + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _portal.RaiseOfflineEvent("ONCRMDEALUPDATE", new JsonObject { ["FIELDS"] = new JsonObject { ["ID"] = id } }, authConnector);
            ids.Add(id);
        }

        return ids;
    }

    private static string DealId(Bitrix24OfflineEvent record) => record.Data.GetProperty("FIELDS").GetProperty("ID").GetString()!;

    /// <summary>Every id sent to event.offline.clear, as often as it was sent.</summary>
    private List<long> ClearedIds() =>
        _portal.Requests
            .Where(r => r.Method == "event.offline.clear")
            .SelectMany(r => JsonNode.Parse(r.Body)!["id"]!.AsArray().Select(id => id!.GetValue<long>()))
            .ToList();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
