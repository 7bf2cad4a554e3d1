using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Generated.Runtime.Tests;

/// <summary>The fast walk over a method whose filter holds any JSON values: the last id goes in as a number.</summary>
public class FastWalkRawFilterTests
{
    private sealed class Request
    {
        public IDictionary<string, JsonNode?>? Filter { get; set; }

        public IDictionary<string, string>? Order { get; set; }

        public int? Start { get; set; }
    }

    [Fact]
    public async Task Each_page_asks_for_ids_above_the_last_one_seen_and_keeps_the_other_entries()
    {
        var request = new Request { Filter = new Dictionary<string, JsonNode?> { ["STAGE_ID"] = "NEW" } };
        var asked = new List<string>();

        Task<Bitrix24Response<IList<int>>> Call(Request r, CancellationToken token)
        {
            asked.Add($"start={r.Start} above={(r.Filter!.TryGetValue(">ID", out var last) ? last!.ToJsonString() : "none")} stage={r.Filter["STAGE_ID"]} order={r.Order!["ID"]}");
            var from = r.Filter.TryGetValue(">ID", out var above) && above is not null ? (int)(long)above : 0;
            IList<int> page = Enumerable.Range(from + 1, from == 0 ? 50 : 3).ToList();
            return Task.FromResult(new Bitrix24Response<IList<int>>(page, null, null, null));
        }

        var items = new List<int>();
        await foreach (var item in Bitrix24Paging.EnumerateByIdAsync(request, "ID", static (r, start) => r.Start = start, static r => r.Filter ??= new Dictionary<string, JsonNode?>(), static r => r.Order ??= new Dictionary<string, string>(), Call, static id => id))
        {
            items.Add(item);
        }

        Assert.Equal(53, items.Count);
        Assert.Equal(["start=-1 above=none stage=NEW order=ASC", "start=-1 above=50 stage=NEW order=ASC"], asked);
    }
}
