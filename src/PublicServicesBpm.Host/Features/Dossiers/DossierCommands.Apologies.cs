using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// Apologies with a new appointment (form 04) and messages (P4). Neither moves the workflow: a late dossier stays in
/// processing (status 4) while its appointment changes with a leader's approval, and a message is a conversation
/// beside the process (docs/adr/0006-dossiers-on-the-workflow.md).
/// </summary>
internal sealed partial class DossierCommands
{
    private static readonly short[] OpenStatuses = [DossierStatuses.Received, DossierStatuses.Processing, DossierStatuses.AwaitingSupplement, DossierStatuses.AwaitingPayment];

    /// <summary>The unit proposes an apology and a later appointment for a dossier that will be late.</summary>
    public async Task<Guid> ProposeApologyAsync(DossierViewer viewer, Guid id, ApologyRequest request, CancellationToken cancellationToken)
    {
        var officer = RequireOfficer(viewer);
        var dossier = await FindAsync(viewer, id, cancellationToken);
        if (!OpenStatuses.Contains(dossier.Status) || dossier.AppointmentAt is not { } appointment)
        {
            throw DossierCommandException.WrongStep("Chỉ hồ sơ đã tiếp nhận và đang giải quyết mới có thể xin lỗi, hẹn lại.");
        }
        if (!DossierAccess.HasRoleAt(officer.Scope, dossier.AgencyCode, OfficerRole.Specialist, OfficerRole.DepartmentHead, OfficerRole.UnitLeader, OfficerRole.OneStopOfficer))
        {
            throw DossierCommandException.Forbidden("Chỉ cán bộ giải quyết hồ sơ của cơ quan đề xuất xin lỗi, hẹn lại.");
        }
        var unit = Required(request.Unit, "unit", "Nêu đơn vị để hồ sơ quá hạn.", 300);
        var reason = Required(request.Reason, "reason", "Nêu lý do quá hạn.", 2000);
        var newAppointment = request.NewAppointmentAt?.ToUniversalTime() ?? throw DossierCommandException.Invalid("newAppointmentAt", "Nhập ngày hẹn trả mới.");
        if (newAppointment <= appointment)
        {
            throw DossierCommandException.Invalid("newAppointmentAt", "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
        }
        if (await db.DossierApologies.AnyAsync(a => a.DossierId == id && a.State == "proposed", cancellationToken))
        {
            throw DossierCommandException.WrongStep("Đã có một đề xuất xin lỗi, hẹn lại đang chờ duyệt.");
        }
        var now = clock.GetUtcNow();
        var apology = new DossierApologyRecord
        {
            Id = Guid.CreateVersion7(), DossierId = id, ProposedAt = now, ProposedBy = viewer.Subject, Unit = unit, Reason = reason,
            PreviousAppointmentAt = appointment, NewAppointmentAt = newAppointment, State = "proposed",
        };
        db.DossierApologies.Add(apology);
        db.DossierEvents.Add(Event(id, now, "apology-proposed", new { apologyId = apology.Id, unit, reason, newAppointment }, viewer));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(DossierAuditActions.ApologyProposed, "dossier", id.ToString("D"), id, details: new { apologyId = apology.Id }, cancellationToken: cancellationToken);
        return apology.Id;
    }

    /// <summary>A leader approves (the appointment changes, reason recorded) or rejects a proposed apology.</summary>
    public async Task DecideApologyAsync(DossierViewer viewer, Guid id, Guid apologyId, ApologyDecision decision, CancellationToken cancellationToken)
    {
        var officer = RequireOfficer(viewer);
        var dossier = await FindAsync(viewer, id, cancellationToken);
        if (!DossierAccess.HasRoleAt(officer.Scope, dossier.AgencyCode, OfficerRole.UnitLeader, OfficerRole.DepartmentHead))
        {
            throw DossierCommandException.Forbidden("Lãnh đạo đơn vị duyệt phiếu xin lỗi, hẹn lại.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var apology = await db.DossierApologies.SingleOrDefaultAsync(a => a.Id == apologyId && a.DossierId == id, cancellationToken)
            ?? throw new DossierCommandException(StatusCodes.Status404NotFound, "Not found", $"Hồ sơ không có đề xuất '{apologyId}'.");
        if (apology.State != "proposed")
        {
            throw DossierCommandException.WrongStep("Đề xuất này đã được duyệt hoặc từ chối.");
        }
        var now = clock.GetUtcNow();
        apology.State = decision.Approve ? "approved" : "rejected";
        apology.DecidedBy = viewer.Subject;
        apology.DecidedAt = now;
        if (decision.Approve)
        {
            var moved = await db.Dossiers.Where(d => d.Id == id && d.AppointmentAt == apology.PreviousAppointmentAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.AppointmentAt, apology.NewAppointmentAt).SetProperty(d => d.UpdatedAt, now), cancellationToken);
            if (moved != 1)
            {
                throw DossierCommandException.WrongStep("Ngày hẹn của hồ sơ đã thay đổi từ khi đề xuất: lập đề xuất mới.");
            }
            db.DossierEvents.Add(Event(id, now, "appointment", new
            {
                previous = apology.PreviousAppointmentAt, appointment = apology.NewAppointmentAt, reason = "apology", apologyId, unit = apology.Unit, note = decision.Note,
            }, viewer));
        }
        db.DossierEvents.Add(Event(id, now, decision.Approve ? "apology-approved" : "apology-rejected", new { apologyId, note = decision.Note }, viewer));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(DossierAuditActions.ApologyDecided, "dossier", id.ToString("D"), id, details: new { apologyId, decision.Approve }, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A message between the applicant and the officers on the dossier (P4).</summary>
    public async Task<MessageView> PostMessageAsync(DossierViewer viewer, Guid id, MessageRequest request, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(viewer, id, cancellationToken);
        if (dossier.Status == DossierStatuses.Draft)
        {
            throw DossierCommandException.WrongStep("Nộp hồ sơ trước khi trao đổi với cơ quan giải quyết.");
        }
        var body = Required(request.Body, "body", "Nhập nội dung tin nhắn.", 4000);
        var message = new DossierMessageRecord
        {
            Id = Guid.CreateVersion7(), DossierId = id, At = clock.GetUtcNow(), AuthorKind = viewer is DossierViewer.Officer ? "officer" : "applicant",
            AuthorSubject = viewer.Subject, AuthorName = viewer.Name, Body = body,
        };
        db.DossierMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(DossierAuditActions.MessagePosted, "dossier", id.ToString("D"), id, details: new { messageId = message.Id }, cancellationToken: cancellationToken);
        return new MessageView(message.Id, message.At, message.AuthorKind, message.AuthorName, message.Body);
    }

    private static DossierEventRecord Event(Guid dossierId, DateTimeOffset at, string kind, object? data, DossierViewer viewer) => new()
    {
        DossierId = dossierId, At = at, Kind = kind, ActorSubject = viewer.Subject, ActorName = viewer.Name,
        Data = data is null ? null : JsonSerializer.Serialize(data, DossierJson.Options),
    };
}
