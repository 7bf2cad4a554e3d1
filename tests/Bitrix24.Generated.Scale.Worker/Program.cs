using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated;
using Bitrix24.Generated.Crm;
using Bitrix24.Generated.Scale.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// One instance of an application installed on one portal, configured as a user would: the portal store in a
// database all instances share, the rate limit and the token renewal shared through Redis. It makes its share of
// calls (deals written with a title unique to this worker, read back, some of both in batches) and prints one JSON
// line of what it did. Exits 1 if any call failed.
var settings = WorkerSettings.Parse(args);
var wire = new WireCounts();
var services = new ServiceCollection();
var applications = services.AddBitrix24Applications(o =>
    {
        o.OAuth = new Bitrix24OAuthOptions { ClientId = settings.ClientId, ClientSecret = settings.ClientSecret, TokenEndpoint = new Uri(settings.Portal, "oauth/token/") };
        o.Connection.RateLimiter = new Bitrix24RateLimiter(settings.Burst, settings.Drain);
    })
    .UseEntityFrameworkStore(o => o.UseSqlite(settings.Store))
    .UseRedis(settings.Redis)
    .AddClient(connection => new Bitrix24Client(connection));
applications.HttpClient.AddHttpMessageHandler(() => new WireCounter(wire));

await using var provider = services.BuildServiceProvider();
var client = await provider.GetRequiredService<IBitrix24ClientFactory<Bitrix24Client>>().ForPortalAsync(settings.MemberId);

// Warmed up first, one read alone and one in a batch: the first call of a process is slow while its code compiles,
// and a call sent on time that arrives late crowds the ones after it at the portal.
await client.Crm.Deal.ListAsync(new CrmDealListRequest { Select = ["ID"] });
var warmUp = client.Batch();
var listed = warmUp.Add(c => c.Crm.Deal.ListAsync(new CrmDealListRequest { Select = ["ID"] }));
await warmUp.ExecuteAsync();
await listed;

// The store's write path, which the token renewal half-way through takes, warmed up too: compiling it mid-run held
// every call back for up to a second. The portal is saved as read, before any call could renew its tokens.
var store = provider.GetRequiredService<IBitrix24PortalStore>();
await store.AddOrUpdateAsync((await store.GetAsync(settings.MemberId, CancellationToken.None))!, CancellationToken.None);
if (settings.WaitForGo)
{
    // The test starts all workers' calls at once, so process start-up is not part of what it measures.
    await Console.Error.WriteLineAsync("ready");
    _ = await Console.In.ReadLineAsync();
}

var warmUpRequests = wire.Rest;
var run = new Run(client, settings.Worker);
var started = DateTimeOffset.UtcNow;
await Task.WhenAll(Enumerable.Range(0, settings.Lanes).Select(lane => Task.Run(async () =>
{
    for (var round = lane; round < settings.Calls / Run.CallsPerRound; round += settings.Lanes)
    {
        await run.RoundAsync(round);
    }
})));
var ended = DateTimeOffset.UtcNow;

var report = new JsonObject
{
    ["worker"] = settings.Worker,
    ["calls"] = run.Calls,
    ["requests"] = settings.Calls / Run.CallsPerRound * Run.RequestsPerRound,
    ["sent"] = wire.Rest - warmUpRequests,
    ["tokenRequests"] = wire.Token,
    ["queryLimitExceeded"] = wire.QueryLimitExceeded,
    ["expiredToken"] = wire.ExpiredToken,
    ["renewals"] = ((Bitrix24OAuth)client.Connection.Authentication).RenewalCount,
    ["failures"] = new JsonObject(run.Failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
    ["written"] = new JsonArray(run.Written.OrderBy(w => w.Id).Select(w => (JsonNode?)new JsonObject { ["id"] = w.Id, ["title"] = w.Title }).ToArray()),
    ["firstStart"] = started.ToString("O", CultureInfo.InvariantCulture),
    ["lastEnd"] = ended.ToString("O", CultureInfo.InvariantCulture),
};
Console.WriteLine(report.ToJsonString());
return run.Failures.IsEmpty ? 0 : 1;

namespace Bitrix24.Generated.Scale.Worker
{
    /// <summary>
    /// The calls of one worker, in rounds of ten calls in seven requests: four deals added and two of them read back
    /// one call each, then a batch adding two more and reading the other two.
    /// </summary>
    internal sealed class Run(Bitrix24Client client, int worker)
    {
        public const int CallsPerRound = 10;
        public const int RequestsPerRound = 7;

        private int _calls;

        public int Calls => _calls;

        public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<(int Id, string Title)> Written { get; } = [];

        public async Task RoundAsync(int round)
        {
            var titles = Enumerable.Range(round * 6, 6).Select(n => "w" + worker + "-" + n).ToArray();
            var ids = new int?[4];
            for (var k = 0; k < 4; k++)
            {
                ids[k] = await CallAsync(async () => await AddAsync(client, titles[k]));
            }

            for (var k = 0; k < 2; k++)
            {
                await CallAsync(async () => await CheckAsync(client, ids[k], titles[k]));
            }

            var batch = client.Batch();
            var added = titles[4..].Select(title => (Title: title, Call: batch.Add(c => c.Crm.Deal.AddAsync(new CrmDealAddFields { Title = title })))).ToList();
            var read = Enumerable.Range(2, 2).Select(k => (Title: titles[k], Id: ids[k], Call: ids[k] is { } id ? batch.Add(c => c.Crm.Deal.GetAsync(id)) : null)).ToList();
            try
            {
                await batch.ExecuteAsync();
            }
            catch (Exception)
            {
                // Each command's task carries the failure; they are counted one by one below.
            }

            foreach (var (title, call) in added)
            {
                await CallAsync(async () => Wrote((await call).Value, title));
            }

            foreach (var (title, id, call) in read)
            {
                await CallAsync(async () => call is null ? throw new InvalidOperationException("Nothing to read: the write failed.") : Check((await call).Value.Title, id, title));
            }
        }

        private async Task<int> AddAsync(Bitrix24Client portal, string title) =>
            Wrote((await portal.Crm.Deal.AddAsync(new CrmDealAddFields { Title = title })).Value, title);

        private static async Task<int> CheckAsync(Bitrix24Client portal, int? id, string title) =>
            id is { } known ? Check((await portal.Crm.Deal.GetAsync(known)).Value.Title, id, title) : throw new InvalidOperationException("Nothing to read: the write failed.");

        private int Wrote(int id, string title)
        {
            Written.Add((id, title));
            return id;
        }

        private static int Check(string? read, int? id, string title) =>
            read == title ? id!.Value : throw new InvalidOperationException("Deal " + id + " reads back as '" + read + "', not '" + title + "'.");

        // Counts the call, and its failure by the portal's error code (or the exception's type).
        private async Task<int?> CallAsync(Func<Task<int>> call)
        {
            Interlocked.Increment(ref _calls);
            try
            {
                return await call();
            }
            catch (Exception exception)
            {
                var code = exception switch
                {
                    Bitrix24ApiException api => api.RawCode,
                    Bitrix24AuthenticationException authentication => "auth:" + authentication.Error,
                    _ => exception.GetType().Name,
                };
                Failures.AddOrUpdate(code, 1, (_, n) => n + 1);
                await Console.Error.WriteLineAsync("w" + worker + ": " + code + ": " + exception.Message);
                return null;
            }
        }
    }
}
