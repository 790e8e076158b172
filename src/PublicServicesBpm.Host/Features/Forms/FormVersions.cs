using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Forms;

namespace PublicServicesBpm.Host.Features.Forms;

/// <summary>
/// Which stored form version a user task or start event uses, by its <c>psb:formBinding</c>: <c>deployment</c> (the
/// default) = the version that was current when the process version was deployed (kept in
/// <c>process_definition_versions.form_versions</c>); <c>latest</c> = the newest; <c>version:N</c> = exactly N.
/// </summary>
internal sealed class FormVersions(AppDbContext db)
{
    /// <summary>The latest version of each of <paramref name="formKeys"/>: what a process deployed now binds to.</summary>
    public async Task<string> CurrentVersionsJsonAsync(IEnumerable<string> formKeys, CancellationToken cancellationToken)
    {
        var keys = formKeys.Distinct(StringComparer.Ordinal).ToList();
        var latest = await db.FormVersions.Where(f => keys.Contains(f.FormKey))
            .GroupBy(f => f.FormKey).Select(g => new { Key = g.Key, Version = g.Max(f => f.Version) })
            .ToDictionaryAsync(x => x.Key, x => x.Version, cancellationToken);
        return JsonSerializer.Serialize(latest);
    }

    /// <summary>The form version for <paramref name="formKey"/> under <paramref name="binding"/>, or null when none is stored.</summary>
    public async Task<FormVersion?> ResolveAsync(Guid processVersionId, string formKey, FormBinding binding, CancellationToken cancellationToken)
    {
        var forKey = db.FormVersions.AsNoTracking().Where(f => f.FormKey == formKey);
        switch (binding.Kind)
        {
            case FormBindingKind.Version:
                return await forKey.SingleOrDefaultAsync(f => f.Version == binding.Version, cancellationToken);
            case FormBindingKind.Latest:
                return await forKey.OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
            default:
                var process = await db.ProcessDefinitionVersions.AsNoTracking().Where(v => v.Id == processVersionId)
                    .Select(v => new { v.FormVersions, v.DeployedAt }).SingleOrDefaultAsync(cancellationToken);
                if (process is null)
                {
                    return null;
                }
                var pinned = JsonSerializer.Deserialize<Dictionary<string, int>>(process.FormVersions) ?? [];
                return pinned.TryGetValue(formKey, out var version)
                    ? await forKey.SingleOrDefaultAsync(f => f.Version == version, cancellationToken)
                    // Versions deployed before forms were stored: the newest form deployed up to the process's deployment.
                    : await forKey.Where(f => f.DeployedAt <= process.DeployedAt).OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        }
    }
}
