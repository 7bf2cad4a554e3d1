using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated;
using Bitrix24.Generated.Crm;
using Bitrix24.Generated.Events;

namespace Bitrix24.EventsApp.Tests;

/// <summary>
/// The installed application reads its portal's offline events with a checkpoint in a file, dies in the middle of a
/// batch, and a new process with the same file takes over: every event is handled to the end once, and cleared once.
/// </summary>
public sealed class OfflineEventsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b24-offline-").FullName;

    [Fact]
    public async Task Offline_events_are_read_and_cleared_exactly_once_across_a_crash_mid_batch()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        await using var installed = await InstalledApp.StartAsync(ct);
        var client = await installed.ClientAsync(ct);
        var connection = await installed.ConnectionAsync(ct);

        // New deals also go to the offline queue, besides the handler: the application collects them when it wants to.
        await EventsAppTests.CallAsync(installed, "event.bind", new JsonObject { ["event"] = "ONCRMDEALADD", ["handler"] = string.Empty, ["event_type"] = "offline" }, ct);
        var deals = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            int id = await client.Crm.Deal.AddAsync(new CrmDealAddFields { Title = "Deal " + i }, cancellationToken: ct);
            deals.Add(id);
        }

        Assert.Equal(5, installed.Portal.OfflineEventCount);
        var checkpoint = Path.Combine(_folder, "offline.json");
        var completed = new List<int>();

        // The first process handles two events to the end and dies while handling the third: its enumerator is
        // dropped, never disposed, as a killed process leaves it.
        var first = new Bitrix24OfflineEvents(connection, Options(checkpoint)).ReadAvailableAsync(ct).GetAsyncEnumerator(ct);
        for (var handled = 0; handled < 3; handled++)
        {
            Assert.True(await first.MoveNextAsync());
            if (handled < 2)
            {
                completed.Add(DealId(first.Current));
            }
        }

        var inFlight = DealId(first.Current);

        // The second process, with the same checkpoint file.
        await foreach (var e in new Bitrix24OfflineEvents(connection, Options(checkpoint)).ReadAvailableAsync(ct))
        {
            completed.Add(DealId(e));
        }

        Assert.Equal(deals.Order(), completed.Order());
        Assert.Contains(inFlight, completed);
        Assert.Equal(0, installed.Portal.OfflineEventCount);
        var cleared = installed.Portal.Requests
            .Where(r => r.Method == "event.offline.clear")
            .SelectMany(r => JsonNode.Parse(r.Body)!["id"]!.AsArray().Select(id => id!.GetValue<long>()))
            .ToList();
        Assert.Equal(5, cleared.Count);
        Assert.Equal(5, cleared.Distinct().Count());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Bitrix24OfflineEventsOptions Options(string checkpoint) => new()
    {
        EventNames = new[] { "ONCRMDEALADD" },
        Checkpoint = new FileBitrix24OfflineCheckpoint(checkpoint),
        PollInterval = TimeSpan.FromMilliseconds(20),
    };

    private static int DealId(Bitrix24OfflineEvent e) => int.Parse(e.Data.GetProperty("FIELDS").GetProperty("ID").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
