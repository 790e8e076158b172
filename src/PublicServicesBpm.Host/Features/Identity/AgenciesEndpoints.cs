using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary><c>GET /api/v1/agencies</c>: the agencies (read-only here; the shared-catalogue work manages them).</summary>
internal static class AgenciesEndpoints
{
    public static RouteGroupBuilder MapAgencies(this RouteGroupBuilder group)
    {
        group.MapGet("", async (AppDbContext db, CancellationToken cancellationToken) => Results.Ok(await ListAsync(db, cancellationToken)))
            .WithName("ListAgencies")
            .WithSummary("Agencies: official code, name and parent agency")
            .Produces<IReadOnlyList<AgencyView>>();
        return group;
    }

    /// <summary>All agencies by code (also the choices of the administrator pages).</summary>
    public static async Task<IReadOnlyList<AgencyView>> ListAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new AgencyView(a.Code, a.Name, a.ParentCode)).ToListAsync(cancellationToken);
}
