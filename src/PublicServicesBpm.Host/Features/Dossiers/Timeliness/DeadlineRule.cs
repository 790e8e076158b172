using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Host.Features.Dossiers.Timeliness;

/// <summary>Whether an end of processing came before, on or after its due moment.</summary>
internal enum Standing
{
    /// <summary>On a local date before the due date.</summary>
    Early,

    /// <summary>On the due date and not after the due moment.</summary>
    OnTime,

    /// <summary>After the due moment.</summary>
    Late,
}

/// <summary>
/// Sets the due moment of a dossier and judges an end against it. "On time (same day)" means: not after the due
/// instant and on the same local date (the calendar's zone, Asia/Ho_Chi_Minh, UTC+7) as it; "early" means a local
/// date before the due date; anything after the due instant — even a minute — is late.
/// </summary>
internal sealed class DeadlineRule(IBusinessCalendar calendar)
{
    /// <summary>Judges <paramref name="end"/> for a validated <paramref name="timeline"/>.</summary>
    public (Standing Standing, TimelinessDeadline Deadline) Judge(DossierTimeline timeline, DateTimeOffset end)
    {
        var restartedAt = timeline.RestartsTimeLimitAfterSupplement
            ? timeline.SupplementationRounds
                .Where(r => r.RequestedAt >= timeline.Start && r.SupplementedAt is { } at && at <= end && at <= timeline.PeriodEnd)
                .Select(r => r.SupplementedAt)
                .Max()
            : null;
        if (restartedAt is { } clockStart)
        {
            return AgainstLimit(timeline, timeline.LegalTimeLimit!, clockStart, end, DeadlineBasis.LegalTimeLimitRestarted);
        }

        return timeline.Appointment is { } appointment
            ? AgainstAppointment(timeline, appointment, end)
            : AgainstLimit(timeline, timeline.LegalTimeLimit!, timeline.Start, end, DeadlineBasis.LegalTimeLimit);
    }

    private (Standing, TimelinessDeadline) AgainstAppointment(DossierTimeline timeline, DateTimeOffset appointment, DateTimeOffset end)
    {
        var (working, wallClock) = PausedTime.Between(calendar, timeline, timeline.Start, end);

        // AddWorkingTime(x, 0) would move an appointment at closing time to the next opening, so no pause, no move.
        var dueAt = working > TimeSpan.Zero ? calendar.AddWorkingTime(appointment, working) : appointment;
        var deadline = new TimelinessDeadline(DeadlineBasis.Appointment, LocalDate(dueAt), dueAt, timeline.Start, working, wallClock);
        return (ByInstant(end, dueAt), deadline);
    }

    private (Standing, TimelinessDeadline) AgainstLimit(
        DossierTimeline timeline, LegalTimeLimit limit, DateTimeOffset clockStart, DateTimeOffset end, DeadlineBasis basis)
    {
        var (working, wallClock) = PausedTime.Between(calendar, timeline, clockStart, end);
        if (limit.Unit == TimeLimitUnit.CalendarDays)
        {
            // A start after closing counts from the next working morning; a due date on a day off moves to the next working day.
            var dueDate = LocalDate(calendar.AddWorkingTime(clockStart, TimeSpan.Zero)).AddDays((int)Math.Ceiling(limit.Value));
            while (!calendar.IsWorkingDay(dueDate))
            {
                dueDate = dueDate.AddDays(1);
            }

            var endDate = LocalDate(end - wallClock);
            var standing = endDate > dueDate ? Standing.Late : endDate < dueDate ? Standing.Early : Standing.OnTime;
            return (standing, new TimelinessDeadline(basis, dueDate, null, clockStart, working, wallClock));
        }

        var budget = limit.Unit == TimeLimitUnit.WorkingDays
            ? TimeSpan.FromTicks((long)(limit.Value * calendar.WorkingDayLength.Ticks))
            : TimeSpan.FromTicks((long)(limit.Value * TimeSpan.TicksPerHour));
        var elapsed = calendar.WorkingTimeBetween(clockStart, end) - working;
        var dueAt = calendar.AddWorkingTime(clockStart, budget + working);
        var deadline = new TimelinessDeadline(basis, LocalDate(dueAt), dueAt, clockStart, working, wallClock);

        // The rule counts working time, so an end after closing on the due day is still within the limit.
        if (elapsed > budget)
        {
            return (Standing.Late, deadline);
        }

        return (LocalDate(end) < deadline.DueDate ? Standing.Early : Standing.OnTime, deadline);
    }

    private Standing ByInstant(DateTimeOffset end, DateTimeOffset dueAt) =>
        end > dueAt ? Standing.Late : LocalDate(end) < LocalDate(dueAt) ? Standing.Early : Standing.OnTime;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime);
}
