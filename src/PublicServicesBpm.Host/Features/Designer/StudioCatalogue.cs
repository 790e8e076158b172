using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Designer;

namespace PublicServicesBpm.Host.Features.Designer;

/// <summary>
/// What the studio lists: workflows and forms with their versions and drafts, how many dossiers run on each workflow
/// version, and retiring a version (no new dossiers start on it; the ones running on it go on).
/// </summary>
internal sealed class StudioCatalogue(AppDbContext db, TimeProvider clock, AuditTrail audit)
{
    public sealed record WorkflowRow(string Key, string? Name, int LatestVersion, int? ActiveVersion, DateTimeOffset DeployedAt, string DeployedBy, DraftInfo? Draft);

    public sealed record FormRow(string Key, string Title, int LatestVersion, DateTimeOffset DeployedAt, string DeployedBy, DraftInfo? Draft);

    public sealed record DraftInfo(int Revision, int? BaseVersion, DateTimeOffset UpdatedAt, string UpdatedBy);

    public sealed record WorkflowVersionRow(
        int Version, string? Name, DateTimeOffset DeployedAt, string DeployedBy, DateTimeOffset? RetiredAt, int Dossiers, int OpenDossiers);

    public sealed record FormVersionRow(int Version, DateTimeOffset DeployedAt, string DeployedBy);

    public async Task<IReadOnlyList<WorkflowRow>> WorkflowsAsync(CancellationToken cancellationToken)
    {
        var versions = await db.ProcessDefinitionVersions.AsNoTracking()
            .Select(v => new { v.Key, v.Name, v.Version, v.DeployedAt, v.DeployedBy, Retired = v.RetiredAt != null })
            .ToListAsync(cancellationToken);
        var drafts = await DraftsAsync(DesignerDraft.WorkflowKind, cancellationToken);
        var published = versions.GroupBy(v => v.Key).Select(g =>
        {
            var latest = g.MaxBy(v => v.Version)!;
            var active = g.Where(v => !v.Retired).Select(v => (int?)v.Version).Max();
            return new WorkflowRow(g.Key, latest.Name, latest.Version, active, latest.DeployedAt, latest.DeployedBy, drafts.GetValueOrDefault(g.Key));
        });
        // Drafts of workflows never published yet are listed too.
        var unpublished = drafts.Where(d => versions.All(v => v.Key != d.Key))
            .Select(d => new WorkflowRow(d.Key, null, 0, null, d.Value.UpdatedAt, d.Value.UpdatedBy, d.Value));
        return [.. published.Concat(unpublished).OrderBy(w => w.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<FormRow>> FormsAsync(CancellationToken cancellationToken)
    {
        var latest = await db.FormVersions.AsNoTracking()
            .GroupBy(f => f.FormKey)
            .Select(g => g.OrderByDescending(f => f.Version).First())
            .ToListAsync(cancellationToken);
        var drafts = await DraftsAsync(DesignerDraft.FormKind, cancellationToken);
        var published = latest.Select(f => new FormRow(f.FormKey, Title(f.Schema) ?? f.FormKey, f.Version, f.DeployedAt, f.DeployedBy, drafts.GetValueOrDefault(f.FormKey)));
        var unpublished = drafts.Where(d => latest.All(f => f.FormKey != d.Key))
            .Select(d => new FormRow(d.Key, d.Key, 0, d.Value.UpdatedAt, d.Value.UpdatedBy, d.Value));
        return [.. published.Concat(unpublished).OrderBy(f => f.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every version of the workflow, newest first, with the dossiers started on it (all and still open).</summary>
    public async Task<IReadOnlyList<WorkflowVersionRow>> WorkflowVersionsAsync(string key, CancellationToken cancellationToken)
    {
        var counts = await (
                from dossier in db.Dossiers.AsNoTracking()
                join instance in db.ProcessInstances.AsNoTracking() on dossier.ProcessInstanceId equals instance.Id
                where instance.ProcessKey == key
                group instance by instance.ProcessVersion into byVersion
                select new { Version = byVersion.Key, All = byVersion.Count(), Open = byVersion.Count(i => i.EndedAt == null) })
            .ToDictionaryAsync(c => c.Version, cancellationToken);
        var versions = await db.ProcessDefinitionVersions.AsNoTracking()
            .Where(v => v.Key == key)
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.Name, v.DeployedAt, v.DeployedBy, v.RetiredAt })
            .ToListAsync(cancellationToken);
        return [.. versions.Select(v => new WorkflowVersionRow(v.Version, v.Name, v.DeployedAt, v.DeployedBy, v.RetiredAt,
            counts.GetValueOrDefault(v.Version)?.All ?? 0, counts.GetValueOrDefault(v.Version)?.Open ?? 0))];
    }

    public async Task<IReadOnlyList<FormVersionRow>> FormVersionsAsync(string key, CancellationToken cancellationToken) =>
        await db.FormVersions.AsNoTracking().Where(f => f.FormKey == key).OrderByDescending(f => f.Version)
            .Select(f => new FormVersionRow(f.Version, f.DeployedAt, f.DeployedBy))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Retires (<paramref name="retire"/> true) or reinstates a version. New dossiers start on the latest version that is
    /// not retired; retiring the only one left is refused, since the procedure would then accept no dossier at all
    /// (withdrawing a procedure is the catalogue's business).
    /// </summary>
    public async Task<RetireOutcome> SetRetiredAsync(string key, int version, bool retire, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockName = "deploy:" + key;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", cancellationToken);
        var row = await db.ProcessDefinitionVersions.SingleOrDefaultAsync(v => v.Key == key && v.Version == version, cancellationToken);
        if (row is null)
        {
            return RetireOutcome.NotFound;
        }
        if ((row.RetiredAt is not null) == retire)
        {
            return RetireOutcome.Unchanged;
        }
        if (retire && !await db.ProcessDefinitionVersions.AnyAsync(v => v.Key == key && v.Version != version && v.RetiredAt == null, cancellationToken))
        {
            return RetireOutcome.LastActive;
        }
        var now = clock.GetUtcNow();
        row.RetiredAt = retire ? now : null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(retire ? AuditActions.DefinitionRetired : AuditActions.DefinitionReinstated, "definition", $"{key}:{version}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RetireOutcome.Changed;
    }

    /// <summary>A form's title: the first heading of its first text component (how the shipped forms begin), else null.</summary>
    internal static string? Title(string schema)
    {
        try
        {
            var components = (JsonNode.Parse(schema) as JsonObject)?["components"] as JsonArray;
            var text = components?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "text")?["text"]?.GetValue<string>();
            var line = text?.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0);
            return line is { Length: > 0 } ? line[..Math.Min(line.Length, 120)] : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<Dictionary<string, DraftInfo>> DraftsAsync(string kind, CancellationToken cancellationToken) =>
        await db.DesignerDrafts.AsNoTracking().Where(d => d.Kind == kind)
            .ToDictionaryAsync(d => d.Key, d => new DraftInfo(d.Revision, d.BaseVersion, d.UpdatedAt, d.UpdatedBy), cancellationToken);
}

internal enum RetireOutcome
{
    Changed,
    Unchanged,
    NotFound,
    LastActive,
}
