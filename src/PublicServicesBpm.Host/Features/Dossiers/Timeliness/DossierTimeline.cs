namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>
/// What <see cref="TimelinessClassifier"/> needs to know about one dossier, as of the end of a reporting period.
/// Facts dated after <see cref="PeriodEnd"/> are ignored, so the same timeline can be classified for any past period.
/// </summary>
internal sealed record DossierTimeline
{
    /// <summary>When the time limit starts: the receipt; for a dossier refused before receipt, its submission.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>
    /// The appointment given at receipt (form 01), <b>not</b> moved by pauses (the classifier adds them) nor by an
    /// apology (form 04 admits lateness, it does not excuse it). Null when the dossier has none; then
    /// <see cref="LegalTimeLimit"/> is required.
    /// </summary>
    public DateTimeOffset? Appointment { get; init; }

    /// <summary>The legal time limit on the dossier's channel; required without an appointment or when the limit restarts.</summary>
    public LegalTimeLimit? LegalTimeLimit { get; init; }

    /// <summary>The procedure restarts the full time limit when a complete supplement arrives (instead of pausing the clock).</summary>
    public bool RestartsTimeLimitAfterSupplement { get; init; }

    /// <summary>Every status change (codes 1..10) with its time; at least one at or before <see cref="PeriodEnd"/>.</summary>
    public required IReadOnlyList<StatusChange> StatusHistory { get; init; }

    /// <summary>Supplementation rounds requested during processing (status 5); rounds requested before <see cref="Start"/> are ignored.</summary>
    public IReadOnlyList<SupplementationRound> SupplementationRounds { get; init; } = [];

    /// <summary>Waits for fees or taxes (status 6); the clock stops during them like during supplementation.</summary>
    public IReadOnlyList<PaymentPause> PaymentPauses { get; init; } = [];

    /// <summary>The end of the reporting period: unfinished dossiers are judged at this instant.</summary>
    public required DateTimeOffset PeriodEnd { get; init; }
}

/// <summary>One entry of the dossier's status history.</summary>
/// <param name="Status">The status code 1..10 of lifecycle.md.</param>
/// <param name="At">When the dossier entered it.</param>
internal sealed record StatusChange(int Status, DateTimeOffset At);

/// <summary>One supplementation round: the request (form 02) and the complete supplement, if it came.</summary>
/// <param name="RequestedAt">When supplementation was requested; the clock stops.</param>
/// <param name="SupplementedAt">When the complete supplement was accepted and the clock resumed; null while waiting.</param>
internal sealed record SupplementationRound(DateTimeOffset RequestedAt, DateTimeOffset? SupplementedAt);

/// <summary>One wait for a financial obligation.</summary>
/// <param name="RequestedAt">When payment was requested; the clock stops.</param>
/// <param name="PaidAt">When payment was recorded and the clock resumed; null while waiting.</param>
internal sealed record PaymentPause(DateTimeOffset RequestedAt, DateTimeOffset? PaidAt);
