using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// The public procedure catalogue (functions P2, P11): <c>GET /api/v1/catalogues/procedures</c> searches the
/// procedures in force; <c>GET /api/v1/catalogues/procedures/{key}</c> shows the version in force (or in force on
/// <c>asOf</c>) with its cases, components, fees and time limits.
/// </summary>
internal static class ProcedureReadEndpoints
{
    public sealed record NamedCode(string Code, string? Name);

    public sealed record ProcedureView(
        string Key, int Version, string NationalCode, string Name, string? NameEn, NamedCode Sector, string Level, string OnlineLevel,
        IReadOnlyList<NamedCode> Agencies, IReadOnlyList<string> LegalBasis, string Result, string PublicationDecision, DateOnly EffectiveFrom,
        bool RestartTimeLimitAfterSupplement, IReadOnlyList<ProcedureCase> Cases);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/procedures", SearchAsync).WithName("SearchProcedures")
            .WithSummary("Search procedures in force: q ignores diacritics and case; filters agency, sector, level, onlineLevel; 20 per page")
            .Produces<ProcedureSearch.Page>();
        group.MapGet("/procedures/{key}", GetAsync).WithName("GetProcedure")
            .WithSummary("The version of a procedure in force today (or on asOf): cases, components, fees, time limits per channel")
            .Produces<ProcedureView>();
    }

    private static async Task<IResult> SearchAsync(
        string? q, string? agency, string? sector, string? level, string? onlineLevel, string? page, string? asOf,
        ProcedureSearch search, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CatalogueApi.AsOf(asOf, clock) is not { } date)
        {
            return CatalogueApi.BadDate("asOf");
        }
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, out pageNumber) || pageNumber is < 1 or > 10_000))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["A page number from 1."] });
        }
        if (q is { Length: > 200 })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["At most 200 characters."] });
        }
        return Results.Ok(await search.SearchAsync(new ProcedureSearch.Query(q, agency, sector, level, onlineLevel, pageNumber, date), cancellationToken));
    }

    private static async Task<IResult> GetAsync(string key, string? asOf, ProcedureCatalogue procedures, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CatalogueApi.AsOf(asOf, clock) is not { } date)
        {
            return CatalogueApi.BadDate("asOf");
        }
        var version = await procedures.InForceAsync(key, date, cancellationToken);
        if (version is null)
        {
            return CatalogueApi.NotFound($"No version of the procedure '{key}' is in force on {date:yyyy-MM-dd}.");
        }
        return Results.Ok(await ViewAsync(db, version, date, cancellationToken));
    }

    /// <summary>The version with the names of its sector and agencies as of <paramref name="date"/>.</summary>
    public static async Task<ProcedureView> ViewAsync(AppDbContext db, ProcedureVersion version, DateOnly date, CancellationToken cancellationToken)
    {
        var sectorName = await db.Sectors.AsNoTracking().Where(s => s.Code == version.SectorCode && s.ValidFrom <= date)
            .OrderByDescending(s => s.ValidFrom).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var codes = version.AgencyCodes;
        var names = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var cases = JsonSerializer.Deserialize<List<ProcedureCase>>(version.Cases, ProcedureFileReader.Json) ?? [];
        return new ProcedureView(
            version.ProcedureKey, version.Version, version.NationalCode, version.Name, version.NameEn, new NamedCode(version.SectorCode, sectorName),
            version.Level, version.OnlineLevel, codes.Select(c => new NamedCode(c, names.GetValueOrDefault(c))).ToList(), version.LegalBasis,
            version.Result, version.PublicationDecision, version.EffectiveFrom, version.RestartTimeLimitAfterSupplement, cases);
    }
}
