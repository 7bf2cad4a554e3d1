using Microsoft.EntityFrameworkCore;

namespace Bitrix24.Generated.EntityFrameworkCore;

/// <summary>A database of one table, the portals an application is installed on. Your own context can hold the table too: see <see cref="Bitrix24PortalModelBuilderExtensions.AddBitrix24Portals"/>.</summary>
public sealed class Bitrix24PortalDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The provider and connection, e.g. <c>UseSqlite("Data Source=portals.db")</c>.</param>
    public Bitrix24PortalDbContext(DbContextOptions<Bitrix24PortalDbContext> options)
        : base(options)
    {
    }

    /// <summary>The portals.</summary>
    public DbSet<Bitrix24PortalRecord> Portals => Set<Bitrix24PortalRecord>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddBitrix24Portals();
}

/// <summary>Maps the portals table into a model.</summary>
public static class Bitrix24PortalModelBuilderExtensions
{
    /// <summary>The table's name unless told otherwise.</summary>
    public const string DefaultTableName = "bitrix24_portals";

    /// <summary>Adds the portals table (<see cref="Bitrix24PortalRecord"/>) to a model, e.g. in your context's <c>OnModelCreating</c>.</summary>
    /// <param name="modelBuilder">The model.</param>
    /// <param name="tableName">The table's name.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder AddBitrix24Portals(this ModelBuilder modelBuilder, string tableName = DefaultTableName)
    {
        System.ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Bitrix24PortalRecord>(portal =>
        {
            portal.ToTable(tableName);
            portal.HasKey(p => p.MemberId);
            portal.Property(p => p.MemberId).HasColumnName("member_id").HasMaxLength(128);
            portal.Property(p => p.Domain).HasColumnName("domain").HasMaxLength(255).IsRequired();
            portal.Property(p => p.ApplicationToken).HasColumnName("application_token").HasMaxLength(255);
            portal.Property(p => p.AccessToken).HasColumnName("access_token").HasMaxLength(1024).IsRequired();
            portal.Property(p => p.RefreshToken).HasColumnName("refresh_token").HasMaxLength(1024).IsRequired();
            portal.Property(p => p.ClientEndpoint).HasColumnName("client_endpoint").HasMaxLength(2048).IsRequired();
            portal.Property(p => p.ExpiresAt).HasColumnName("expires_at");
            portal.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
        });
        return modelBuilder;
    }
}
