using PublicServicesBpm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Before the host takes requests: seeds the demo catalogues on an empty database and imports the repository's
/// procedures. On by default; <c>Catalogues:SeedOnStart=false</c> turns it off, and the <c>Testing</c> environment
/// starts with it off (tests build their own data, and the seed tests switch it on). Hosts starting together take
/// turns on an advisory lock.
/// </summary>
internal sealed class CatalogueStartup(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<CatalogueStartup> logger)
    : IHostedService
{
    // Any constant unique to this purpose: pg_advisory_lock keys are shared by the whole database.
    private const long StartupLockKey = 0x5053_4243_4154_414C;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Catalogues:SeedOnStart", !environment.IsEnvironment("Testing")))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
            await CatalogueSeed.EnsureAsync(services, logger, cancellationToken);
            await RepositoryProcedures.ImportAsync(services, configuration, logger, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
