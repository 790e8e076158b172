using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Demo catalogues for a new installation (<see cref="CatalogueSeedData"/>): each shared catalogue that has no
/// period yet is imported, in dependency order. Agencies that already exist (the identity seed's four, with no
/// periods) get their periods and details; nothing fails because they are there. A catalogue with any period is
/// left alone, so the seed never undoes an administrator's work.
/// </summary>
internal static class CatalogueSeed
{
    public const string SeededBy = "seed";

    public static async Task EnsureAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var catalogues = scope.ServiceProvider.GetRequiredService<SharedCatalogues>();
        var changes = scope.ServiceProvider.GetRequiredService<CatalogueChanges>();
        foreach (var (catalogue, csv) in new (SharedCatalogue, string)[]
        {
            (catalogues.AdministrativeUnits, CatalogueSeedData.AdministrativeUnits),
            (catalogues.Sectors, CatalogueSeedData.Sectors),
            (catalogues.DocumentTypes, CatalogueSeedData.DocumentTypes),
            (catalogues.Agencies, CatalogueSeedData.Agencies),
        })
        {
            if (await catalogue.Periods(db).AnyAsync(cancellationToken))
            {
                continue;
            }
            var outcome = await changes.ImportAsync(catalogue, CatalogueRows.FromCsv(csv), SeededBy, audit: null, cancellationToken);
            if (!outcome.Succeeded)
            {
                // The seed is ours: a problem here is a bug, but it must not keep the host from starting.
                logger.LogError("Demo catalogue {Catalogue} not seeded: {Problems}", catalogue.Name, string.Join("; ", outcome.Errors!.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
                continue;
            }
            logger.LogInformation("Demo catalogue {Catalogue}: {Added} periods seeded", catalogue.Name, outcome.Added);
        }
    }
}
