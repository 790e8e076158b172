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
/// problem reported, nothing stored when one is found), stored as version N + 1 unless a version with the same content
/// exists (a no-op answering that version). A per-key advisory lock makes concurrent deployments by several hosts safe.
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
        // Content some version already has is that version (one version per content): the repository's file after a
        // designer published a newer version in the studio, a designer going back to an earlier schema, or a schema
        // published from the studio unchanged (stored as jsonb, it comes back with its keys in another order: jsonb
        // equality ignores that, where the text's hash does not).
        var seen = latest?.ContentHash == hash
            ? latest.Version
            : await db.Database.SqlQuery<int>($"""
                SELECT version AS "Value" FROM bpm.form_versions
                WHERE form_key = {formKey} AND (content_hash = {hash} OR schema = {schemaJson}::jsonb)
                ORDER BY version DESC LIMIT 1
                """).Cast<int?>().FirstOrDefaultAsync(cancellationToken);
        if (seen is { } existing)
        {
            return new Outcome(formKey, existing, false, []);
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
