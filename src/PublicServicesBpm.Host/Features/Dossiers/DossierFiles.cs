using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Attachments;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>A file of a dossier as listed to its applicant or officers.</summary>
internal sealed record DossierFileView(
    Guid Id, string ComponentCode, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, int Round, bool Superseded);

/// <summary>An upload the caller may make: checked before a byte of the body is read.</summary>
internal sealed record DossierUploadPlan(Guid DossierId, string ComponentCode, int Round, Guid? Replaces);

/// <summary>
/// Files of dossier components and result documents (P6, P9). Content goes to the <see cref="AttachmentStore"/> (by
/// SHA-256, type from the content); the row in <c>app.dossier_files</c> says whose it is. A file is never
/// overwritten: a replacement is a new row and the old one is marked superseded, in one transaction with the
/// component's digitisation flag and the history row. Who may upload when: the owner applicant on a draft (round 0)
/// or when supplementation was asked (round n); a one-stop officer of the agency on a counter draft, at receipt, or
/// when the applicant brings the supplement to the desk; any officer of the agency a result file once the dossier
/// runs on its workflow.
/// </summary>
internal sealed class DossierFiles(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The component code of a result document's files.</summary>
    public const string ResultComponent = "result";

    public const string UploadedAction = "dossier.file-uploaded";

    /// <summary>What a dossier file may be: scans, photos and office documents.</summary>
    public static readonly IReadOnlyList<AttachmentType> AllowedTypes =
        [AttachmentType.Pdf, AttachmentType.Jpeg, AttachmentType.Png, AttachmentType.Docx, AttachmentType.Xlsx];

    /// <summary>The largest upload, in bytes.</summary>
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Checks that <paramref name="viewer"/> may add a file to the component now; throws the refusal otherwise.</summary>
    public async Task<DossierUploadPlan> PlanAsync(DossierViewer viewer, Guid id, string componentCode, Guid? replaces, CancellationToken cancellationToken)
    {
        var dossier = await VisibleAsync(viewer, id, cancellationToken);
        var round = Round(viewer, dossier, componentCode);
        if (componentCode != ResultComponent
            && !await db.DossierComponents.AnyAsync(c => c.DossierId == id && c.ComponentCode == componentCode, cancellationToken))
        {
            throw new DossierCommandException(StatusCodes.Status404NotFound, "Not found", $"Hồ sơ không có thành phần '{componentCode}'.");
        }
        if (replaces is { } old)
        {
            var replaced = await db.DossierFiles.AsNoTracking()
                .SingleOrDefaultAsync(f => f.Id == old && f.DossierId == id && f.ComponentCode == componentCode, cancellationToken)
                ?? throw new DossierCommandException(StatusCodes.Status404NotFound, "Not found", $"Thành phần '{componentCode}' không có tệp '{old}'.");
            if (replaced.SupersededAt is not null)
            {
                throw DossierCommandException.WrongStep("Tệp này đã được thay bằng tệp khác.");
            }
        }
        return new DossierUploadPlan(id, componentCode, round, replaces);
    }

    /// <summary>
    /// Stores the content and records the file. A refused file (<see cref="AttachmentRejectedException"/>) leaves no
    /// row; a row is written only with its content kept, and only if the plan still holds when the dossier is locked.
    /// </summary>
    public async Task<DossierFileView> SaveAsync(DossierViewer viewer, DossierUploadPlan plan, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var stored = await store.SaveAsync(content, fileName, MaxBytes, AllowedTypes, cancellationToken);
        var name = Path.HasExtension(fileName) ? fileName : fileName + stored.Extension;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The dossier may have moved while the bytes arrived: decide again under its row lock.
        var dossier = await db.Dossiers.FromSql($"SELECT * FROM app.dossiers WHERE id = {plan.DossierId} FOR UPDATE").AsNoTracking().SingleAsync(cancellationToken);
        if (Round(viewer, dossier, plan.ComponentCode) != plan.Round)
        {
            throw DossierCommandException.WrongStep("Hồ sơ đã chuyển sang bước khác trong khi tải tệp lên: tải lại.");
        }
        var now = clock.GetUtcNow();
        if (plan.Replaces is { } old)
        {
            var superseded = await db.DossierFiles
                .Where(f => f.Id == old && f.DossierId == plan.DossierId && f.ComponentCode == plan.ComponentCode && f.SupersededAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.SupersededAt, now), cancellationToken);
            if (superseded != 1)
            {
                throw DossierCommandException.WrongStep("Tệp này đã được thay bằng tệp khác.");
            }
        }
        var file = new DossierFileRecord
        {
            Id = Guid.CreateVersion7(), DossierId = plan.DossierId, ComponentCode = plan.ComponentCode, Sha256 = stored.Sha256, FileName = name,
            ContentType = stored.ContentType, SizeBytes = stored.Size, UploadedBy = viewer.Subject, UploadedAt = now, Round = plan.Round,
        };
        db.DossierFiles.Add(file);
        if (plan.ComponentCode != ResultComponent)
        {
            await db.DossierComponents.Where(c => c.DossierId == plan.DossierId && c.ComponentCode == plan.ComponentCode)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Digitisation, "digitised"), cancellationToken);
        }
        db.DossierEvents.Add(new DossierEventRecord
        {
            DossierId = plan.DossierId, At = now, Kind = "file-uploaded", ActorSubject = viewer.Subject, ActorName = viewer.Name,
            Data = JsonSerializer.Serialize(new { fileId = file.Id, component = plan.ComponentCode, fileName = name, round = plan.Round, replaces = plan.Replaces }, DossierJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(UploadedAction, "dossier-file", file.Id.ToString("D"), plan.DossierId,
            details: new { component = plan.ComponentCode, sha256 = stored.Sha256, replaces = plan.Replaces }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(file);
    }

    /// <summary>The dossier's files the viewer may see (an applicant sees result files once the result is ready).</summary>
    public async Task<IReadOnlyList<DossierFileView>> ListAsync(DossierViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await VisibleAsync(viewer, id, cancellationToken);
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == id).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        return [.. files.Where(f => MayDownload(viewer, dossier, f)).Select(View)];
    }

    /// <summary>The file and its content, for a viewer who may see the dossier; officers' reads are audited as personal data.</summary>
    public async Task<(DossierFileRecord File, Stream Content)> OpenAsync(DossierViewer viewer, Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var dossier = await VisibleAsync(viewer, id, cancellationToken);
        var file = await db.DossierFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.DossierId == id, cancellationToken);
        if (file is null || !MayDownload(viewer, dossier, file) || store.OpenRead(file.Sha256) is not { } content)
        {
            throw new DossierCommandException(StatusCodes.Status404NotFound, "Not found", $"Hồ sơ không có tệp '{fileId}'.");
        }
        if (viewer is DossierViewer.Officer)
        {
            await audit.RecordPersonalDataReadAsync("dossier-file", file.Id.ToString("D"), id, new { component = file.ComponentCode }, cancellationToken);
        }
        return (file, content);
    }

    /// <summary>The round a new file of <paramref name="componentCode"/> belongs to, or the reason the viewer may not add one now.</summary>
    private static int Round(DossierViewer viewer, DossierRecord dossier, string componentCode)
    {
        if (componentCode == ResultComponent)
        {
            if (viewer is not DossierViewer.Officer)
            {
                throw DossierCommandException.Forbidden("Văn bản kết quả do cơ quan giải quyết tải lên.");
            }
            return dossier.ProcessInstanceId is not null && dossier.Status is not (DossierStatuses.Refused or DossierStatuses.Stopped)
                ? 0
                : throw DossierCommandException.WrongStep("Chỉ tải văn bản kết quả lên hồ sơ đang được giải quyết.");
        }
        switch (viewer)
        {
            case DossierViewer.Applicant:
                return dossier.Status switch
                {
                    DossierStatuses.Draft when dossier.ProcessInstanceId is null => 0,
                    DossierStatuses.AwaitingSupplement => dossier.SupplementationCount,
                    _ => throw DossierCommandException.WrongStep("Chỉ tải giấy tờ lên khi hồ sơ còn là bản nháp hoặc khi cơ quan yêu cầu bổ sung."),
                };
            case DossierViewer.Officer officer:
                if (!DossierAccess.HasRoleAt(officer.Scope, dossier.AgencyCode, OfficerRole.OneStopOfficer))
                {
                    throw DossierCommandException.Forbidden("Cán bộ một cửa của cơ quan tiếp nhận số hóa giấy tờ của hồ sơ.");
                }
                return dossier.Status switch
                {
                    DossierStatuses.Draft when dossier.OwnerSubject is not null => throw DossierCommandException.Forbidden("Bản nháp trực tuyến do người nộp tự hoàn thiện."),
                    DossierStatuses.Draft when dossier.ProcessInstanceId is null => 0,
                    DossierStatuses.Submitted or DossierStatuses.Received or DossierStatuses.AwaitingSupplement => dossier.SupplementationCount,
                    _ => throw DossierCommandException.WrongStep("Chỉ số hóa giấy tờ khi tiếp nhận hồ sơ hoặc khi nhận giấy tờ bổ sung."),
                };
            default:
                throw DossierCommandException.Forbidden("Not allowed.");
        }
    }

    private static bool MayDownload(DossierViewer viewer, DossierRecord dossier, DossierFileRecord file) =>
        viewer is DossierViewer.Officer || file.ComponentCode != ResultComponent
        || dossier.Status is DossierStatuses.ResultReady or DossierStatuses.ResultReturned;

    private async Task<DossierRecord> VisibleAsync(DossierViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return dossier is not null && DossierAccess.MaySee(viewer, dossier) ? dossier : throw DossierCommandException.NotFound(id);
    }

    private static DossierFileView View(DossierFileRecord f) =>
        new(f.Id, f.ComponentCode, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.Round, f.SupersededAt is not null);
}
