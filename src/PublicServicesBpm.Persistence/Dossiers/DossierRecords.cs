namespace PublicServicesBpm.Persistence.Dossiers;

/// <summary>
/// One dossier (hồ sơ), table <c>app.dossiers</c>. Where the dossier stands is decided by its process instance:
/// <see cref="Status"/> is written only from the instance's <c>DossierStatusChanged</c> effects, in the engine command's
/// transaction (see <c>DossierStatusProjection</c>); 0 means a draft that has no instance yet.
/// </summary>
public sealed class DossierRecord
{
    public Guid Id { get; init; }

    public required string ProcedureCode { get; init; }

    /// <summary>The procedure catalogue version whose case, components and time limits apply.</summary>
    public int ProcedureVersion { get; init; }

    public required string CaseCode { get; init; }

    /// <summary>The BPMN process key the dossier runs on.</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The receiving agency (its calendar counts the deadlines; its officers see the dossier).</summary>
    public required string AgencyCode { get; init; }

    /// <summary>1 counter, 2 online, 3 public postal service.</summary>
    public short Channel { get; init; }

    /// <summary>The citizen account (subject) that owns the dossier; null for a walk-in dossier created by an officer.</summary>
    public string? OwnerSubject { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>Applicant (JSON): kind, full name, identity number, address, phone, email, organisation, representative.</summary>
    public required string Applicant { get; set; }

    /// <summary>The procedure's e-form data (JSON).</summary>
    public required string FormData { get; set; }

    /// <summary>How the result goes back: counter, post or online.</summary>
    public required string ResultDelivery { get; set; }

    public short Status { get; set; }

    public string? SubStatus { get; set; }

    public string? Code { get; set; }

    public string? LookupSecret { get; set; }

    public Guid? ProcessInstanceId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public string? ReceivedBy { get; set; }

    /// <summary>The current appointment (ngày hẹn trả); every change is a row of <c>dossier_events</c> of kind <c>appointment</c>.</summary>
    public DateTimeOffset? AppointmentAt { get; set; }

    /// <summary>The appointment the deadline monitor's <see cref="SlaStage"/> refers to; differs from <see cref="AppointmentAt"/> until the monitor has seen the change.</summary>
    public DateTimeOffset? SlaDueAt { get; set; }

    /// <summary>How far the deadline monitor has gone for the appointment: 0 watching, 1 near due (apology proposed), 2 overdue (escalated).</summary>
    public short SlaStage { get; set; }

    /// <summary>When the monitor next looks at the dossier; null when there is nothing more to do.</summary>
    public DateTimeOffset? SlaCheckAt { get; set; }

    /// <summary>The appointment first set at receipt (printed on form 01).</summary>
    public DateTimeOffset? FirstAppointmentAt { get; set; }

    /// <summary>The legal time limit (JSON: value, unit) of the case for the channel, copied at receipt.</summary>
    public string? TimeLimit { get; set; }

    /// <summary>When the clock stopped (status 5 or 6); null while it runs.</summary>
    public DateTimeOffset? PausedSince { get; set; }

    /// <summary>Working minutes the clock has stood still in all pauses so far.</summary>
    public int PausedWorkingMinutes { get; set; }

    public int SupplementationCount { get; set; }

    /// <summary>The first terminal status (3, 7, 8, 9, 10) time — Decision 766's end of processing.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    /// <summary>Result document (JSON: number, signer, signed at, summary, file ids).</summary>
    public string? Result { get; set; }

    /// <summary>How the result was returned (JSON: channel, receiver, at, by).</summary>
    public string? ResultReturn { get; set; }

    /// <summary>The reason of a refusal or stop, for forms 03 and the stop notice.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One required or optional component of a dossier (thành phần hồ sơ), table <c>app.dossier_components</c>.</summary>
public sealed class DossierComponentRecord
{
    public Guid DossierId { get; init; }

    public required string ComponentCode { get; init; }

    public required string Name { get; init; }

    public bool Required { get; init; }

    public short Originals { get; init; }

    public short CertifiedCopies { get; init; }

    public short Copies { get; init; }

    /// <summary>not-digitised, digitised, reused-component, reused-result.</summary>
    public required string Digitisation { get; set; }

    /// <summary>The dossier component or result this one reuses, when <see cref="Digitisation"/> says reused.</summary>
    public string? ReusedFrom { get; set; }
}

/// <summary>A file attached to a dossier component (content in the attachment store by SHA-256), table <c>app.dossier_files</c>. Never overwritten: a replacement is a new row, the old one is marked superseded.</summary>
public sealed class DossierFileRecord
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    /// <summary>The component, or <c>result</c> for a result document's file.</summary>
    public required string ComponentCode { get; init; }

    public required string Sha256 { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    public required string UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>0 with the dossier; n for the n-th supplementation round.</summary>
    public int Round { get; init; }

    public DateTimeOffset? SupersededAt { get; set; }
}

/// <summary>
/// The dossier's history in one table (<c>app.dossier_events</c>): status changes, appointment changes with their
/// reason, hand-offs (control sheet, form 05), supplementation, payments, results, messages. The applicant's
/// timeline and the control sheet are read from it.
/// </summary>
public sealed class DossierEventRecord
{
    public long Id { get; init; }

    public Guid DossierId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>status, appointment, handoff, supplementation-requested, supplemented, payment-requested, payment-recorded, withdrawal-requested, apology, result, returned, message.</summary>
    public required string Kind { get; init; }

    public short? Status { get; init; }

    public string? ElementId { get; init; }

    public string? ActorSubject { get; init; }

    public string? ActorName { get; init; }

    /// <summary>Details of the event (JSON).</summary>
    public string? Data { get; init; }

    /// <summary>False until the notification relay has told the people concerned (the relay marks every new event).</summary>
    public bool Notified { get; set; }
}

/// <summary>One supplementation request and its answer, table <c>app.dossier_supplementations</c>.</summary>
public sealed class DossierSupplementationRecord
{
    public Guid DossierId { get; init; }

    public int Round { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    /// <summary>Each component to add or fix and why (JSON array).</summary>
    public required string Items { get; init; }

    public string? Guidance { get; init; }

    /// <summary>requested, applicant-sent, completed.</summary>
    public required string State { get; set; }

    public DateTimeOffset? SuppliedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A fee or tax the applicant must pay, and its receipt, table <c>app.dossier_payments</c>.</summary>
public sealed class DossierPaymentRecord
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public decimal Amount { get; init; }

    public required string Description { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>counter, online, transfer.</summary>
    public string? Method { get; set; }

    public string? ReceiptNumber { get; set; }

    public string? RecordedBy { get; set; }
}

/// <summary>A message between the applicant and the officers on a dossier (P4), table <c>app.dossier_messages</c>.</summary>
public sealed class DossierMessageRecord
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>applicant or officer.</summary>
    public required string AuthorKind { get; init; }

    public required string AuthorSubject { get; init; }

    public required string AuthorName { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>An apology with a new appointment (form 04), proposed by the unit and approved by a leader, table <c>app.dossier_apologies</c>.</summary>
public sealed class DossierApologyRecord
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public DateTimeOffset ProposedAt { get; init; }

    public required string ProposedBy { get; init; }

    /// <summary>The unit that caused the delay.</summary>
    public required string Unit { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset PreviousAppointmentAt { get; init; }

    public DateTimeOffset NewAppointmentAt { get; init; }

    /// <summary>proposed, approved, rejected.</summary>
    public required string State { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
