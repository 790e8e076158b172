namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>A component as listed on form 01: how many originals, certified copies and plain copies were handed in.</summary>
internal sealed record SlipComponent(string Name, int Originals, int CertifiedCopies, int Copies);

/// <summary>Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the receipt and its appointment.</summary>
internal sealed record ReceiptSlip(
    SlipAgency Agency, string DossierCode, string? LookupSecret, SlipApplicant Applicant, string Content,
    IReadOnlyList<SlipComponent> Components, string LegalTime, DateTimeOffset ReceivedAt, DateTimeOffset Appointment,
    string ReturnPlace, string ReceivingOfficer, DateTimeOffset IssuedAt) : ISlip<ReceiptSlip>, IIssuedSlip
{
    public static SlipSchema<ReceiptSlip> Schema { get; } = new SlipSchema<ReceiptSlip>("01").Common()
        .Applicant(s => s.Applicant)
        .Text("lookupSecret", s => s.LookupSecret)
        .Text("content", s => s.Content)
        .Text("legalTime", s => s.LegalTime)
        .Instant("receivedAt", s => s.ReceivedAt)
        .Instant("appointment", s => s.Appointment)
        .Text("returnPlace", s => s.ReturnPlace)
        .Text("receivingOfficer", s => s.ReceivingOfficer)
        .Table("components", s => s.Components, new SlipSchema<SlipComponent>("01")
            .Text("name", c => c.Name)
            .Field("originals", SlipFieldKind.Number, c => c.Originals)
            .Field("certifiedCopies", SlipFieldKind.Number, c => c.CertifiedCopies)
            .Field("copies", SlipFieldKind.Number, c => c.Copies));
}

/// <summary>One component to add or fix on form 02, and why.</summary>
internal sealed record SlipSupplementationItem(string Component, string Reason);

/// <summary>Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every missing or faulty component at once.</summary>
internal sealed record SupplementationRequestSlip(
    SlipAgency Agency, string? DossierCode, SlipApplicant Applicant, string Content, IReadOnlyList<SlipSupplementationItem> Items,
    string GuidingOfficer, string? GuidingOfficerPhone, DateTimeOffset IssuedAt) : ISlip<SupplementationRequestSlip>, IIssuedSlip
{
    public static SlipSchema<SupplementationRequestSlip> Schema { get; } = new SlipSchema<SupplementationRequestSlip>("02").Common()
        .Applicant(s => s.Applicant)
        .Text("content", s => s.Content)
        .Text("guidingOfficer", s => s.GuidingOfficer)
        .Text("guidingOfficerPhone", s => s.GuidingOfficerPhone)
        .Table("items", s => s.Items, new SlipSchema<SlipSupplementationItem>("02")
            .Text("component", i => i.Component)
            .Text("reason", i => i.Reason));
}

/// <summary>Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: the specific reason of the refusal.</summary>
internal sealed record RefusalSlip(
    SlipAgency Agency, string? DossierCode, SlipApplicant Applicant, string Content, string Reason, string ReceivingOfficer,
    DateTimeOffset IssuedAt) : ISlip<RefusalSlip>, IIssuedSlip
{
    public static SlipSchema<RefusalSlip> Schema { get; } = new SlipSchema<RefusalSlip>("03").Common()
        .Applicant(s => s.Applicant)
        .Text("content", s => s.Content)
        .Text("reason", s => s.Reason)
        .Text("receivingOfficer", s => s.ReceivingOfficer);
}

/// <summary>Form 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả: the unit that caused the delay, why, and the new appointment.</summary>
internal sealed record ApologySlip(
    SlipAgency Agency, string DossierCode, SlipApplicant Applicant, string Content, DateTimeOffset ReceivedAt,
    DateTimeOffset OriginalAppointment, string DelayingUnit, string DelayReason, DateTimeOffset NewAppointment, string Head,
    DateTimeOffset IssuedAt) : ISlip<ApologySlip>, IIssuedSlip
{
    public static SlipSchema<ApologySlip> Schema { get; } = new SlipSchema<ApologySlip>("04").Common()
        .Applicant(s => s.Applicant)
        .Text("content", s => s.Content)
        .Instant("receivedAt", s => s.ReceivedAt)
        .Instant("originalAppointment", s => s.OriginalAppointment)
        .Text("delayingUnit", s => s.DelayingUnit)
        .Text("delayReason", s => s.DelayReason)
        .Instant("newAppointment", s => s.NewAppointment)
        .Text("head", s => s.Head);
}

