using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Dossiers;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>Reads dossiers and everything recorded about them.</summary>
internal sealed class DossierQueries(AppDbContext db)
{
    /// <summary>The dossier, if <paramref name="viewer"/> may see it; null otherwise (also when it does not exist).</summary>
    public async Task<DossierRecord?> FindVisibleAsync(DossierViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return dossier is not null && DossierAccess.MaySee(viewer, dossier) ? dossier : null;
    }

    /// <summary>The full view of a dossier: components with files, open tasks, history, rounds, payments, apologies, messages.</summary>
    public async Task<DossierView> ViewAsync(DossierRecord dossier, DossierViewer viewer, CancellationToken cancellationToken)
    {
        var components = await db.DossierComponents.AsNoTracking().Where(c => c.DossierId == dossier.Id).ToListAsync(cancellationToken);
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossier.Id).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var rounds = await db.DossierSupplementations.AsNoTracking().Where(s => s.DossierId == dossier.Id).OrderBy(s => s.Round).ToListAsync(cancellationToken);
        var payments = await db.DossierPayments.AsNoTracking().Where(p => p.DossierId == dossier.Id).OrderBy(p => p.RequestedAt).ToListAsync(cancellationToken);
        var apologies = await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.ProposedAt).ToListAsync(cancellationToken);
        var messages = await db.DossierMessages.AsNoTracking().Where(m => m.DossierId == dossier.Id).OrderBy(m => m.At).ToListAsync(cancellationToken);
        var tasks = dossier.ProcessInstanceId is { } instanceId
            ? await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == "open").OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken)
            : [];
        // The officers' internal notes in the history (actor names) are for officers; applicants see the same events without them.
        var officer = viewer is DossierViewer.Officer;
        return new DossierView(
            dossier.Id, dossier.Code, dossier.LookupSecret, dossier.ProcedureCode, dossier.ProcedureVersion, dossier.CaseCode, dossier.AgencyCode,
            DossierChannels.CatalogueName(dossier.Channel), Status(dossier.Status), dossier.SubStatus, Parse(dossier.Applicant), Parse(dossier.FormData),
            dossier.ResultDelivery, dossier.CreatedAt, dossier.SubmittedAt, dossier.ReceivedAt, dossier.AppointmentAt, dossier.FirstAppointmentAt,
            dossier.PausedWorkingMinutes, dossier.PausedSince is not null, dossier.SupplementationCount, dossier.FinishedAt, dossier.ReturnedAt,
            Parse(dossier.Result), Parse(dossier.ResultReturn), dossier.Reason, dossier.ProcessInstanceId,
            [.. components.OrderBy(c => c.Required ? 0 : 1).Select(c => new ComponentView(
                c.ComponentCode, c.Name, c.Required, c.Originals, c.CertifiedCopies, c.Copies, c.Digitisation,
                [.. files.Where(f => f.ComponentCode == c.ComponentCode).Select(File)]))],
            [.. tasks.Select(t => new OpenTaskView(t.Id, t.ElementId, t.Name, t.Outcomes, t.CandidateGroups, officer ? t.Assignee : null, t.FormKey, t.CreatedAt, t.DueAt))],
            [.. events.Select(e => new EventView(e.Id, e.At, e.Kind, e.Status, e.ElementId, officer ? e.ActorName : null, Parse(e.Data)))],
            [.. rounds.Select(r => new SupplementationView(r.Round, r.RequestedAt, Parse(r.Items), r.Guidance, r.State, r.SuppliedAt, r.CompletedAt))],
            [.. payments.Select(p => new PaymentView(p.Id, p.Amount, p.Description, p.RequestedAt, p.PaidAt, p.Method, p.ReceiptNumber))],
            [.. apologies.Select(a => new ApologyView(a.Id, a.ProposedAt, a.Unit, a.Reason, a.PreviousAppointmentAt, a.NewAppointmentAt, a.State, a.DecidedAt))],
            [.. messages.Select(m => new MessageView(m.Id, m.At, m.AuthorKind, m.AuthorName, m.Body))]);
    }

    /// <summary>
    /// Dossiers the viewer may see, newest first: an applicant's own; an officer's agencies' (optionally one agency,
    /// one status, one procedure, or a fragment of the code).
    /// </summary>
    public async Task<IReadOnlyList<DossierSummary>> ListAsync(
        DossierViewer viewer, short? status, string? procedureCode, string? agencyCode, string? text, int limit, CancellationToken cancellationToken)
    {
        var query = db.Dossiers.AsNoTracking();
        if (viewer is DossierViewer.Officer officer)
        {
            var agencies = officer.Scope.Agencies.ToArray();
            query = query.Where(d => agencies.Contains(d.AgencyCode) && d.Status != DossierStatuses.Draft);
        }
        else
        {
            query = query.Where(d => d.OwnerSubject == viewer.Subject);
        }
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(procedureCode))
        {
            query = query.Where(d => d.ProcedureCode == procedureCode);
        }
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            query = query.Where(d => d.AgencyCode == agencyCode);
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(d => (d.Code != null && EF.Functions.ILike(d.Code, pattern)));
        }
        var rows = await query.OrderByDescending(d => d.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DossierSummary(
            d.Id, d.Code, d.ProcedureCode, d.AgencyCode, DossierChannels.CatalogueName(d.Channel), Status(d.Status),
            Parse(d.Applicant)?["fullName"]?.GetValue<string>() ?? string.Empty, d.CreatedAt, d.ReceivedAt, d.AppointmentAt, d.FinishedAt))];
    }

    public static StatusView Status(short code) => new(code, DossierStatuses.Name(code), DossierStatuses.Name(code, english: true));

    private static FileView File(DossierFileRecord f) => new(f.Id, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.Round, f.SupersededAt is not null);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
