using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// <c>GET /api/v1/catalogues/{catalogue}</c> (entries valid on <c>asOf</c>, default today; <c>parent</c> filters
/// communes of a province or agencies under an agency) and <c>GET /api/v1/catalogues/{catalogue}/{code}/history</c>.
/// </summary>
internal static class SharedCatalogueReadEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{catalogue}", ListAsync).WithName("ListCatalogueEntries")
            .WithSummary("Entries of a shared catalogue (agencies, administrative-units, sectors, document-types) valid on a date");
        group.MapGet("/{catalogue}/{code}/history", HistoryAsync).WithName("GetCatalogueEntryHistory")
            .WithSummary("Every period of validity of one entry, oldest first");
    }

    private static async Task<IResult> ListAsync(
        string catalogue, string? asOf, string? parent, SharedCatalogues catalogues, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (catalogues.Find(catalogue) is not { } found)
        {
            return CatalogueApi.NotFound($"There is no catalogue '{catalogue}'.");
        }
        if (CatalogueApi.AsOf(asOf, clock) is not { } date)
        {
            return CatalogueApi.BadDate("asOf");
        }
        return Results.Ok(await found.AsOfAsync(db, date, string.IsNullOrWhiteSpace(parent) ? null : parent.Trim(), cancellationToken));
    }

    private static async Task<IResult> HistoryAsync(string catalogue, string code, SharedCatalogues catalogues, AppDbContext db, CancellationToken cancellationToken)
    {
        if (catalogues.Find(catalogue) is not { } found)
        {
            return CatalogueApi.NotFound($"There is no catalogue '{catalogue}'.");
        }
        var periods = await found.Periods(db).AsNoTracking().Where(p => p.Code == code).OrderBy(p => p.ValidFrom).ToListAsync(cancellationToken);
        return periods.Count == 0
            ? CatalogueApi.NotFound($"'{code}' is not in the {catalogue} catalogue.")
            : Results.Ok(periods.Select(found.ToJson));
    }
}
