using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PublicServicesBpm.Persistence;

/// <summary>Applies pending EF Core migrations. Safe with several processes at once: EF Core 9+ takes a database lock while migrating.</summary>
public static class DatabaseMigrator
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date");
            return pending;
        }
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
