using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Slips;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// Fills the slip models of forms 01–05 and the register (form 06) from a dossier's data (H19): the agency from the
/// catalogue, the applicant, the procedure's name as the content, components with their counts, the legal time,
/// the appointment, the officers' names. A slip asked for at the wrong step (form 01 of a dossier not received yet,
/// form 04 without an approved apology) is refused with 409.
/// </summary>
internal sealed class DossierSlips(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The most rows a register prints: a larger period must be split.</summary>
    public const int MaxRegisterEntries = 5000;

    public static readonly string[] Forms = ["01", "02", "03", "04", "05"];

    /// <summary>Renders form <paramref name="form"/> of the dossier: officers of its agency any form, its applicant form 01.</summary>
    public async Task<(SlipPdf Pdf, string? Code)> RenderAsync(DossierViewer viewer, Guid id, string form, SlipDocuments documents, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !DossierAccess.MaySee(viewer, dossier))
        {
            throw DossierCommandException.NotFound(id);
        }
        if (viewer is DossierViewer.Applicant && form != "01")
        {
            throw DossierCommandException.Forbidden("Người nộp hồ sơ nhận giấy tiếp nhận và hẹn trả kết quả (mẫu 01); các phiếu khác do cơ quan in.");
        }
        var pdf = form switch
        {
            "01" => documents.Pdf(await ReceiptAsync(dossier, cancellationToken)),
            "02" => documents.Pdf(await SupplementationAsync(dossier, cancellationToken)),
            "03" => documents.Pdf(await RefusalAsync(dossier, cancellationToken)),
            "04" => documents.Pdf(await ApologyAsync(dossier, cancellationToken)),
            "05" => documents.Pdf(await ControlSheetAsync(dossier, cancellationToken)),
            _ => throw new DossierCommandException(StatusCodes.Status404NotFound, "Not found", $"Không có mẫu phiếu '{form}'; các mẫu: {string.Join(", ", Forms)}."),
        };
        if (viewer is DossierViewer.Officer)
        {
            await audit.RecordPersonalDataReadAsync("dossier-slip", $"{id:D}/{form}", id, new { form }, cancellationToken);
        }
        return (pdf, dossier.Code);
    }

    /// <summary>The register of an agency's dossiers received in a period (Vietnam dates), optionally of one status.</summary>
    public async Task<DossierRegister> RegisterAsync(string agencyCode, DateOnly from, DateOnly to, short? status, CancellationToken cancellationToken)
    {
        var start = VietnamTime.StartOf(from);
        var end = VietnamTime.StartOf(to.AddDays(1));
        var query = db.Dossiers.AsNoTracking()
            .Where(d => d.AgencyCode == agencyCode && d.Code != null && d.ReceivedAt != null && d.ReceivedAt >= start && d.ReceivedAt < end);
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }
        var dossiers = await query.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Code).Take(MaxRegisterEntries + 1).ToListAsync(cancellationToken);
        if (dossiers.Count > MaxRegisterEntries)
        {
            throw DossierCommandException.Invalid("to", $"Kỳ này có hơn {MaxRegisterEntries} hồ sơ: chọn khoảng thời gian ngắn hơn.");
        }
        var names = await ProcedureNamesAsync(dossiers, cancellationToken);
        var officers = await OfficerNamesAsync(dossiers.Select(d => d.ReceivedBy), cancellationToken);
        await audit.RecordPersonalDataReadAsync("dossier-register", agencyCode, details: new { from, to, status, count = dossiers.Count }, cancellationToken: cancellationToken);
        return new DossierRegister(
            await AgencyAsync(agencyCode, cancellationToken), from, to, status is { } s ? DossierStatuses.Name(s) : null,
            [.. dossiers.Select(d =>
            {
                var applicant = Applicant(d);
                return new RegisterEntry(
                    d.Code!, names.GetValueOrDefault((d.ProcedureCode, d.ProcedureVersion), d.ProcedureCode), applicant.Name, applicant.Address, applicant.Phone,
                    d.ReceivedAt!.Value, d.AppointmentAt, d.ReturnedAt, d.ReceivedBy is { } by ? officers.GetValueOrDefault(by) : null, DossierStatuses.Name(d.Status));
            })],
            clock.GetUtcNow());
    }

    private async Task<ReceiptSlip> ReceiptAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        if (dossier.Code is not { } code || dossier.ReceivedAt is not { } receivedAt || (dossier.FirstAppointmentAt ?? dossier.AppointmentAt) is not { } appointment)
        {
            throw DossierCommandException.WrongStep("Hồ sơ chưa được tiếp nhận (chưa có mã hồ sơ và ngày hẹn trả): chưa in được giấy tiếp nhận.");
        }
        var agency = await AgencyAsync(dossier.AgencyCode, cancellationToken);
        var components = await db.DossierComponents.AsNoTracking().Where(c => c.DossierId == dossier.Id).ToListAsync(cancellationToken);
        var withFiles = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossier.Id && f.SupersededAt == null)
            .Select(f => f.ComponentCode).Distinct().ToListAsync(cancellationToken);
        var handedIn = components
            .Where(c => c.Required || c.Digitisation != "not-digitised" || withFiles.Contains(c.ComponentCode))
            .OrderBy(c => c.Required ? 0 : 1)
            .Select(c => new SlipComponent(c.Name, c.Originals, c.CertifiedCopies, c.Copies))
            .ToList();
        var officer = dossier.ReceivedBy is { } by ? (await OfficerNamesAsync([by], cancellationToken)).GetValueOrDefault(by) : null;
        return new ReceiptSlip(
            agency, code, dossier.LookupSecret, Applicant(dossier), await ContentAsync(dossier, cancellationToken), handedIn, LegalTime(dossier),
            receivedAt, appointment, ReturnPlace(dossier, agency), officer ?? string.Empty, clock.GetUtcNow());
    }

    private async Task<SupplementationRequestSlip> SupplementationAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var round = await db.DossierSupplementations.AsNoTracking().Where(s => s.DossierId == dossier.Id).OrderByDescending(s => s.Round).FirstOrDefaultAsync(cancellationToken)
            ?? throw DossierCommandException.WrongStep("Hồ sơ chưa có yêu cầu bổ sung nào: chưa in được phiếu yêu cầu bổ sung.");
        var components = await db.DossierComponents.AsNoTracking().Where(c => c.DossierId == dossier.Id)
            .ToDictionaryAsync(c => c.ComponentCode, c => c.Name, cancellationToken);
        var items = JsonSerializer.Deserialize<List<SupplementItem>>(round.Items, DossierJson.Options) ?? [];
        var officerId = Guid.TryParse(round.RequestedBy, out var requester) ? requester : Guid.Empty;
        var officer = await db.Users.AsNoTracking().Where(u => u.Id == officerId)
            .Select(u => new { u.FullName, u.PhoneNumber }).SingleOrDefaultAsync(cancellationToken);
        return new SupplementationRequestSlip(
            await AgencyAsync(dossier.AgencyCode, cancellationToken), dossier.Code, Applicant(dossier), await ContentAsync(dossier, cancellationToken),
            [.. items.Select(i => new SlipSupplementationItem(
                i.ComponentCode is { } c && components.TryGetValue(c, out var name) ? name : i.Name ?? i.ComponentCode ?? string.Empty,
                string.IsNullOrWhiteSpace(round.Guidance) || items.Count > 1 ? i.Reason ?? string.Empty : $"{i.Reason} {round.Guidance}"))],
            officer?.FullName ?? string.Empty, officer?.PhoneNumber, round.RequestedAt);
    }

    private async Task<RefusalSlip> RefusalAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        if (dossier.Status != DossierStatuses.Refused || dossier.Reason is not { } reason)
        {
            throw DossierCommandException.WrongStep("Hồ sơ không bị từ chối: không có phiếu từ chối.");
        }
        var refusal = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Kind == "refusal")
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        return new RefusalSlip(
            await AgencyAsync(dossier.AgencyCode, cancellationToken), dossier.Code, Applicant(dossier), await ContentAsync(dossier, cancellationToken), reason,
            refusal?.ActorName ?? string.Empty, refusal?.At ?? dossier.FinishedAt ?? clock.GetUtcNow());
    }

    private async Task<ApologySlip> ApologyAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var apology = await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == dossier.Id && a.State == "approved")
            .OrderByDescending(a => a.DecidedAt).FirstOrDefaultAsync(cancellationToken);
        if (apology is null || dossier.Code is not { } code || dossier.ReceivedAt is not { } receivedAt)
        {
            throw DossierCommandException.WrongStep("Hồ sơ chưa có phiếu xin lỗi và hẹn lại được lãnh đạo duyệt.");
        }
        var head = apology.DecidedBy is { } by ? (await OfficerNamesAsync([by], cancellationToken)).GetValueOrDefault(by) : null;
        return new ApologySlip(
            await AgencyAsync(dossier.AgencyCode, cancellationToken), code, Applicant(dossier), await ContentAsync(dossier, cancellationToken), receivedAt,
            apology.PreviousAppointmentAt, apology.Unit, apology.Reason, apology.NewAppointmentAt, head ?? string.Empty, apology.DecidedAt ?? clock.GetUtcNow());
    }

    private async Task<ControlSheet> ControlSheetAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        if (dossier.ProcessInstanceId is not { } instanceId || dossier.Code is not { } code || dossier.ReceivedAt is not { } receivedAt
            || dossier.AppointmentAt is not { } appointment)
        {
            throw DossierCommandException.WrongStep("Hồ sơ chưa được tiếp nhận: chưa có phiếu kiểm soát.");
        }
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var officers = await OfficerNamesAsync(tasks.Select(t => t.Assignee).Append(dossier.ReceivedBy), cancellationToken);
        var agency = await AgencyAsync(dossier.AgencyCode, cancellationToken);
        var handOffs = new List<SlipHandOff>();
        var from = dossier.ReceivedBy is { } receiver && officers.TryGetValue(receiver, out var receiverName)
            ? $"{receiverName} (Bộ phận Một cửa)"
            : "Bộ phận Một cửa";
        foreach (var task in tasks)
        {
            var to = task.Assignee is { } assignee && officers.TryGetValue(assignee, out var name)
                ? name
                : string.Join(", ", task.CandidateGroups.Select(RoleName).Distinct());
            handOffs.Add(new SlipHandOff(from, to, task.CreatedAt, task.EndedAt, task.Outcome, task.Name ?? task.ElementId));
            from = to;
        }
        return new ControlSheet(agency, code, Applicant(dossier), await ContentAsync(dossier, cancellationToken), receivedAt, appointment, handOffs, clock.GetUtcNow());
    }

    /// <summary>The agency as the catalogue has it today: its name, its parent's name, the province for the date line, its address.</summary>
    private async Task<SlipAgency> AgencyAsync(string code, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == code, cancellationToken);
        var parent = agency.ParentCode is { } parentCode
            ? await db.Agencies.AsNoTracking().Where(a => a.Code == parentCode).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var province = await db.AdministrativeUnits.AsNoTracking()
            .Where(u => u.Code == agency.ProvinceCode && u.ValidFrom <= today && (u.ValidUntil == null || today < u.ValidUntil))
            .Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        return new SlipAgency(agency.Name, parent?.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), Locality(province), agency.Address);
    }

    /// <summary>"Thành phố Hà Nội" → "Hà Nội", "Tỉnh Lào Cai" → "Lào Cai": the place name of a date line.</summary>
    private static string? Locality(string? province)
    {
        foreach (var prefix in (string[])["Thành phố ", "Tỉnh "])
        {
            if (province?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true)
            {
                return province[prefix.Length..];
            }
        }
        return province;
    }

    private static SlipApplicant Applicant(DossierRecord dossier)
    {
        var applicant = JsonSerializer.Deserialize<ApplicantData>(dossier.Applicant, DossierJson.Options);
        if (applicant is null)
        {
            return new SlipApplicant(string.Empty);
        }
        var name = applicant.Kind == "citizen" || string.IsNullOrWhiteSpace(applicant.OrganisationName)
            ? applicant.FullName
            : $"{applicant.OrganisationName} ({applicant.FullName})";
        if (applicant.Representative is { } representative)
        {
            name += $", ủy quyền cho {representative.FullName}";
        }
        return new SlipApplicant(name, applicant.IdNumber ?? applicant.TaxCode, applicant.Address, applicant.Phone, applicant.Email);
    }

    private async Task<string> ContentAsync(DossierRecord dossier, CancellationToken cancellationToken) =>
        await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureKey == dossier.ProcedureCode && v.Version == dossier.ProcedureVersion)
            .Select(v => v.Name).SingleOrDefaultAsync(cancellationToken) ?? dossier.ProcedureCode;

    private async Task<Dictionary<(string, int), string>> ProcedureNamesAsync(IReadOnlyList<DossierRecord> dossiers, CancellationToken cancellationToken)
    {
        var keys = dossiers.Select(d => d.ProcedureCode).Distinct().ToArray();
        var versions = await db.ProcedureVersions.AsNoTracking().Where(v => keys.Contains(v.ProcedureKey))
            .Select(v => new { v.ProcedureKey, v.Version, v.Name }).ToListAsync(cancellationToken);
        return versions.ToDictionary(v => (v.ProcedureKey, v.Version), v => v.Name);
    }

    /// <summary>Officers' full names by account id (the subjects the dossier records).</summary>
    private async Task<Dictionary<string, string>> OfficerNamesAsync(IEnumerable<string?> subjects, CancellationToken cancellationToken)
    {
        var ids = subjects.Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(cancellationToken);
        return names.ToDictionary(u => u.Id.ToString("D"), u => u.FullName, StringComparer.OrdinalIgnoreCase);
    }

    private static string LegalTime(DossierRecord dossier)
    {
        if (DossierTimeLimit.FromJson(dossier.TimeLimit) is not { } limit)
        {
            return string.Empty;
        }
        if (limit.SameDay)
        {
            return "Trong ngày làm việc";
        }
        var value = limit.Value == decimal.Truncate(limit.Value)
            ? limit.Value.ToString("00", CultureInfo.InvariantCulture)
            : limit.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
        return value + limit.Unit switch
        {
            "calendar-days" => " ngày",
            "working-hours" => " giờ làm việc",
            _ => " ngày làm việc",
        };
    }

    private static string ReturnPlace(DossierRecord dossier, SlipAgency agency) => dossier.ResultDelivery switch
    {
        "post" => "Qua dịch vụ bưu chính công ích, đến địa chỉ của người nộp hồ sơ",
        "online" => "Trực tuyến, trên Cổng dịch vụ công",
        _ => $"Bộ phận Một cửa, {agency.Name}",
    };

    /// <summary>A candidate group (<c>role</c> or <c>role@agency</c>) as the control sheet names it.</summary>
    private static string RoleName(string group) => group.Split('@')[0] switch
    {
        OfficerRole.OneStopOfficer => "Bộ phận Một cửa",
        OfficerRole.Specialist => "Chuyên viên",
        OfficerRole.DepartmentHead => "Lãnh đạo phòng",
        OfficerRole.UnitLeader => "Lãnh đạo đơn vị",
        OfficerRole.Clerk => "Văn thư",
        OfficerRole.FeeOfficer => "Cán bộ thu phí",
        OfficerRole.ResultReturnOfficer => "Cán bộ trả kết quả",
        var other => other,
    };
}
