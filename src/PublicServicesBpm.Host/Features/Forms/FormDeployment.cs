using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Forms;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Forms;

namespace PublicServicesBpm.Host.Features.Forms;

/// <summary>
/// Deploys a form-js schema as a new version of its form key: checked with <see cref="FormSchema.Parse"/> (every
/// problem reported, nothing stored when one is found), stored as version N + 1 unless the latest version has the
/// same content (a no-op). A per-key advisory lock makes concurrent deployments by several hosts safe.
/// </summary>
internal sealed class FormDeployment(AppDbContext db, TimeProvider clock)
{
    /// <summary>Form keys name folders and appear in URLs: lowercase letters, digits and dashes.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 200 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && !key.StartsWith('-');

    public sealed record Outcome(string FormKey, int Version, bool IsNew, IReadOnlyList<FormProblem> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    public async Task<Outcome> DeployAsync(string formKey, string schemaJson, string deployedBy, CancellationToken cancellationToken, AuditRecord? audit = null)
    {
        var parsed = FormSchema.Parse(schemaJson);
        if (!parsed.IsValid)
        {
            return new Outcome(formKey, 0, false, parsed.Problems);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schemaJson)));
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockName = "form:" + formKey;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", cancellationToken);
        var latest = await db.FormVersions.Where(f => f.FormKey == formKey).OrderByDescending(f => f.Version)
            .Select(f => new { f.Version, f.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        if (latest?.ContentHash == hash)
        {
            return new Outcome(formKey, latest.Version, false, []);
        }
        var version = new FormVersion
        {
            FormKey = formKey,
            Version = (latest?.Version ?? 0) + 1,
            ContentHash = hash,
            Schema = schemaJson,
            DeployedAt = now,
            DeployedBy = deployedBy,
        };
        db.FormVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        if (audit is not null)
        {
            await AuditLogWriter.AppendAsync(db, audit with { TargetType = "form", TargetId = $"{formKey}:{version.Version}" }, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(formKey, version.Version, true, []);
    }
}
