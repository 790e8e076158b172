namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>
/// Finds the end-of-processing instant of Decision 766/QĐ-TTg: the first terminal status among refused (3),
/// withdrawal (7), stopped (8), result ready (9) and result returned (10), where a "result ready" anywhere in the
/// history wins over "returned" (10 counts only for dossiers that skipped 9). Without one, a dossier waiting for a
/// supplement or a payment ends when that pause was requested (its clock stopped then), any other at the period end.
/// </summary>
internal static class EndOfProcessingRule
{
    internal const int Refused = 3;
    internal const int SupplementationRequested = 5;
    internal const int PaymentRequested = 6;
    internal const int WithdrawalRequested = 7;
    internal const int Stopped = 8;
    internal const int ResultReady = 9;
    internal const int ResultReturned = 10;

    /// <summary>The end of processing as of <see cref="DossierTimeline.PeriodEnd"/>.</summary>
    /// <param name="timeline">A validated timeline.</param>
    /// <param name="history">Its status changes up to the period end, in time order; not empty.</param>
    public static EndOfProcessing Find(DossierTimeline timeline, IReadOnlyList<StatusChange> history)
    {
        var hasResultReady = history.Any(c => c.Status == ResultReady);
        var terminal = history.FirstOrDefault(c =>
            c.Status is Refused or WithdrawalRequested or Stopped or ResultReady
            || (c.Status == ResultReturned && !hasResultReady));
        if (terminal is not null)
        {
            return new EndOfProcessing(EndOfProcessingSource.TerminalStatus, terminal.At, terminal.Status);
        }

        var current = history[^1];
        return current.Status switch
        {
            SupplementationRequested => new EndOfProcessing(
                EndOfProcessingSource.SupplementationRequest,
                OpenSupplementationRequest(timeline) ?? CurrentRunStart(history),
                current.Status),
            PaymentRequested => new EndOfProcessing(
                EndOfProcessingSource.PaymentRequest,
                OpenPaymentRequest(timeline) ?? CurrentRunStart(history),
                current.Status),
            _ => new EndOfProcessing(EndOfProcessingSource.PeriodEnd, timeline.PeriodEnd, current.Status),
        };
    }

    /// <summary>The request time of the supplementation round still open at the period end, if the timeline records it.</summary>
    public static DateTimeOffset? OpenSupplementationRequest(DossierTimeline timeline) => timeline.SupplementationRounds
        .Where(r => r.RequestedAt >= timeline.Start && r.RequestedAt <= timeline.PeriodEnd
            && (r.SupplementedAt is null || r.SupplementedAt > timeline.PeriodEnd))
        .Select(r => (DateTimeOffset?)r.RequestedAt)
        .Max();

    private static DateTimeOffset? OpenPaymentRequest(DossierTimeline timeline) => timeline.PaymentPauses
        .Where(p => p.RequestedAt <= timeline.PeriodEnd && (p.PaidAt is null || p.PaidAt > timeline.PeriodEnd))
        .Select(p => (DateTimeOffset?)p.RequestedAt)
        .Max();

    // A status may be recorded again for a sub-status change; the pause began with the first of the trailing run.
    private static DateTimeOffset CurrentRunStart(IReadOnlyList<StatusChange> history)
    {
        var i = history.Count - 1;
        while (i > 0 && history[i - 1].Status == history[^1].Status)
        {
            i--;
        }

        return history[i].At;
    }
}
