using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// The procedure catalogue's commands (function H3): store a document as a new version (a draft, or published at
/// once for the repository's files), publish, withdraw. Storing the same text again is a no-op (content hash).
/// Each command saves on the caller's <see cref="AppDbContext"/>; the caller owns the transaction and the audit entry.
/// </summary>
internal sealed class ProcedureCatalogue(AppDbContext db, TimeProvider clock)
{
    /// <summary>A stored version, whether this call created it, or the problems that prevented storing.</summary>
    public sealed record StoreOutcome(ProcedureVersion? Version, bool IsNew, IReadOnlyList<ProcedureProblem> Problems)
    {
        public bool Succeeded => Version is not null;
    }

    /// <summary>
    /// Reads <paramref name="text"/> (a procedure.json), checks its references and stores it as the next version —
    /// <see cref="ProcedureStatuses.Published"/> when <paramref name="publish"/>, otherwise a draft.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(string text, string by, bool publish, CancellationToken cancellationToken)
    {
        var (document, problems) = ProcedureFileReader.Read(text);
        if (document is null)
        {
            return new(null, false, problems);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var existing = await db.ProcedureVersions.SingleOrDefaultAsync(v => v.ProcedureKey == document.Key && v.ContentHash == hash, cancellationToken);
        if (existing is not null)
        {
            return new(existing, false, []);
        }
        var referenceProblems = await CheckReferencesAsync(document, cancellationToken);
        if (referenceProblems.Count > 0)
        {
            return new(null, false, referenceProblems);
        }
        var now = clock.GetUtcNow();
        var procedure = await db.Procedures.SingleOrDefaultAsync(p => p.Key == document.Key, cancellationToken);
        if (procedure is null)
        {
            db.Procedures.Add(new Procedure { Key = document.Key, NationalCode = document.NationalCode, CreatedAt = now });
        }
        else
        {
            procedure.NationalCode = document.NationalCode;
        }
        var latest = await db.ProcedureVersions.Where(v => v.ProcedureKey == document.Key).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = new ProcedureVersion
        {
            ProcedureKey = document.Key,
            Version = latest + 1,
            Status = publish ? ProcedureStatuses.Published : ProcedureStatuses.Draft,
            NationalCode = document.NationalCode,
            Name = document.Name,
            NameEn = document.NameEn,
            SectorCode = document.SectorCode,
            Level = document.Level,
            OnlineLevel = document.OnlineLevel,
            AgencyCodes = [.. document.Agencies],
            LegalBasis = [.. document.LegalBasis],
            Result = document.Result,
            PublicationDecision = document.Publication.Decision,
            EffectiveFrom = document.Publication.EffectiveFrom,
            RestartTimeLimitAfterSupplement = document.RestartTimeLimitAfterSupplement,
            Cases = JsonSerializer.Serialize(document.Cases, ProcedureFileReader.Json),
            Document = text,
            ContentHash = hash,
            SearchName = SearchFolding.Column(document.Name),
            SearchText = SearchFolding.Column(SearchableText(document, await SectorNameAsync(document.SectorCode, cancellationToken))),
            CreatedAt = now,
            CreatedBy = by,
            PublishedAt = publish ? now : null,
            PublishedBy = publish ? by : null,
        };
        db.ProcedureVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return new(version, true, []);
    }

    /// <summary>Draft → published. Returns null when there is no such version; throws when it is not a draft.</summary>
    public Task<ProcedureVersion?> PublishAsync(string key, int version, string by, CancellationToken cancellationToken) =>
        ChangeStatusAsync(key, version, ProcedureStatuses.Draft, ProcedureStatuses.Published, by, cancellationToken);

    /// <summary>Published → withdrawn: the version is no longer offered (an earlier published version, if any, is in force again).</summary>
    public Task<ProcedureVersion?> WithdrawAsync(string key, int version, string by, CancellationToken cancellationToken) =>
        ChangeStatusAsync(key, version, ProcedureStatuses.Published, ProcedureStatuses.Withdrawn, by, cancellationToken);

    /// <summary>The published version in force on <paramref name="date"/>: latest effective date not after it, then highest version.</summary>
    public Task<ProcedureVersion?> InForceAsync(string key, DateOnly date, CancellationToken cancellationToken) =>
        db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureKey == key && v.Status == ProcedureStatuses.Published && v.EffectiveFrom <= date)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<ProcedureVersion?> ChangeStatusAsync(string key, int number, string from, string to, string by, CancellationToken cancellationToken)
    {
        var version = await db.ProcedureVersions.SingleOrDefaultAsync(v => v.ProcedureKey == key && v.Version == number, cancellationToken);
        if (version is null)
        {
            return null;
        }
        if (version.Status != from)
        {
            throw new ProcedureStatusException($"Version {number} of '{key}' is {version.Status}; only a {from} version can become {to}.");
        }
        version.Status = to;
        var now = clock.GetUtcNow();
        if (to == ProcedureStatuses.Published)
        {
            (version.PublishedAt, version.PublishedBy) = (now, by);
        }
        else
        {
            (version.WithdrawnAt, version.WithdrawnBy) = (now, by);
        }
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>Sector, agencies and document types must exist in the shared catalogues.</summary>
    private async Task<List<ProcedureProblem>> CheckReferencesAsync(ProcedureDocument document, CancellationToken cancellationToken)
    {
        var problems = new List<ProcedureProblem>();
        if (!await db.Sectors.AnyAsync(s => s.Code == document.SectorCode, cancellationToken))
        {
            problems.Add(new("$.sectorCode", $"Unknown sector '{document.SectorCode}'."));
        }
        var agencies = document.Agencies.ToArray();
        var known = await db.Agencies.Where(a => agencies.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < agencies.Length; i++)
        {
            if (!known.Contains(agencies[i]))
            {
                problems.Add(new($"$.agencies[{i}]", $"Unknown agency '{agencies[i]}'."));
            }
        }
        var documentTypes = document.Cases.SelectMany(c => c.Components).Select(c => c.DocumentType).OfType<string>().Distinct().ToArray();
        var knownTypes = await db.DocumentTypes.Where(t => documentTypes.Contains(t.Code)).Select(t => t.Code).Distinct().ToListAsync(cancellationToken);
        for (var c = 0; c < document.Cases.Count; c++)
        {
            for (var i = 0; i < document.Cases[c].Components.Count; i++)
            {
                if (document.Cases[c].Components[i].DocumentType is { } type && !knownTypes.Contains(type))
                {
                    problems.Add(new($"$.cases[{c}].components[{i}].documentType", $"Unknown document type '{type}'."));
                }
            }
        }
        return problems;
    }

    private Task<string?> SectorNameAsync(string code, CancellationToken cancellationToken) =>
        db.Sectors.Where(s => s.Code == code).OrderByDescending(s => s.ValidFrom).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>What a citizen might type: the names, code, sector, result, and the names of cases and components.</summary>
    private static string SearchableText(ProcedureDocument document, string? sectorName) =>
        string.Join(' ', new[] { document.Name, document.NameEn, document.NationalCode, sectorName, document.Result }
            .Concat(document.Cases.SelectMany(c => new[] { c.Name }.Concat(c.Components.Select(p => p.Name))))
            .OfType<string>());
}

/// <summary>A status change the version's current status does not allow (answered 409).</summary>
internal sealed class ProcedureStatusException(string message) : Exception(message);
