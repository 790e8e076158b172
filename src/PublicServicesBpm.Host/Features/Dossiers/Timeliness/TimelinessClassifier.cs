using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>
/// Classifies a dossier as early, on time or late (finished), within time or overdue (unfinished, running or
/// paused), with the withdrawn/returned columns apart, and gives the Decision 766/QĐ-TTg progress verdict.
/// Pure: the same timeline and calendar always give the same answer; the rules are in docs/timeliness.md.
/// </summary>
/// <param name="calendar">The business calendar of the agency that handled the dossier (working time and local dates).</param>
internal sealed class TimelinessClassifier(IBusinessCalendar calendar)
{
    private readonly IBusinessCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>Classifies <paramref name="timeline"/> as of its period end.</summary>
    /// <exception cref="ArgumentException">The timeline is incomplete or contradicts itself; the message says how.</exception>
    public TimelinessClassification Classify(DossierTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var history = DossierTimelineChecks.HistoryAtPeriodEnd(timeline);
        var end = EndOfProcessingRule.Find(timeline, history);
        var (standing, deadline) = new DeadlineRule(_calendar).Judge(timeline, end.At);
        var requests = SupplementationRequests(timeline, end);

        var reason = requests > 1
            ? Decision766Reason.MoreThanOneSupplementationRequest
            : (deadline.Basis, standing) switch
            {
                (DeadlineBasis.Appointment, Standing.Late) => Decision766Reason.AfterAppointment,
                (DeadlineBasis.Appointment, _) => Decision766Reason.NotAfterAppointment,
                (_, Standing.Late) => Decision766Reason.BeyondLegalTimeLimit,
                _ => Decision766Reason.WithinLegalTimeLimit,
            };
        var verdict = new Decision766Verdict(standing != Standing.Late && requests <= 1, reason, end, requests, deadline);
        return new TimelinessClassification(Category(end, standing), verdict);
    }

    private static int SupplementationRequests(DossierTimeline timeline, EndOfProcessing end)
    {
        var recorded = timeline.SupplementationRounds.Count(r => r.RequestedAt >= timeline.Start && r.RequestedAt <= end.At);

        // A dossier recorded as waiting in status 5 without its round still waits for one request.
        var unrecorded = end.Source == EndOfProcessingSource.SupplementationRequest
            && EndOfProcessingRule.OpenSupplementationRequest(timeline) is null;
        return recorded + (unrecorded ? 1 : 0);
    }

    private static TimelinessCategory Category(EndOfProcessing end, Standing standing) => end.Source switch
    {
        EndOfProcessingSource.PeriodEnd => standing == Standing.Late ? TimelinessCategory.Overdue : TimelinessCategory.WithinTime,
        EndOfProcessingSource.SupplementationRequest or EndOfProcessingSource.PaymentRequest =>
            standing == Standing.Late ? TimelinessCategory.PausedOverdue : TimelinessCategory.PausedWithinTime,
        _ when end.Status is EndOfProcessingRule.ResultReady or EndOfProcessingRule.ResultReturned => standing switch
        {
            Standing.Early => TimelinessCategory.Early,
            Standing.OnTime => TimelinessCategory.OnTime,
            _ => TimelinessCategory.Late,
        },
        _ => standing switch
        {
            Standing.Early => TimelinessCategory.WithdrawnOrReturnedEarly,
            Standing.OnTime => TimelinessCategory.WithdrawnOrReturnedOnTime,
            _ => TimelinessCategory.WithdrawnOrReturnedLate,
        },
    };
}
