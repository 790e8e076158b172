namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>The outcome of <see cref="TimelinessClassifier.Classify"/>.</summary>
/// <param name="Category">The statistics column.</param>
/// <param name="Decision766">The Decision 766/QĐ-TTg progress verdict with its explanation.</param>
internal sealed record TimelinessClassification(TimelinessCategory Category, Decision766Verdict Decision766);

/// <summary>
/// The Decision 766/QĐ-TTg progress verdict and the facts it rests on, so that a report can show why a dossier
/// counts as late.
/// </summary>
/// <param name="IsOnTime">True when the dossier counts as handled early or on time.</param>
/// <param name="Reason">The rule that decided.</param>
/// <param name="End">The end-of-processing instant used and where it came from.</param>
/// <param name="SupplementationRequests">Supplementation requests from the start up to the end; more than one is late.</param>
/// <param name="Deadline">What the end was compared with.</param>
internal sealed record Decision766Verdict(
    bool IsOnTime,
    Decision766Reason Reason,
    EndOfProcessing End,
    int SupplementationRequests,
    TimelinessDeadline Deadline);

/// <summary>The rule that decided a Decision 766 verdict.</summary>
internal enum Decision766Reason
{
    /// <summary>End ≤ the appointment moved by the paused working time.</summary>
    NotAfterAppointment,

    /// <summary>End &gt; the appointment moved by the paused working time.</summary>
    AfterAppointment,

    /// <summary>Without an appointment (or after a restart): end − start − paused time ≤ the legal time limit.</summary>
    WithinLegalTimeLimit,

    /// <summary>Without an appointment (or after a restart): end − start − paused time &gt; the legal time limit.</summary>
    BeyondLegalTimeLimit,

    /// <summary>More than one supplementation request: late whatever the dates.</summary>
    MoreThanOneSupplementationRequest,
}

/// <summary>Where the end-of-processing instant came from.</summary>
internal enum EndOfProcessingSource
{
    /// <summary>The first terminal status (3, 7, 8, 9, or 10 when there is no 9).</summary>
    TerminalStatus,

    /// <summary>The dossier waits for a supplement: the request time (the clock stopped then).</summary>
    SupplementationRequest,

    /// <summary>The dossier waits for a payment: the request time (the clock stopped then).</summary>
    PaymentRequest,

    /// <summary>The dossier is still in processing: the end of the reporting period.</summary>
    PeriodEnd,
}

/// <summary>The end-of-processing instant of a dossier.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="At">The instant.</param>
/// <param name="Status">The terminal status code for <see cref="EndOfProcessingSource.TerminalStatus"/>, the current status (5 or 6) while paused, else the status at the end of the period.</param>
internal sealed record EndOfProcessing(EndOfProcessingSource Source, DateTimeOffset At, int Status);

/// <summary>How the due moment was set.</summary>
internal enum DeadlineBasis
{
    /// <summary>The appointment at receipt, moved forward by the paused working time.</summary>
    Appointment,

    /// <summary>The legal time limit counted from the start, paused time subtracted.</summary>
    LegalTimeLimit,

    /// <summary>The legal time limit counted afresh from the last complete supplement (procedures that restart it).</summary>
    LegalTimeLimitRestarted,
}

/// <summary>The due moment a dossier was judged against.</summary>
/// <param name="Basis">How it was set.</param>
/// <param name="DueDate">The local due date in the calendar's zone (Vietnam, UTC+7).</param>
/// <param name="DueAt">The due instant; null for calendar-day limits, which are due by the date only.</param>
/// <param name="ClockStart">Where the time limit was counted from (the start, or the restarting supplement).</param>
/// <param name="PausedWorkingTime">Office time spent in supplementation or payment pauses between the clock start and the end (overlaps counted once).</param>
/// <param name="PausedCalendarTime">Wall-clock time of the same pauses; subtracted for calendar-day limits.</param>
internal sealed record TimelinessDeadline(
    DeadlineBasis Basis,
    DateOnly DueDate,
    DateTimeOffset? DueAt,
    DateTimeOffset ClockStart,
    TimeSpan PausedWorkingTime,
    TimeSpan PausedCalendarTime);
