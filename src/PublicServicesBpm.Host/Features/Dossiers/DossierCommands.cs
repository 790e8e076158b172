using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Catalogue;
using PublicServicesBpm.Host.Features.Forms;
using PublicServicesBpm.Host.Features.Workflows;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// The dossier commands (H12–H18, P3, P4). Every command that moves a dossier completes a task or correlates a message
/// of the dossier's process instance, with the dossier data it records written in the same transaction
/// (<see cref="AlongsideCommand"/>); the status follows from the workflow (<see cref="DossierStatusProjection"/>). A
/// command that does not fit the dossier's current step is refused with 409 and changes nothing. Drafts, apologies and
/// messages do not move the workflow and are plain writes.
/// </summary>
internal sealed partial class DossierCommands(
    AppDbContext db, WorkflowRuntime runtime, ProcedureCatalogue procedures, FormVersions formVersions, TaskForms taskForms,
    DefinitionCache definitions, NpgsqlDataSource dataSource, AuditTrail audit, TimeProvider clock)
{
    public const string SupplementMessage = "supplement-received";
    public const string PaymentMessage = "payment-received";
    public const string WithdrawalMessage = "withdrawal-requested";
    public const string DraftConfirmedMessage = "draft-confirmed";

    private static readonly string[] ApplicantKinds = ["citizen", "business", "organisation"];
    private static readonly string[] Deliveries = ["counter", "post", "online"];
    private static readonly string[] NotUploaded = ["Chưa tải lên giấy tờ bổ sung."];

    // ---------------------------------------------------------------- drafts and submission (P3)

    /// <summary>Creates a draft: an applicant's online or postal dossier, or a one-stop officer's walk-in dossier.</summary>
    public async Task<Guid> CreateDraftAsync(DossierViewer viewer, CreateDossierRequest request, CancellationToken cancellationToken)
    {
        var channel = DossierChannels.Parse(request.Channel ?? (viewer is DossierViewer.Officer ? "counter" : "online"))
            ?? throw DossierCommandException.Invalid("channel", "Kênh nộp phải là counter, online hoặc post.");
        if (viewer is DossierViewer.Applicant && channel == DossierChannels.Counter)
        {
            throw DossierCommandException.Invalid("channel", "Hồ sơ nộp trực tiếp do cán bộ một cửa tạo tại quầy.");
        }
        if (viewer is DossierViewer.Officer && channel == DossierChannels.Online)
        {
            throw DossierCommandException.Invalid("channel", "Hồ sơ trực tuyến do người nộp tạo trên Cổng dịch vụ công.");
        }
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            throw DossierCommandException.Invalid("procedureCode", "Chọn thủ tục hành chính.");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamTime.Offset).DateTime);
        var version = await procedures.InForceAsync(request.ProcedureCode, today, cancellationToken)
            ?? throw DossierCommandException.Invalid("procedureCode", $"Không có thủ tục '{request.ProcedureCode}' đang có hiệu lực.");
        var document = JsonSerializer.Deserialize<ProcedureDocument>(version.Document, ProcedureFileReader.Json)!;
        var procedureCase = request.CaseCode is { } caseCode
            ? document.Cases.FirstOrDefault(c => c.Code == caseCode) ?? throw DossierCommandException.Invalid("caseCode", $"Thủ tục không có trường hợp '{caseCode}'.")
            : document.Cases.Count == 1 ? document.Cases[0]
            : throw DossierCommandException.Invalid("caseCode", "Chọn một trường hợp: " + string.Join(", ", document.Cases.Select(c => c.Code)) + ".");
        if (procedureCase.Workflow is null)
        {
            throw DossierCommandException.WrongStep("Trường hợp này chưa có quy trình điện tử nên chưa tiếp nhận được trên hệ thống.");
        }
        var channelName = DossierChannels.CatalogueName(channel);
        var limit = procedureCase.TimeLimits.FirstOrDefault(t => t.Channel == channelName)
            ?? throw DossierCommandException.Invalid("channel", $"Trường hợp này không thực hiện qua kênh '{channelName}'.");
        var agency = request.AgencyCode ?? (document.Agencies.Count == 1 ? document.Agencies[0]
            : throw DossierCommandException.Invalid("agencyCode", "Chọn cơ quan tiếp nhận: " + string.Join(", ", document.Agencies) + "."));
        if (!document.Agencies.Contains(agency))
        {
            throw DossierCommandException.Invalid("agencyCode", $"Cơ quan '{agency}' không giải quyết thủ tục này.");
        }
        if (viewer is DossierViewer.Officer officer && !DossierAccess.HasRoleAt(officer.Scope, agency, OfficerRole.OneStopOfficer))
        {
            throw DossierCommandException.Forbidden("Chỉ cán bộ một cửa của cơ quan tiếp nhận được tạo hồ sơ tại quầy.");
        }
        var applicant = request.Applicant ?? (viewer is DossierViewer.Applicant me ? await ProfileAsync(me, cancellationToken)
            : throw DossierCommandException.Invalid("applicant", "Nhập thông tin người nộp hồ sơ."));
        CheckApplicant(applicant);
        var delivery = request.ResultDelivery ?? "counter";
        if (!Deliveries.Contains(delivery))
        {
            throw DossierCommandException.Invalid("resultDelivery", "Hình thức nhận kết quả phải là counter, post hoặc online.");
        }
        var now = clock.GetUtcNow();
        var dossier = new DossierRecord
        {
            Id = Guid.CreateVersion7(),
            ProcedureCode = version.ProcedureKey,
            ProcedureVersion = version.Version,
            CaseCode = procedureCase.Code,
            ProcessKey = procedureCase.Workflow,
            AgencyCode = agency,
            Channel = channel,
            OwnerSubject = viewer is DossierViewer.Applicant ? viewer.Subject : null,
            CreatedBy = viewer.Subject,
            Applicant = JsonSerializer.Serialize(applicant, DossierJson.Options),
            FormData = (request.FormData ?? []).ToJsonString(),
            ResultDelivery = delivery,
            Status = DossierStatuses.Draft,
            TimeLimit = new DossierTimeLimit(limit.Value, limit.Unit, limit.SameDay, document.RestartTimeLimitAfterSupplement).ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Dossiers.Add(dossier);
        db.DossierComponents.AddRange(procedureCase.Components.Select(c => new DossierComponentRecord
        {
            DossierId = dossier.Id,
            ComponentCode = c.Code,
            Name = c.Name,
            Required = c.Required,
            Originals = (short)c.Originals,
            CertifiedCopies = (short)c.CertifiedCopies,
            Copies = (short)c.Copies,
            Digitisation = "not-digitised",
        }));
        db.DossierEvents.Add(new DossierEventRecord
        {
            DossierId = dossier.Id, At = now, Kind = "created", Status = DossierStatuses.Draft, ActorSubject = viewer.Subject, ActorName = viewer.Name,
            Data = JsonSerializer.Serialize(new { channel = channelName }, DossierJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(DossierAuditActions.Created, "dossier", dossier.Id.ToString("D"), dossier.Id, cancellationToken: cancellationToken);
        return dossier.Id;
    }

    /// <summary>Changes a draft's applicant, form data or result delivery.</summary>
    public async Task UpdateDraftAsync(DossierViewer viewer, Guid id, UpdateDossierRequest request, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !DossierAccess.MaySee(viewer, dossier) || (viewer is DossierViewer.Officer && dossier.CreatedBy != viewer.Subject))
        {
            throw DossierCommandException.NotFound(id);
        }
        if (dossier.Status != DossierStatuses.Draft || dossier.ProcessInstanceId is not null)
        {
            throw DossierCommandException.WrongStep("Hồ sơ đã nộp, không sửa như bản nháp được nữa.");
        }
        if (request.Applicant is { } applicant)
        {
            CheckApplicant(applicant);
            dossier.Applicant = JsonSerializer.Serialize(applicant, DossierJson.Options);
        }
        if (request.FormData is { } formData)
        {
            dossier.FormData = formData.ToJsonString();
        }
        if (request.ResultDelivery is { } delivery)
        {
            dossier.ResultDelivery = Deliveries.Contains(delivery) ? delivery
                : throw DossierCommandException.Invalid("resultDelivery", "Hình thức nhận kết quả phải là counter, post hoặc online.");
        }
        dossier.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Submits an applicant's draft (status 0 → 1): required components present, form data valid, then the workflow starts.</summary>
    public Task SubmitAsync(DossierViewer viewer, Guid id, string? idempotencyKey, CancellationToken cancellationToken) =>
        StartAsync(viewer, id, atCounter: false, idempotencyKey, cancellationToken);

    // ---------------------------------------------------------------- receipt (H12)

    /// <summary>
    /// Receives a dossier: an officer's counter or postal draft is started and received in one command (status 2, code
    /// and appointment given); an online dossier waiting for receipt (status 1) has its receipt step completed with
    /// <c>accept</c>.
    /// </summary>
    public async Task ReceiveAsync(DossierViewer viewer, Guid id, ReceiveRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var officer = RequireOfficer(viewer);
        var dossier = await FindAsync(viewer, id, cancellationToken);
        if (dossier.Status == DossierStatuses.Draft && dossier.OwnerSubject is null)
        {
            if (!DossierAccess.HasRoleAt(officer.Scope, dossier.AgencyCode, OfficerRole.OneStopOfficer))
            {
                throw DossierCommandException.Forbidden("Chỉ cán bộ một cửa tiếp nhận hồ sơ.");
            }
            await StartAsync(viewer, id, atCounter: true, idempotencyKey, cancellationToken);
            return;
        }
        await CompleteStepAsync(viewer, dossier, "accept", new JsonObject { ["receivedBy"] = viewer.Subject }, request.FormData,
            DossierAuditActions.Received, idempotencyKey, alongside: null, cancellationToken);
    }

    /// <summary>Refuses a dossier at receipt (form 03) or later, with the reason.</summary>
    public Task RefuseAsync(DossierViewer viewer, Guid id, RefuseRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            RequireOfficer(viewer);
            var reason = Required(request.Reason, "reason", "Nêu rõ lý do từ chối.", 2000);
            await CompleteStepAsync(viewer, dossier, "refuse", new JsonObject { ["refusalReason"] = reason }, request.FormData,
                DossierAuditActions.Refused, idempotencyKey, (connection, transaction, outcome, ct) =>
                    WriteAsync(connection, transaction, dossier.Id, "refusal", new { reason }, viewer, ct,
                        ("reason = @reason", new NpgsqlParameter("reason", reason))), cancellationToken);
        }, cancellationToken);

    // ---------------------------------------------------------------- supplementation (H13)

    /// <summary>Asks the applicant to add or fix components (form 02); the workflow then pauses the clock (status 5).</summary>
    public Task RequestSupplementAsync(DossierViewer viewer, Guid id, SupplementationRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            RequireOfficer(viewer);
            if (request.Items is not { Count: > 0 } items || items.Count > 50)
            {
                throw DossierCommandException.Invalid("items", "Nêu từng thành phần cần bổ sung, sửa đổi và lý do (1 đến 50 mục).");
            }
            var components = await db.DossierComponents.AsNoTracking().Where(c => c.DossierId == dossier.Id).Select(c => c.ComponentCode).ToListAsync(cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].ComponentCode is { } code && !components.Contains(code))
                {
                    throw DossierCommandException.Invalid($"items[{i}].componentCode", $"Hồ sơ không có thành phần '{code}'.");
                }
                if (items[i].ComponentCode is null && string.IsNullOrWhiteSpace(items[i].Name))
                {
                    throw DossierCommandException.Invalid($"items[{i}].name", "Nêu tên giấy tờ cần bổ sung.");
                }
                Required(items[i].Reason, $"items[{i}].reason", "Nêu lý do cần bổ sung, sửa đổi.", 1000);
            }
            var guidance = request.Guidance is { Length: > 2000 } ? throw DossierCommandException.Invalid("guidance", "Hướng dẫn dài quá 2000 ký tự.") : request.Guidance;
            var round = dossier.SupplementationCount + 1;
            var itemsJson = JsonSerializer.Serialize(items, DossierJson.Options);
            await CompleteStepAsync(viewer, dossier, "request-supplement",
                new JsonObject { ["supplementRound"] = round, ["supplementItems"] = JsonNode.Parse(itemsJson) }, request.FormData,
                DossierAuditActions.SupplementRequested, idempotencyKey, async (connection, transaction, outcome, ct) =>
                {
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO app.dossier_supplementations (dossier_id, round, requested_at, requested_by, items, guidance, state)
                        VALUES (@dossier, @round, @at, @by, @items, @guidance, 'requested')
                        """, connection, transaction);
                    insert.Parameters.AddWithValue("dossier", dossier.Id);
                    insert.Parameters.AddWithValue("round", round);
                    insert.Parameters.AddWithValue("at", clock.GetUtcNow());
                    insert.Parameters.AddWithValue("by", viewer.Subject);
                    insert.Parameters.AddWithValue("items", NpgsqlDbType.Jsonb, itemsJson);
                    insert.Parameters.AddWithValue("guidance", NpgsqlDbType.Text, (object?)guidance ?? DBNull.Value);
                    await insert.ExecuteNonQueryAsync(ct);
                    await WriteAsync(connection, transaction, dossier.Id, "supplementation-requested", new { round, items, guidance }, viewer, ct,
                        ("supplementation_count = @round", new NpgsqlParameter("round", round)),
                        ("sub_status = 'supplement-requested'", null));
                }, cancellationToken);
        }, cancellationToken);

    /// <summary>The applicant sends the supplement (files uploaded for this round before); processing resumes and the appointment moves.</summary>
    public Task SupplementAsync(DossierViewer viewer, Guid id, SupplementRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            if (viewer is not DossierViewer.Applicant)
            {
                throw DossierCommandException.Forbidden("Người nộp hồ sơ gửi bổ sung.");
            }
            if (dossier.Status != DossierStatuses.AwaitingSupplement)
            {
                throw DossierCommandException.WrongStep("Hồ sơ không ở bước chờ bổ sung.");
            }
            var round = dossier.SupplementationCount;
            var requested = await db.DossierSupplementations.AsNoTracking().SingleAsync(s => s.DossierId == dossier.Id && s.Round == round, cancellationToken);
            var items = JsonSerializer.Deserialize<List<SupplementItem>>(requested.Items, DossierJson.Options) ?? [];
            var uploaded = await db.DossierFiles.AsNoTracking()
                .Where(f => f.DossierId == dossier.Id && f.Round == round && f.SupersededAt == null).Select(f => f.ComponentCode).ToListAsync(cancellationToken);
            var missing = items.Where(i => i.ComponentCode is { } code && !uploaded.Contains(code)).Select(i => i.ComponentCode!).Distinct().ToList();
            if (missing.Count > 0)
            {
                throw new DossierCommandException(StatusCodes.Status422UnprocessableEntity, "Chưa đủ giấy tờ bổ sung",
                    "Tải lên giấy tờ cho các thành phần được yêu cầu: " + string.Join(", ", missing) + ".",
                    missing.ToDictionary(code => $"components.{code}", _ => NotUploaded));
            }
            var note = request.Note is { Length: > 2000 } ? throw DossierCommandException.Invalid("note", "Ghi chú dài quá 2000 ký tự.") : request.Note;
            await CorrelateAsync(dossier, SupplementMessage, new JsonObject { ["supplementNote"] = note }, DossierAuditActions.Supplemented, idempotencyKey,
                async (connection, transaction, outcome, ct) =>
                {
                    await using var update = new NpgsqlCommand("""
                        UPDATE app.dossier_supplementations SET state = 'completed', supplied_at = @at, completed_at = @at WHERE dossier_id = @dossier AND round = @round
                        """, connection, transaction);
                    update.Parameters.AddWithValue("at", clock.GetUtcNow());
                    update.Parameters.AddWithValue("dossier", dossier.Id);
                    update.Parameters.AddWithValue("round", round);
                    await update.ExecuteNonQueryAsync(ct);
                    await WriteAsync(connection, transaction, dossier.Id, "supplemented", new { round, note }, viewer, ct, ("sub_status = 'supplement-completed'", null));
                }, cancellationToken);
        }, cancellationToken);

    /// <summary>The applicant confirms a draft result (e.g. the birth registration extract) the workflow waits for.</summary>
    public Task ConfirmDraftAsync(DossierViewer viewer, Guid id, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, dossier =>
        {
            if (viewer is not DossierViewer.Applicant)
            {
                throw DossierCommandException.Forbidden("Người nộp hồ sơ xác nhận dự thảo.");
            }
            return CorrelateAsync(dossier, DraftConfirmedMessage, new JsonObject { ["draftConfirmed"] = true }, DossierAuditActions.DraftConfirmed, idempotencyKey,
                (connection, transaction, outcome, ct) => WriteAsync(connection, transaction, dossier.Id, "draft-confirmed", null, viewer, ct), cancellationToken);
        }, cancellationToken);

    // ---------------------------------------------------------------- payment

    /// <summary>Asks for the fee (status 6 follows): amount and description default to the case's fees for the dossier's channel.</summary>
    public Task RequestPaymentAsync(DossierViewer viewer, Guid id, PaymentRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            RequireOfficer(viewer);
            var (amount, description) = request.Amount is { } given
                ? (given, request.Description ?? "Phí, lệ phí")
                : await CaseFeesAsync(dossier, cancellationToken);
            if (amount <= 0 || amount > 1_000_000_000_000m || decimal.Truncate(amount) != amount)
            {
                throw DossierCommandException.Invalid("amount", "Số tiền phải là số đồng dương.");
            }
            Required(description, "description", "Nêu khoản phí, lệ phí.", 500);
            var paymentId = Guid.CreateVersion7();
            await CompleteStepAsync(viewer, dossier, "requested", new JsonObject { ["paymentId"] = paymentId.ToString("D"), ["paymentAmount"] = amount }, request.FormData,
                DossierAuditActions.PaymentRequested, idempotencyKey, async (connection, transaction, outcome, ct) =>
                {
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO app.dossier_payments (id, dossier_id, amount, description, requested_at, requested_by) VALUES (@id, @dossier, @amount, @description, @at, @by)
                        ON CONFLICT (id) DO NOTHING
                        """, connection, transaction);
                    insert.Parameters.AddWithValue("id", paymentId);
                    insert.Parameters.AddWithValue("dossier", dossier.Id);
                    insert.Parameters.AddWithValue("amount", amount);
                    insert.Parameters.AddWithValue("description", description!);
                    insert.Parameters.AddWithValue("at", clock.GetUtcNow());
                    insert.Parameters.AddWithValue("by", viewer.Subject);
                    await insert.ExecuteNonQueryAsync(ct);
                    await WriteAsync(connection, transaction, dossier.Id, "payment-requested", new { paymentId, amount, description }, viewer, ct);
                }, cancellationToken);
        }, cancellationToken);

    /// <summary>Records that the applicant paid (at the counter, by transfer or online); processing resumes.</summary>
    public Task RecordPaymentAsync(DossierViewer viewer, Guid id, Guid paymentId, RecordPaymentRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            var officer = RequireOfficer(viewer);
            if (!DossierAccess.HasRoleAt(officer.Scope, dossier.AgencyCode, OfficerRole.FeeOfficer, OfficerRole.OneStopOfficer))
            {
                throw DossierCommandException.Forbidden("Cán bộ thu phí hoặc cán bộ một cửa ghi nhận việc nộp phí.");
            }
            var payment = await db.DossierPayments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId && p.DossierId == dossier.Id, cancellationToken)
                ?? throw new DossierCommandException(StatusCodes.Status404NotFound, "Not found", $"Hồ sơ không có khoản thu '{paymentId}'.");
            if (payment.PaidAt is not null)
            {
                throw DossierCommandException.WrongStep("Khoản thu này đã được ghi nhận.");
            }
            var method = request.Method ?? "counter";
            if (method is not ("counter" or "online" or "transfer"))
            {
                throw DossierCommandException.Invalid("method", "Hình thức nộp phải là counter, online hoặc transfer.");
            }
            var receipt = Required(request.ReceiptNumber, "receiptNumber", "Nhập số biên lai.", 100);
            await CorrelateAsync(dossier, PaymentMessage, new JsonObject { ["paymentReceipt"] = receipt }, DossierAuditActions.PaymentRecorded, idempotencyKey,
                async (connection, transaction, outcome, ct) =>
                {
                    await using var update = new NpgsqlCommand("""
                        UPDATE app.dossier_payments SET paid_at = @at, method = @method, receipt_number = @receipt, recorded_by = @by WHERE id = @id AND paid_at IS NULL
                        """, connection, transaction);
                    update.Parameters.AddWithValue("at", clock.GetUtcNow());
                    update.Parameters.AddWithValue("method", method);
                    update.Parameters.AddWithValue("receipt", receipt);
                    update.Parameters.AddWithValue("by", viewer.Subject);
                    update.Parameters.AddWithValue("id", paymentId);
                    if (await update.ExecuteNonQueryAsync(ct) != 1)
                    {
                        throw DossierCommandException.WrongStep("Khoản thu này đã được ghi nhận.");
                    }
                    await WriteAsync(connection, transaction, dossier.Id, "payment-recorded", new { paymentId, method, receipt, amount = payment.Amount }, viewer, ct);
                }, cancellationToken);
        }, cancellationToken);

    // ---------------------------------------------------------------- withdrawal and stop (H17)

    /// <summary>The applicant asks to withdraw the dossier (status 7); an officer confirms the stop in the workflow (status 8).</summary>
    public Task RequestWithdrawalAsync(DossierViewer viewer, Guid id, WithdrawalRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, dossier =>
        {
            if (viewer is not DossierViewer.Applicant)
            {
                throw DossierCommandException.Forbidden("Người nộp hồ sơ đề nghị rút hồ sơ.");
            }
            var reason = Required(request.Reason, "reason", "Nêu lý do rút hồ sơ.", 2000);
            return CorrelateAsync(dossier, WithdrawalMessage, new JsonObject { ["withdrawalReason"] = reason }, DossierAuditActions.WithdrawalRequested, idempotencyKey,
                (connection, transaction, outcome, ct) => WriteAsync(connection, transaction, dossier.Id, "withdrawal-requested", new { reason }, viewer, ct,
                    ("reason = @reason", new NpgsqlParameter("reason", reason))), cancellationToken);
        }, cancellationToken);

    // ---------------------------------------------------------------- result and return (H16, H18)

    /// <summary>Records the result document (number, signer, date) with the open step that signs or issues it.</summary>
    public Task RecordResultAsync(DossierViewer viewer, Guid id, ResultRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            RequireOfficer(viewer);
            var number = Required(request.Number, "number", "Nhập số, ký hiệu văn bản kết quả.", 100);
            var signer = Required(request.Signer, "signer", "Nhập người ký.", 200);
            var signedOn = request.SignedOn ?? throw DossierCommandException.Invalid("signedOn", "Nhập ngày ký.");
            var summary = request.Summary is { Length: > 2000 } ? throw DossierCommandException.Invalid("summary", "Trích yếu dài quá 2000 ký tự.") : request.Summary;
            var result = new { number, signer, signedOn, summary };
            var json = JsonSerializer.Serialize(result, DossierJson.Options);
            await CompleteStepAsync(viewer, dossier, request.Outcome ?? "sign", new JsonObject { ["resultNumber"] = number }, request.FormData,
                DossierAuditActions.ResultRecorded, idempotencyKey, (connection, transaction, outcome, ct) =>
                    WriteAsync(connection, transaction, dossier.Id, "result", result, viewer, ct,
                        ("result = @result", new NpgsqlParameter("result", NpgsqlDbType.Jsonb) { Value = json })), cancellationToken);
        }, cancellationToken);

    /// <summary>Returns the result (status 10 follows): at the counter or by post to a named receiver, or electronically.</summary>
    public Task ReturnResultAsync(DossierViewer viewer, Guid id, ReturnRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        WithDossierAsync(viewer, id, async dossier =>
        {
            RequireOfficer(viewer);
            var channel = request.Channel ?? dossier.ResultDelivery;
            if (!Deliveries.Contains(channel))
            {
                throw DossierCommandException.Invalid("channel", "Hình thức trả kết quả phải là counter, post hoặc online.");
            }
            var receiver = channel == "online" ? request.ReceiverName : Required(request.ReceiverName, "receiverName", "Nhập họ tên người nhận kết quả.", 200);
            var returned = new { channel, receiverName = receiver, receiverIdNumber = request.ReceiverIdNumber, note = request.Note, at = clock.GetUtcNow(), by = viewer.Name };
            var json = JsonSerializer.Serialize(returned, DossierJson.Options);
            await CompleteStepAsync(viewer, dossier, "returned", new JsonObject { ["returnChannel"] = channel }, request.FormData,
                DossierAuditActions.ResultReturned, idempotencyKey, (connection, transaction, outcome, ct) =>
                    WriteAsync(connection, transaction, dossier.Id, "returned", returned, viewer, ct,
                        ("result_return = @return", new NpgsqlParameter("return", NpgsqlDbType.Jsonb) { Value = json })), cancellationToken);
        }, cancellationToken);

    // ---------------------------------------------------------------- shared steps

    private async Task StartAsync(DossierViewer viewer, Guid id, bool atCounter, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var dossier = await FindAsync(viewer, id, cancellationToken);
        if (!atCounter && (viewer is not DossierViewer.Applicant || dossier.OwnerSubject != viewer.Subject))
        {
            throw DossierCommandException.Forbidden("Người nộp hồ sơ nộp hồ sơ trực tuyến; hồ sơ tại quầy do cán bộ tiếp nhận.");
        }
        if (dossier.Status != DossierStatuses.Draft || dossier.ProcessInstanceId is not null)
        {
            if (idempotencyKey is not null)
            {
                return; // the same submission again: already done
            }
            throw DossierCommandException.WrongStep("Hồ sơ đã được nộp.");
        }
        await CheckComponentsAsync(dossier, cancellationToken);
        var formData = await CheckStartFormAsync(dossier, cancellationToken);
        var now = clock.GetUtcNow();
        var variables = new JsonObject
        {
            ["dossierId"] = dossier.Id.ToString("D"),
            ["agencyCode"] = dossier.AgencyCode,
            ["channel"] = (int)dossier.Channel,
            ["receivedAtCounter"] = atCounter,
            ["applicantName"] = JsonNode.Parse(dossier.Applicant)?["fullName"]?.GetValue<string>(),
        };
        if (atCounter)
        {
            variables["receivedBy"] = viewer.Subject;
        }
        foreach (var (name, value) in formData)
        {
            variables.TryAdd(name, value?.DeepClone());
        }
        try
        {
            await runtime.StartAsync(dossier.ProcessKey, variables, dossier.Id.ToString("D"), Key(dossier.Id, "start", idempotencyKey),
                audit.Describe(atCounter ? DossierAuditActions.Received : DossierAuditActions.Submitted, "dossier", dossier.Id.ToString("D"), dossier.Id),
                async (connection, transaction, outcome, ct) =>
                {
                    await using var update = new NpgsqlCommand("""
                        UPDATE app.dossiers SET process_instance_id = @instance, submitted_at = @now, form_data = @form, updated_at = @now
                        WHERE id = @id AND status = 0 AND process_instance_id IS NULL
                        """, connection, transaction);
                    update.Parameters.AddWithValue("instance", outcome.InstanceId);
                    update.Parameters.AddWithValue("now", now);
                    update.Parameters.AddWithValue("form", NpgsqlDbType.Jsonb, formData.ToJsonString());
                    update.Parameters.AddWithValue("id", dossier.Id);
                    if (await update.ExecuteNonQueryAsync(ct) != 1)
                    {
                        throw DossierCommandException.WrongStep("Hồ sơ đã được nộp.");
                    }
                    await WriteAsync(connection, transaction, dossier.Id, atCounter ? "received-at-counter" : "submitted", null, viewer, ct);
                }, cancellationToken);
        }
        catch (EngineCommandException exception)
        {
            throw FromEngine(exception);
        }
    }

    /// <summary>Every required component has a current file (or reuses a digitised one).</summary>
    private async Task CheckComponentsAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var components = await db.DossierComponents.AsNoTracking().Where(c => c.DossierId == dossier.Id && c.Required).ToListAsync(cancellationToken);
        var withFiles = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossier.Id && f.SupersededAt == null)
            .Select(f => f.ComponentCode).Distinct().ToListAsync(cancellationToken);
        var missing = components.Where(c => !withFiles.Contains(c.ComponentCode) && !c.Digitisation.StartsWith("reused", StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new DossierCommandException(StatusCodes.Status422UnprocessableEntity, "Thiếu thành phần hồ sơ bắt buộc",
                "Thiếu: " + string.Join("; ", missing.Select(c => c.Name)) + ".",
                missing.ToDictionary(c => $"components.{c.ComponentCode}", c => new[] { $"Chưa có giấy tờ: {c.Name}." }));
        }
    }

    /// <summary>The dossier's form data checked against the start event's form (P5), as the browser checks it; hidden fields dropped.</summary>
    private async Task<JsonObject> CheckStartFormAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(dossier.FormData) as JsonObject ?? [];
        var versionId = await db.ProcessDefinitionVersions.AsNoTracking()
            .Where(v => v.Key == dossier.ProcessKey && v.RetiredAt == null).OrderByDescending(v => v.Version).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw DossierCommandException.WrongStep($"Quy trình '{dossier.ProcessKey}' chưa được triển khai.");
        var definition = await definitions.GetAsync(dataSource, versionId, cancellationToken);
        if (definition.Scope.StartEvent is not { FormKey: { } formKey } start)
        {
            return data;
        }
        var form = await formVersions.ResolveAsync(versionId, formKey, start.FormBinding, cancellationToken)
            ?? throw DossierCommandException.WrongStep($"Biểu mẫu '{formKey}' của thủ tục chưa được triển khai.");
        var check = taskForms.Validate(form, data, [], await taskForms.DossierAttachmentsByDossierAsync(dossier.Id, cancellationToken));
        return check.Errors is null ? check.CleanedData ?? data
            : throw new DossierCommandException(StatusCodes.Status400BadRequest, "Tờ khai chưa hợp lệ", "Kiểm tra lại các trường của tờ khai.",
                check.Errors.ToDictionary(e => "formData." + e.Key, e => e.Value));
    }

    /// <summary>
    /// Completes the dossier's open step that offers <paramref name="outcome"/>, checking that the officer is its holder
    /// or one of its candidates, and its form data if it has a form; <paramref name="alongside"/> commits with it.
    /// </summary>
    private async Task CompleteStepAsync(
        DossierViewer viewer, DossierRecord dossier, string outcome, JsonObject variables, JsonObject? formData, string auditAction, string? idempotencyKey,
        AlongsideCommand? alongside, CancellationToken cancellationToken)
    {
        var officer = RequireOfficer(viewer);
        if (dossier.ProcessInstanceId is not { } instanceId)
        {
            throw DossierCommandException.WrongStep("Hồ sơ chưa được nộp.");
        }
        var task = await db.UserTasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == "open" && t.Outcomes.Contains(outcome))
            .OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            if (idempotencyKey is not null && await RepeatedAsync(dossier.Id, outcome, idempotencyKey, cancellationToken))
            {
                return;
            }
            throw DossierCommandException.WrongStep(
                $"Hồ sơ không có bước đang mở nào kết thúc bằng '{outcome}' (trạng thái: {DossierStatuses.Name(dossier.Status)}).");
        }
        var me = officer.Scope.AccountId.ToString("D");
        var item = new TaskItem(task.Id, instanceId, task.ElementId, task.Name, task.CandidateGroups, task.Assignee, task.Owner, task.FormKey, task.Outcomes,
            task.CreatedAt, task.DueAt, dossier.ProcessKey, 0, dossier.Id.ToString("D"), dossier.AgencyCode);
        if (task.Assignee is { } holder ? holder != me : !TaskInbox.IsCandidate(officer.Scope, item))
        {
            throw DossierCommandException.Forbidden(task.Assignee is null
                ? $"Bước '{task.Name}' thuộc nhóm {string.Join(", ", task.CandidateGroups)}; vai trò của bạn không thuộc nhóm này."
                : "Bước này đang do cán bộ khác xử lý.");
        }
        if (await taskForms.ResolveAsync(item, cancellationToken) is { } form)
        {
            var instance = await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId, cancellationToken);
            var check = taskForms.Validate(form, formData, ProcessInstanceState.FromJson(instance.State).Variables,
                await taskForms.DossierAttachmentsByDossierAsync(dossier.Id, cancellationToken));
            if (check.Errors is not null)
            {
                throw new DossierCommandException(StatusCodes.Status400BadRequest, "Biểu mẫu của bước chưa hợp lệ", "Kiểm tra lại các trường của biểu mẫu.",
                    check.Errors.ToDictionary(e => "formData." + e.Key, e => e.Value));
            }
            foreach (var (name, value) in check.CleanedData ?? [])
            {
                variables.TryAdd(name, value?.DeepClone());
            }
        }
        try
        {
            await runtime.ExecuteAsync(instanceId, new CompleteUserTask(task.Id, outcome, variables), Key(dossier.Id, outcome, idempotencyKey),
                audit.Describe(auditAction, "dossier", dossier.Id.ToString("D"), dossier.Id, new { taskId = task.Id, outcome }),
                async (connection, transaction, result, ct) =>
                {
                    await WriteAsync(connection, transaction, dossier.Id, "step", new { task = task.Name, element = task.ElementId, outcome }, viewer, ct);
                    if (alongside is not null)
                    {
                        await alongside(connection, transaction, result, ct);
                    }
                }, cancellationToken);
        }
        catch (EngineCommandException exception)
        {
            throw FromEngine(exception);
        }
    }

    private async Task CorrelateAsync(
        DossierRecord dossier, string message, JsonObject variables, string auditAction, string? idempotencyKey, AlongsideCommand alongside, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.CorrelateMessageAsync(message, dossier.Id.ToString("D"), variables, Key(dossier.Id, message, idempotencyKey),
                audit.Describe(auditAction, "dossier", dossier.Id.ToString("D"), dossier.Id), alongside, cancellationToken);
        }
        catch (EngineCommandException exception) when (exception.Reason == CommandRejection.NotFound)
        {
            throw DossierCommandException.WrongStep(message switch
            {
                WithdrawalMessage => "Quy trình của hồ sơ không cho rút hồ sơ ở bước này.",
                _ => $"Hồ sơ không chờ '{message}' ở bước này (trạng thái: {DossierStatuses.Name(dossier.Status)}).",
            });
        }
        catch (EngineCommandException exception)
        {
            throw FromEngine(exception);
        }
    }

    /// <summary>Appends a history row and applies simple column changes to the dossier, on the command's transaction.</summary>
    private async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid dossierId, string kind, object? data, DossierViewer viewer, CancellationToken cancellationToken,
        params (string Assignment, NpgsqlParameter? Parameter)[] changes)
    {
        var now = clock.GetUtcNow();
        await using var batch = new NpgsqlBatch(connection, transaction);
        DossierStatusProjection.AddEvent(batch, dossierId, now, kind, null, null, data, viewer.Subject, viewer.Name);
        if (changes.Length > 0)
        {
            var update = new NpgsqlBatchCommand($"UPDATE app.dossiers SET {string.Join(", ", changes.Select(c => c.Assignment))}, updated_at = @now WHERE id = @id");
            foreach (var (_, parameter) in changes)
            {
                if (parameter is not null)
                {
                    update.Parameters.Add(parameter);
                }
            }
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("id", dossierId);
            batch.BatchCommands.Add(update);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> RepeatedAsync(Guid dossierId, string action, string idempotencyKey, CancellationToken cancellationToken) =>
        await db.CommandReceipts.AsNoTracking().AnyAsync(r => r.IdempotencyKey == Key(dossierId, action, idempotencyKey), cancellationToken);

    /// <summary>Idempotency keys are per dossier and action, so one client key cannot answer for another dossier.</summary>
    private static string? Key(Guid dossierId, string action, string? idempotencyKey) =>
        idempotencyKey is null ? null : $"dossier:{dossierId:N}:{action}:{idempotencyKey}";

    private async Task WithDossierAsync(DossierViewer viewer, Guid id, Func<DossierRecord, Task> work, CancellationToken cancellationToken) =>
        await work(await FindAsync(viewer, id, cancellationToken));

    private async Task<DossierRecord> FindAsync(DossierViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return dossier is not null && DossierAccess.MaySee(viewer, dossier) ? dossier : throw DossierCommandException.NotFound(id);
    }

    private async Task<(decimal Amount, string Description)> CaseFeesAsync(DossierRecord dossier, CancellationToken cancellationToken)
    {
        var document = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureKey == dossier.ProcedureCode && v.Version == dossier.ProcedureVersion).Select(v => v.Document).SingleAsync(cancellationToken);
        var procedureCase = JsonSerializer.Deserialize<ProcedureDocument>(document, ProcedureFileReader.Json)!.Cases.Single(c => c.Code == dossier.CaseCode);
        var channel = DossierChannels.CatalogueName(dossier.Channel);
        var fees = procedureCase.Fees.Where(f => f.Channels is null || f.Channels.Contains(channel)).ToList();
        return fees.Count == 0
            ? throw DossierCommandException.Invalid("amount", "Thủ tục không quy định phí, lệ phí cho kênh này: nhập số tiền.")
            : (fees.Sum(f => f.Amount), string.Join("; ", fees.Select(f => f.Name)));
    }

    private async Task<ApplicantData> ProfileAsync(DossierViewer.Applicant applicant, CancellationToken cancellationToken)
    {
        var profile = await db.ApplicantProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == applicant.ApplicantId, cancellationToken);
        return profile is null
            ? new ApplicantData("citizen", applicant.FullName, null, null, null, null, null, null, null, null)
            : new ApplicantData(profile.AccountType == "business" ? "business" : "citizen", profile.FullName, profile.PersonalIdNumber, profile.BirthDate,
                profile.Address, profile.PhoneNumber, profile.Email, null, null, null);
    }

    private static void CheckApplicant(ApplicantData applicant)
    {
        if (!ApplicantKinds.Contains(applicant.Kind))
        {
            throw DossierCommandException.Invalid("applicant.kind", "Loại người nộp phải là citizen, business hoặc organisation.");
        }
        Required(applicant.FullName, "applicant.fullName", "Nhập họ tên người nộp.", 200);
        if (applicant.Kind != "citizen")
        {
            Required(applicant.OrganisationName, "applicant.organisationName", "Nhập tên tổ chức, doanh nghiệp.", 300);
        }
        foreach (var (field, value, max) in new[]
        {
            ("applicant.idNumber", applicant.IdNumber, 20), ("applicant.address", applicant.Address, 500), ("applicant.phone", applicant.Phone, 20),
            ("applicant.email", applicant.Email, 200), ("applicant.taxCode", applicant.TaxCode, 20),
        })
        {
            if (value is { } text && text.Length > max)
            {
                throw DossierCommandException.Invalid(field, $"Dài quá {max} ký tự.");
            }
        }
        if (applicant.Representative is { } representative)
        {
            Required(representative.FullName, "applicant.representative.fullName", "Nhập họ tên người được ủy quyền.", 200);
        }
    }

    private static string Required(string? value, string field, string message, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? throw DossierCommandException.Invalid(field, message)
        : value.Length > maxLength ? throw DossierCommandException.Invalid(field, $"Dài quá {maxLength} ký tự.")
        : value.Trim();

    private static DossierViewer.Officer RequireOfficer(DossierViewer viewer) =>
        viewer as DossierViewer.Officer ?? throw DossierCommandException.Forbidden("Việc này do cán bộ thực hiện.");

    private static DossierCommandException FromEngine(EngineCommandException exception) => exception.Reason switch
    {
        CommandRejection.Conflict => new DossierCommandException(StatusCodes.Status409Conflict, "Conflict", exception.Message),
        CommandRejection.NotFound => DossierCommandException.WrongStep(exception.Message),
        _ => new DossierCommandException(StatusCodes.Status422UnprocessableEntity, "The command cannot be applied", exception.Message),
    };
}

/// <summary>Audit action names of dossier commands.</summary>
internal static class DossierAuditActions
{
    public const string Created = "dossier.created";
    public const string Submitted = "dossier.submitted";
    public const string Received = "dossier.received";
    public const string Refused = "dossier.refused";
    public const string SupplementRequested = "dossier.supplement-requested";
    public const string Supplemented = "dossier.supplemented";
    public const string DraftConfirmed = "dossier.draft-confirmed";
    public const string PaymentRequested = "dossier.payment-requested";
    public const string PaymentRecorded = "dossier.payment-recorded";
    public const string WithdrawalRequested = "dossier.withdrawal-requested";
    public const string ApologyProposed = "dossier.apology-proposed";
    public const string ApologyDecided = "dossier.apology-decided";
    public const string ResultRecorded = "dossier.result-recorded";
    public const string ResultReturned = "dossier.result-returned";
    public const string MessagePosted = "dossier.message-posted";
}
