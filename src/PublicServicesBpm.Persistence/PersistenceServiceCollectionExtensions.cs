using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace PublicServicesBpm.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AppDbContext"/> (pooled) and one <see cref="NpgsqlDataSource"/> on <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, string connectionString)
    {
        // The application never changes session state on its connections, so returning one to the pool needs no
        // DISCARD ALL (a round trip and a transaction per command otherwise).
        services.AddNpgsqlDataSource(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString);
        services.AddDbContextPool<AppDbContext>((provider, options) => Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>The one place that says how the DbContext talks to PostgreSQL (used by the host, tools and tests).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history", AppDbContext.AppSchema))
            .UseSnakeCaseNamingConvention();
}
