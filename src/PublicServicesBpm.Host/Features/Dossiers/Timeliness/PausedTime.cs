using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>
/// The time a dossier's clock stood still (supplementation and payment pauses) between two instants, in office
/// time and in wall-clock time. Overlapping pauses count once; a pause still open runs to the upper bound.
/// </summary>
internal static class PausedTime
{
    /// <summary>Measures the pauses of <paramref name="timeline"/> within [<paramref name="from"/>, <paramref name="until"/>].</summary>
    public static (TimeSpan Working, TimeSpan Calendar) Between(
        IBusinessCalendar calendar, DossierTimeline timeline, DateTimeOffset from, DateTimeOffset until)
    {
        // Facts after the period end are not known at the period end: a pause resumed later is still open then.
        var pauses = timeline.SupplementationRounds
            .Where(r => r.RequestedAt >= timeline.Start)
            .Select(r => (From: r.RequestedAt, To: KnownEnd(r.SupplementedAt, timeline.PeriodEnd)))
            .Concat(timeline.PaymentPauses.Select(p => (From: p.RequestedAt, To: KnownEnd(p.PaidAt, timeline.PeriodEnd))))
            .Select(p => (From: Max(p.From, from), To: Min(p.To, until)))
            .Where(p => p.To > p.From)
            .OrderBy(p => p.From)
            .ToList();

        var working = TimeSpan.Zero;
        var wallClock = TimeSpan.Zero;
        var i = 0;
        while (i < pauses.Count)
        {
            var (start, end) = pauses[i++];
            while (i < pauses.Count && pauses[i].From <= end)
            {
                end = Max(end, pauses[i++].To);
            }

            working += calendar.WorkingTimeBetween(start, end);
            wallClock += end - start;
        }

        return (working, wallClock);
    }

    private static DateTimeOffset KnownEnd(DateTimeOffset? resumedAt, DateTimeOffset periodEnd) =>
        resumedAt is { } at && at <= periodEnd ? at : DateTimeOffset.MaxValue;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