/// <summary>One hand-off on the control sheet: from whom to whom, when given and received, the result and notes.</summary>
internal sealed record SlipHandOff(string From, string To, DateTimeOffset HandedOverAt, DateTimeOffset? ReceivedAt, string? Result, string? Note);

/// <summary>Form 05, Phiếu kiểm soát quá trình giải quyết hồ sơ: the dossier, then one row per hand-off.</summary>
internal sealed record ControlSheet(
    SlipAgency Agency, string DossierCode, SlipApplicant Applicant, string Content, DateTimeOffset ReceivedAt,
    DateTimeOffset Appointment, IReadOnlyList<SlipHandOff> HandOffs, DateTimeOffset IssuedAt) : ISlip<ControlSheet>, IIssuedSlip
{
    public static SlipSchema<ControlSheet> Schema { get; } = new SlipSchema<ControlSheet>("05").Common()
        .Applicant(s => s.Applicant)
        .Text("content", s => s.Content)
        .Instant("receivedAt", s => s.ReceivedAt)
        .Instant("appointment", s => s.Appointment)
        .Table("handOffs", s => s.HandOffs, new SlipSchema<SlipHandOff>("05")
            .Text("from", h => h.From)
            .Text("to", h => h.To)
            .Instant("handedOverAt", h => h.HandedOverAt)
            .Instant("receivedAt", h => h.ReceivedAt)
            .Text("result", h => h.Result)
            .Text("note", h => h.Note));
}

/// <summary>One dossier in the register (form 06).</summary>
internal sealed record RegisterEntry(
    string DossierCode, string Content, string ApplicantName, string? ApplicantAddress, string? ApplicantPhone,
    DateTimeOffset ReceivedAt, DateTimeOffset? Appointment, DateTimeOffset? ReturnedAt, string? ReceivingOfficer, string? Note);

/// <summary>Form 06, Sổ theo dõi hồ sơ: the dossiers of a period (already filtered by the caller), as PDF or Excel.</summary>
internal sealed record DossierRegister(
    SlipAgency Agency, DateOnly PeriodFrom, DateOnly PeriodTo, string? StatusFilter, IReadOnlyList<RegisterEntry> Entries,
    DateTimeOffset IssuedAt) : ISlip<DossierRegister>, IIssuedSlip
{
    public string? DossierCode => null;

    public static SlipSchema<DossierRegister> Schema { get; } = new SlipSchema<DossierRegister>("06")
        .Agency(s => s.Agency)
        .Instant("issuedAt", s => s.IssuedAt)
        .Field("periodFrom", SlipFieldKind.Date, s => s.PeriodFrom)
        .Field("periodTo", SlipFieldKind.Date, s => s.PeriodTo)
        .Text("statusFilter", s => s.StatusFilter)
        .Field("entryCount", SlipFieldKind.Number, s => s.Entries.Count)
        .Table("entries", s => s.Entries, new SlipSchema<RegisterEntry>("06")
            .Text("dossierCode", e => e.DossierCode)
            .Text("content", e => e.Content)
            .Text("applicantName", e => e.ApplicantName)
            .Text("applicantAddress", e => e.ApplicantAddress)
            .Text("applicantPhone", e => e.ApplicantPhone)
            .Instant("receivedAt", e => e.ReceivedAt)
            .Instant("appointment", e => e.Appointment)
            .Instant("returnedAt", e => e.ReturnedAt)
            .Text("receivingOfficer", e => e.ReceivingOfficer)
            .Text("note", e => e.Note));
}

/// <summary>The six forms' field sets by form number, for checking templates without any slip at hand.</summary>
internal static class SlipForms
{
    /// <summary>Added by the renderer to every form: the public lookup address the QR code encodes.</summary>
    public const string LookupUrlField = "lookupUrl";

    public static IReadOnlyDictionary<string, SlipFieldSet> All { get; } = new[]
    {
        ReceiptSlip.Schema.Describe(), SupplementationRequestSlip.Schema.Describe(), RefusalSlip.Schema.Describe(),
        ApologySlip.Schema.Describe(), ControlSheet.Schema.Describe(), DossierRegister.Schema.Describe(),
    }.ToDictionary(s => s.Form, WithLookupUrl, StringComparer.Ordinal);

    private static SlipFieldSet WithLookupUrl(SlipFieldSet set) =>
        set with { Fields = new Dictionary<string, SlipFieldKind>(set.Fields, StringComparer.Ordinal) { [LookupUrlField] = SlipFieldKind.Text } };
}
