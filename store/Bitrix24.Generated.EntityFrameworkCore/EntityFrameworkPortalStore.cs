using System;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bitrix24.Generated.EntityFrameworkCore;

/// <summary>
/// Keeps the portals in a database through Entity Framework Core, in the table <see cref="Bitrix24PortalModelBuilderExtensions.AddBitrix24Portals"/>
/// maps. Every write is optimistic: it succeeds only if the row's version is still the one read, so of several
/// instances saving a renewal at once exactly one wins and the others get the winner's tokens.
/// </summary>
/// <typeparam name="TContext">A context whose model holds the portals table, e.g. <see cref="Bitrix24PortalDbContext"/>.</typeparam>
public sealed class EntityFrameworkPortalStore<TContext> : IBitrix24PortalStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    /// <summary>Creates the store.</summary>
    /// <param name="contexts">Makes a context for each operation.</param>
    public EntityFrameworkPortalStore(IDbContextFactory<TContext> contexts) =>
        _contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));

    /// <summary>
    /// Creates the database if it does not exist and the portals table if the database lacks it. Call it once at
    /// start when no migrations of your own create the table.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            _ = await context.Set<Bitrix24PortalRecord>().AnyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // No table yet: every table of the model is made, which for Bitrix24PortalDbContext is this one.
            await creator.CreateTablesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24Portal?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await Find(context, memberId, tracked: false, cancellationToken).ConfigureAwait(false);
        return row?.ToPortal();
    }

    /// <inheritdoc/>
    public async ValueTask AddOrUpdateAsync(Bitrix24Portal portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        while (true)
        {
            await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await Find(context, portal.MemberId, tracked: true, cancellationToken).ConfigureAwait(false);
            var adding = row is null;
            if (row is null)
            {
                row = new Bitrix24PortalRecord();
                context.Add(row);
            }

            row.Set(portal);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another write came between the read and the save: read again and overwrite it, as asked.
            }
            catch (DbUpdateException) when (adding)
            {
                // Another instance may have added the same portal first: then update it instead.
                if (!await ExistsAsync(portal.MemberId, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<Bitrix24PortalRecord>().Where(p => p.MemberId == memberId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24TokenSwap> SwapTokensAsync(string memberId, string usedRefreshToken, Bitrix24OAuthTokens renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentNullException.ThrowIfNull(usedRefreshToken);
        ArgumentNullException.ThrowIfNull(renewed);
        while (true)
        {
            await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await Find(context, memberId, tracked: true, cancellationToken).ConfigureAwait(false) ?? throw new Bitrix24PortalNotFoundException(memberId);
            if (!string.Equals(row.RefreshToken, usedRefreshToken, StringComparison.Ordinal))
            {
                // Another renewal was saved since the caller read the tokens: those are the ones to use.
                return new Bitrix24TokenSwap(false, row.ToTokens());
            }

            row.SetTokens(renewed);
            try
            {
                // UPDATE … WHERE member_id = @id AND version = @read: no row is changed if another write came first.
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new Bitrix24TokenSwap(true, renewed);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Read the row again: its refresh token tells whether a renewal won (then it is returned) or only
                // something else of the portal changed (then the swap is tried again).
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "EntityFrameworkPortalStore<" + typeof(TContext).Name + ">";

    private static Task<Bitrix24PortalRecord?> Find(TContext context, string memberId, bool tracked, CancellationToken cancellationToken)
    {
        var portals = tracked ? context.Set<Bitrix24PortalRecord>() : context.Set<Bitrix24PortalRecord>().AsNoTracking();
        return portals.SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
    }

    private async Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await context.Set<Bitrix24PortalRecord>().AnyAsync(p => p.MemberId == memberId, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Makes an <see cref="EntityFrameworkPortalStore{TContext}"/> without dependency injection.</summary>
public static class EntityFrameworkPortalStore
{
    /// <summary>A store over <see cref="Bitrix24PortalDbContext"/> with the provider <paramref name="configure"/> sets.</summary>
    /// <param name="configure">The provider and connection, e.g. <c>o =&gt; o.UseSqlite("Data Source=portals.db")</c>.</param>
    /// <returns>The store; call <see cref="EntityFrameworkPortalStore{TContext}.EnsureCreatedAsync"/> before its first use on a new database.</returns>
    public static EntityFrameworkPortalStore<Bitrix24PortalDbContext> Create(Action<DbContextOptionsBuilder<Bitrix24PortalDbContext>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DbContextOptionsBuilder<Bitrix24PortalDbContext>();
        configure(options);
        return new EntityFrameworkPortalStore<Bitrix24PortalDbContext>(new ContextFactory(options.Options));
    }

    private sealed class ContextFactory(DbContextOptions<Bitrix24PortalDbContext> options) : IDbContextFactory<Bitrix24PortalDbContext>
    {
        public Bitrix24PortalDbContext CreateDbContext() => new(options);
    }
}
