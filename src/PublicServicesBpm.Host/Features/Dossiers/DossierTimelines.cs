using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Dossiers;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>What a stranger holding the slip may see of a dossier (P11): no personal data, no internal steps.</summary>
internal sealed record PublicDossierView(
    string Code, string ProcedureName, StatusView Status, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt,
    DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Reads a dossier's timeline for its applicant or officers, and the public lookup by code and secret (B8, P11).</summary>
internal sealed class DossierTimelines(AppDbContext db)
{
    /// <summary>Compared against when no dossier has the code, so a wrong code costs the same time as a wrong secret.</summary>
    private static readonly byte[] NoSecret = Encoding.ASCII.GetBytes(new string('-', DossierCodes.SecretLength));

    /// <summary>The timeline of a dossier the viewer may see: officers see the internal steps too.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ForViewerAsync(DossierViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !DossierAccess.MaySee(viewer, dossier))
        {
            throw DossierCommandException.NotFound(id);
        }
        return await BuildAsync(dossier.Id, viewer is DossierViewer.Officer ? TimelineAudience.Officer : TimelineAudience.Applicant, cancellationToken);
    }

    /// <summary>The public view of the dossier with this code, if <paramref name="secret"/> is its lookup secret; null otherwise (either way wrong).</summary>
    public async Task<PublicDossierView?> LookupAsync(string code, string? secret, CancellationToken cancellationToken)
    {
        var dossier = code.Length is > 0 and <= 40
            ? await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken)
            : null;
        var expected = dossier?.LookupSecret is { } stored ? Encoding.ASCII.GetBytes(stored) : NoSecret;
        var given = Encoding.ASCII.GetBytes(Normalise(secret));
        // Fixed-time over the stored length; a given secret of another length simply fails.
        var padded = new byte[expected.Length];
        given.AsSpan(0, Math.Min(given.Length, padded.Length)).CopyTo(padded);
        var matches = CryptographicOperations.FixedTimeEquals(expected, padded) & given.Length == expected.Length;
        if (dossier?.LookupSecret is null || !matches)
        {
            return null;
        }
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var procedure = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureKey == dossier.ProcedureCode && v.Version == dossier.ProcedureVersion)
            .Select(v => new { v.Name, v.NameEn }).SingleOrDefaultAsync(cancellationToken);
        var procedureName = (english ? procedure?.NameEn : null) ?? procedure?.Name ?? dossier.ProcedureCode;
        return new PublicDossierView(
            dossier.Code!, procedureName, DossierQueries.Status(dossier.Status), dossier.ReceivedAt, dossier.AppointmentAt, dossier.FinishedAt,
            dossier.ReturnedAt, await BuildAsync(dossier.Id, TimelineAudience.Public, cancellationToken));
    }

    private async Task<IReadOnlyList<TimelineEntry>> BuildAsync(Guid dossierId, TimelineAudience audience, CancellationToken cancellationToken)
    {
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var components = await db.DossierComponents.AsNoTracking().Where(c => c.DossierId == dossierId)
            .ToDictionaryAsync(c => c.ComponentCode, c => c.Name, cancellationToken);
        return DossierTimeline.Build(events, components, audience, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
    }

    /// <summary>The secret as printed is upper case; people type it in any case, with spaces or a dash.</summary>
    private static string Normalise(string? secret) =>
        secret is null ? string.Empty
        : new string([.. secret.Where(c => c is not (' ' or '-') && c < 128).Select(char.ToUpperInvariant)]);
}
