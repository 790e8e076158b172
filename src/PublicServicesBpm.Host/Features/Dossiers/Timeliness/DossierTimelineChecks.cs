namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>Rejects timelines the rules cannot judge, with a message that names the fault.</summary>
internal static class DossierTimelineChecks
{
    /// <summary>Checks <paramref name="timeline"/> and returns its status changes up to the period end, in time order.</summary>
    /// <exception cref="ArgumentException">The timeline is incomplete or contradicts itself.</exception>
    public static IReadOnlyList<StatusChange> HistoryAtPeriodEnd(DossierTimeline timeline)
    {
        Require(timeline.StatusHistory is not null, "The status history is required.");
        Require(timeline.SupplementationRounds is not null, "The supplementation rounds must be a list (empty when none).");
        Require(timeline.PaymentPauses is not null, "The payment pauses must be a list (empty when none).");
        Require(timeline.Appointment is not null || timeline.LegalTimeLimit is not null,
            "A dossier without an appointment needs the legal time limit.");
        Require(!timeline.RestartsTimeLimitAfterSupplement || timeline.LegalTimeLimit is not null,
            "A time limit that restarts after a supplement needs the legal time limit.");
        Require(timeline.LegalTimeLimit is null || timeline.LegalTimeLimit.Value > 0, "The legal time limit must be positive.");
        Require(timeline.LegalTimeLimit is null || Enum.IsDefined(timeline.LegalTimeLimit.Unit), "The legal time limit has an unknown unit.");
        for (var i = 0; i < timeline.StatusHistory!.Count; i++)
        {
            var change = timeline.StatusHistory[i];
            Require(change is not null && change.Status is >= 1 and <= 10,
                $"Status history entry {i} must have a status code from 1 to 10.");
        }

        foreach (var round in timeline.SupplementationRounds!)
        {
            Require(round is not null && (round.SupplementedAt is null || round.SupplementedAt >= round.RequestedAt),
                "A supplementation round cannot be supplemented before it was requested.");
        }

        foreach (var pause in timeline.PaymentPauses!)
        {
            Require(pause is not null && (pause.PaidAt is null || pause.PaidAt >= pause.RequestedAt),
                "A payment cannot be recorded before it was requested.");
        }

        // OrderBy is stable: changes recorded at the same instant keep their recorded order.
        var history = timeline.StatusHistory.Where(c => c.At <= timeline.PeriodEnd).OrderBy(c => c.At).ToList();
        Require(history.Count > 0, "The dossier has no status at the end of the period (it did not exist yet).");
        return history;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
