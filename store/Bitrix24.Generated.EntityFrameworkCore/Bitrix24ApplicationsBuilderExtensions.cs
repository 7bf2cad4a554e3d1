using System;
using System.Threading;
using System.Threading.Tasks;
using Bitrix24.Generated;
using Bitrix24.Generated.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps the portals of <c>AddBitrix24Applications</c> in a database through Entity Framework Core.</summary>
public static class Bitrix24EntityFrameworkCoreExtensions
{
    /// <summary>The SQLite database used when no provider is set.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=bitrix24-portals.db";

    /// <summary>
    /// Keeps the portals in <see cref="Bitrix24PortalDbContext"/>'s table: in the SQLite file
    /// <c>bitrix24-portals.db</c> unless <paramref name="configure"/> sets a provider, e.g.
    /// <c>o =&gt; o.UseNpgsql(connectionString)</c>. Create the table once at start with
    /// <see cref="EnsureBitrix24PortalStoreCreatedAsync"/>.
    /// </summary>
    /// <param name="builder">What <c>AddBitrix24Applications</c> returned.</param>
    /// <param name="configure">The provider and connection.</param>
    /// <returns>The builder.</returns>
    public static Bitrix24ApplicationsBuilder UseEntityFrameworkStore(this Bitrix24ApplicationsBuilder builder, Action<DbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDbContextFactory<Bitrix24PortalDbContext>(configure ?? (static o => o.UseSqlite(DefaultSqliteConnectionString)));
        return builder.UseEntityFrameworkStore<Bitrix24PortalDbContext>();
    }

    /// <summary>
    /// Keeps the portals in a context of your own, registered with <c>AddDbContextFactory</c>, whose model adds the
    /// table with <see cref="Bitrix24PortalModelBuilderExtensions.AddBitrix24Portals"/>.
    /// </summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="builder">What <c>AddBitrix24Applications</c> returned.</param>
    /// <returns>The builder.</returns>
    public static Bitrix24ApplicationsBuilder UseEntityFrameworkStore<TContext>(this Bitrix24ApplicationsBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(static provider => new EntityFrameworkPortalStore<TContext>(provider.GetRequiredService<IDbContextFactory<TContext>>()));
        return builder.UseStore(static provider => provider.GetRequiredService<EntityFrameworkPortalStore<TContext>>());
    }

    /// <summary>Creates the database and the portals table of <see cref="UseEntityFrameworkStore(Bitrix24ApplicationsBuilder, Action{DbContextOptionsBuilder}?)"/> where missing.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static Task EnsureBitrix24PortalStoreCreatedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<EntityFrameworkPortalStore<Bitrix24PortalDbContext>>().EnsureCreatedAsync(cancellationToken);
    }
}
