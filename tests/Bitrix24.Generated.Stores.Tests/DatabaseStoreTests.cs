using System;
using System.IO;
using System.Threading.Tasks;
using Bitrix24.Generated.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bitrix24.Generated.Stores.Tests;

/// <summary>The store contract on SQLite: a database file of each test's own.</summary>
public sealed class SqliteStoreTests : PortalStoreContract
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "bitrix24-portals-" + Guid.NewGuid().ToString("N") + ".db");
    private bool _created;

    protected override async Task<IBitrix24PortalStore> InstanceAsync()
    {
        var store = EntityFrameworkPortalStore.Create(o => o.UseSqlite("Data Source=" + _file));
        if (!_created)
        {
            await store.EnsureCreatedAsync();
            _created = true;
        }

        return store;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}

/// <summary>The store contract on PostgreSQL: a server of the class's own, a database of each test's own.</summary>
public sealed class PostgresStoreTests(PostgresServer server) : PortalStoreContract, IClassFixture<PostgresServer>
{
    private readonly string _database = "portals_" + Guid.NewGuid().ToString("N")[..12];
    private bool _created;

    protected override async Task<IBitrix24PortalStore> InstanceAsync()
    {
        var store = EntityFrameworkPortalStore.Create(o => o.UseNpgsql(server.ConnectionString(_database)));
        if (!_created)
        {
            await store.EnsureCreatedAsync();
            _created = true;
        }

        return store;
    }

    [StoreFact]
    public async Task Creating_the_table_twice_is_harmless()
    {
        var store = EntityFrameworkPortalStore.Create(o => o.UseNpgsql(server.ConnectionString(_database)));
        await store.EnsureCreatedAsync();
        await store.EnsureCreatedAsync();
        Assert.Null(await store.GetAsync("member", default));
    }
}
