using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Definitions;

/// <summary>
/// Deploys a BPMN file: imports and validates it, then stores a new version of each executable process whose
/// content changed since its latest version, pinning the current version of each form it names (binding
/// <c>deployment</c>). Identical content is a no-op. One transaction; a per-key
/// advisory lock makes concurrent deployments by several host processes safe.
/// </summary>
internal sealed class ProcessDeployment(AppDbContext db, TimeProvider clock)
{
    public sealed record DeployedProcess(string Key, int Version, bool IsNew);

    public sealed record Outcome(IReadOnlyList<DeployedProcess> Processes, IReadOnlyList<BpmnProblem> Problems)
    {
        public bool Succeeded => Problems.All(p => p.Severity != BpmnProblemSeverity.Error);
    }

    /// <param name="bpmnXml">The BPMN file's text (untrusted).</param>
    /// <param name="deployedBy">Who deploys: a user name, or <c>repository</c>.</param>
    /// <param name="context">The forms, handlers and processes the deployment may refer to.</param>
    /// <param name="cancellationToken">Cancels the deployment (nothing is stored then).</param>
    /// <param name="deployedAt">
    /// One instant for a batch deployed together (the repository at start-up), so that call activities bound to
    /// "the version deployed with the caller" find each other; the clock's time when omitted.
    /// </param>
    /// <param name="audit">Recorded in the same transaction when a new version is stored (target: the new key:version list).</param>
    /// <param name="onlyUnseenContent">
    /// True for the repository's files at start-up: content that any earlier version already had is not deployed again,
    /// so a version a designer published in the studio after the file stays the latest across restarts (the file
    /// deploys again only when someone changes it).
    /// </param>
    public async Task<Outcome> DeployAsync(
        string bpmnXml, string deployedBy, IDeploymentContext context, CancellationToken cancellationToken, DateTimeOffset? deployedAt = null,
        AuditRecord? audit = null, bool onlyUnseenContent = false)
    {
        var now = deployedAt ?? clock.GetUtcNow();
        var import = BpmnImporter.Import(bpmnXml, context);
        if (!import.IsValid)
        {
            return new Outcome([], import.Problems);
        }
        var document = import.Document!;
        var deployed = new List<DeployedProcess>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var process in document.ExecutableProcesses)
        {
            var lockName = "deploy:" + process.Key;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", cancellationToken);
            var latest = await db.ProcessDefinitionVersions
                .Where(v => v.Key == process.Key)
                .OrderByDescending(v => v.Version)
                .Select(v => new { v.Version, v.ContentHash })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest?.ContentHash == document.ContentHash)
            {
                deployed.Add(new DeployedProcess(process.Key, latest.Version, IsNew: false));
                continue;
            }
            if (onlyUnseenContent && await db.ProcessDefinitionVersions
                    .Where(v => v.Key == process.Key && v.ContentHash == document.ContentHash)
                    .MaxAsync(v => (int?)v.Version, cancellationToken) is { } seen)
            {
                deployed.Add(new DeployedProcess(process.Key, seen, IsNew: false));
                continue;
            }
            var version = new ProcessDefinitionVersion
            {
                Key = process.Key,
                Version = (latest?.Version ?? 0) + 1,
                Name = process.Name,
                ContentHash = document.ContentHash,
                BpmnXml = document.SourceXml,
                DeployedAt = now,
                DeployedBy = deployedBy,
                FormVersions = await new Forms.FormVersions(db).CurrentVersionsJsonAsync(FormKeys(process), cancellationToken),
            };
            db.ProcessDefinitionVersions.Add(version);
            deployed.Add(new DeployedProcess(process.Key, version.Version, IsNew: true));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (audit is not null && deployed.Any(p => p.IsNew))
        {
            var target = string.Join(",", deployed.Where(p => p.IsNew).Select(p => $"{p.Key}:{p.Version}"));
            await AuditLogWriter.AppendAsync(db, audit with { TargetType = "definition", TargetId = target }, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(deployed, import.Problems);
    }

    /// <summary>The forms the process's user tasks and start events name (bound at deployment by default).</summary>
    private static IEnumerable<string> FormKeys(PublicServicesBpm.Engine.Definitions.ProcessDefinition process) =>
        process.Scope.AllNodes().Select(node => node switch
        {
            PublicServicesBpm.Engine.Definitions.UserTask task => task.FormKey,
            PublicServicesBpm.Engine.Definitions.StartEvent start => start.FormKey,
            _ => null,
        }).OfType<string>();
}
