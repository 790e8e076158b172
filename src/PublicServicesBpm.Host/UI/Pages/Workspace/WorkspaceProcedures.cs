using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.UI.Pages.Workspace;

/// <summary>The procedures' names for the workspace's lists and filters: the newest version's name per key, in the page's language.</summary>
internal static class WorkspaceProcedures
{
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(AppDbContext db, bool english, CancellationToken cancellationToken)
    {
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Select(v => new { v.ProcedureKey, v.Version, v.Name, v.NameEn }).ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.ProcedureKey, StringComparer.Ordinal)
            .Select(g => g.MaxBy(v => v.Version)!)
            .OrderBy(v => v.Name, StringComparer.CurrentCulture)
            .ToDictionary(v => v.ProcedureKey, v => english && !string.IsNullOrEmpty(v.NameEn) ? v.NameEn : v.Name, StringComparer.Ordinal);
    }
}
