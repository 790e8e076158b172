using System.Text.Json.Nodes;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>The applicant of a dossier: a citizen, a business or organisation, or someone authorised by them.</summary>
/// <remarks>Kind: citizen, business, organisation.</remarks>
internal sealed record ApplicantData(
    string Kind, string FullName, string? IdNumber, DateOnly? BirthDate, string? Address, string? Phone, string? Email,
    string? OrganisationName, string? TaxCode, RepresentativeData? Representative);

/// <summary>A person acting for the applicant (người được ủy quyền).</summary>
internal sealed record RepresentativeData(string FullName, string? IdNumber, string? Phone, string? AuthorisationDocument);

/// <summary>Create a draft dossier. Applicants create online (or post) dossiers; one-stop officers create walk-in (counter) dossiers.</summary>
/// <remarks>ProcedureCode: The procedure key, e.g. <c>dang-ky-ho-kinh-doanh</c>. CaseCode: The procedure case; optional when the procedure has one case. AgencyCode: The receiving agency; optional when the procedure names one. Channel: counter, online or post. Applicant: Required for counter dossiers; for online dossiers the signed-in person by default. ResultDelivery: counter, post or online (default: counter).</remarks>
internal sealed record CreateDossierRequest(
    string? ProcedureCode, string? CaseCode, string? AgencyCode, string? Channel, ApplicantData? Applicant, JsonObject? FormData, string? ResultDelivery);

/// <summary>Change a draft: any field left null keeps its value.</summary>
internal sealed record UpdateDossierRequest(ApplicantData? Applicant, JsonObject? FormData, string? ResultDelivery);

internal sealed record RefuseRequest(string? Reason, JsonObject? FormData = null);

/// <summary>One component to add or fix, and why (form 02).</summary>
internal sealed record SupplementItem(string? ComponentCode, string? Name, string? Reason);

internal sealed record SupplementationRequest(IReadOnlyList<SupplementItem>? Items, string? Guidance, JsonObject? FormData = null);

internal sealed record SupplementRequest(string? Note);

/// <summary>Ask for a fee or tax; amount and description default to the case's fee for the dossier's channel.</summary>
internal sealed record PaymentRequest(decimal? Amount, string? Description, JsonObject? FormData = null);

/// <remarks>Method: counter, online or transfer.</remarks>
internal sealed record RecordPaymentRequest(string? Method, string? ReceiptNumber);

internal sealed record WithdrawalRequest(string? Reason);

/// <summary>Propose an apology and a new appointment (form 04); a leader approves it.</summary>
internal sealed record ApologyRequest(string? Unit, string? Reason, DateTimeOffset? NewAppointmentAt);

internal sealed record ApologyDecision(bool Approve, string? Note);

/// <summary>The result document, recorded with the task that completes signing or issuing it.</summary>
/// <remarks>Outcome: The outcome of the open task to complete (default <c>sign</c>).</remarks>
internal sealed record ResultRequest(string? Outcome, string? Number, string? Signer, DateOnly? SignedOn, string? Summary, JsonObject? FormData = null);

/// <remarks>Channel: counter, post or online.</remarks>
internal sealed record ReturnRequest(string? Channel, string? ReceiverName, string? ReceiverIdNumber, string? Note, JsonObject? FormData = null);

internal sealed record MessageRequest(string? Body);

/// <summary>Receive a dossier (online: the open receipt step; counter/post: the officer's draft).</summary>
internal sealed record ReceiveRequest(JsonObject? FormData = null);

/// <summary>A dossier as its applicant or an officer sees it.</summary>
internal sealed record DossierView(
    Guid Id, string? Code, string? LookupSecret, string ProcedureCode, int ProcedureVersion, string CaseCode, string AgencyCode,
    string Channel, StatusView Status, string? SubStatus, JsonNode? Applicant, JsonNode? FormData, string ResultDelivery,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt,
    DateTimeOffset? FirstAppointmentAt, int PausedWorkingMinutes, bool Paused, int SupplementationCount, DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt, JsonNode? Result, JsonNode? ResultReturn, string? Reason, Guid? ProcessInstanceId,
    IReadOnlyList<ComponentView> Components, IReadOnlyList<OpenTaskView> OpenTasks, IReadOnlyList<EventView> History,
    IReadOnlyList<SupplementationView> Supplementations, IReadOnlyList<PaymentView> Payments, IReadOnlyList<ApologyView> Apologies,
    IReadOnlyList<MessageView> Messages);

internal sealed record StatusView(short Code, string Name, string NameEn);

internal sealed record ComponentView(
    string Code, string Name, bool Required, short Originals, short CertifiedCopies, short Copies, string Digitisation, IReadOnlyList<FileView> Files);

internal sealed record FileView(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, int Round, bool Superseded);

internal sealed record OpenTaskView(
    string Id, string ElementId, string? Name, IReadOnlyList<string> Outcomes, IReadOnlyList<string> CandidateGroups, string? Assignee, string? FormKey,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

internal sealed record EventView(long Id, DateTimeOffset At, string Kind, short? Status, string? ElementId, string? ActorName, JsonNode? Data);

internal sealed record SupplementationView(
    int Round, DateTimeOffset RequestedAt, JsonNode? Items, string? Guidance, string State, DateTimeOffset? SuppliedAt, DateTimeOffset? CompletedAt);

internal sealed record PaymentView(
    Guid Id, decimal Amount, string Description, DateTimeOffset RequestedAt, DateTimeOffset? PaidAt, string? Method, string? ReceiptNumber);

internal sealed record ApologyView(
    Guid Id, DateTimeOffset ProposedAt, string Unit, string Reason, DateTimeOffset PreviousAppointmentAt, DateTimeOffset NewAppointmentAt,
    string State, DateTimeOffset? DecidedAt);

internal sealed record MessageView(Guid Id, DateTimeOffset At, string AuthorKind, string AuthorName, string Body);

/// <summary>A dossier in a list.</summary>
internal sealed record DossierSummary(
    Guid Id, string? Code, string ProcedureCode, string AgencyCode, string Channel, StatusView Status, string ApplicantName,
    DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? FinishedAt);
