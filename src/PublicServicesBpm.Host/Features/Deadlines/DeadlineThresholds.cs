using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>
/// The instants at which a task or dossier crosses a threshold, on its agency's business calendar. Pure: no database,
/// so the rules are tested on their own (DeadlineThresholdsTests).
/// </summary>
internal sealed class DeadlineThresholds(DeadlineOptions options)
{
    /// <summary>The task stages (stored in <c>user_tasks.sla_stage</c>).</summary>
    public const short Watching = 0, NearDue = 1, Overdue = 2, EscalatedToLeader = 3;

    /// <summary>When the item becomes near due: the later of "share of the budget left" and "so many working hours left".</summary>
    public DateTimeOffset NearDueAt(IBusinessCalendar calendar, DateTimeOffset start, DateTimeOffset due)
    {
        if (due <= start)
        {
            return due;
        }
        var budget = calendar.WorkingTimeBetween(start, due);
        if (budget <= TimeSpan.Zero)
        {
            return due;
        }
        var left = TimeSpan.FromTicks(Math.Min((long)(budget.Ticks * options.NearDueShare), TimeSpan.FromHours(options.NearDueWorkingHours).Ticks));
        return calendar.AddWorkingTime(start, budget - left);
    }

    /// <summary>When an overdue task goes on to the unit leader.</summary>
    public DateTimeOffset LeaderEscalationAt(IBusinessCalendar calendar, DateTimeOffset due) =>
        calendar.AddWorkingTime(due, TimeSpan.FromHours(options.EscalateToLeaderAfterWorkingHours));

    /// <summary>The stage a task is in at <paramref name="now"/>.</summary>
    public short TaskStage(IBusinessCalendar calendar, DateTimeOffset start, DateTimeOffset due, DateTimeOffset now) =>
        now >= LeaderEscalationAt(calendar, due) ? EscalatedToLeader
        : now >= due ? Overdue
        : now >= NearDueAt(calendar, start, due) ? NearDue
        : Watching;

    /// <summary>When the monitor should look at a task in <paramref name="stage"/> next; null when nothing is left to do.</summary>
    public DateTimeOffset? NextTaskCheck(IBusinessCalendar calendar, DateTimeOffset start, DateTimeOffset due, short stage) => stage switch
    {
        Watching => NearDueAt(calendar, start, due),
        NearDue => due,
        Overdue => LeaderEscalationAt(calendar, due),
        _ => null,
    };

    /// <summary>The stage a dossier is in (watching, near due = apology proposed, overdue = escalated).</summary>
    public short DossierStage(IBusinessCalendar calendar, DateTimeOffset start, DateTimeOffset appointment, DateTimeOffset now) =>
        now >= appointment ? Overdue
        : now >= NearDueAt(calendar, start, appointment) ? NearDue
        : Watching;

    public DateTimeOffset? NextDossierCheck(IBusinessCalendar calendar, DateTimeOffset start, DateTimeOffset appointment, short stage) => stage switch
    {
        Watching => NearDueAt(calendar, start, appointment),
        NearDue => appointment,
        _ => null,
    };

    /// <summary>The new appointment proposed with an apology (form 04): a share of the budget after the current one, at least one working day.</summary>
    public DateTimeOffset ProposedAppointment(IBusinessCalendar calendar, DateTimeOffset start, DateTimeOffset appointment)
    {
        var budget = calendar.WorkingTimeBetween(start, appointment);
        var extra = TimeSpan.FromTicks(Math.Max((long)(budget.Ticks * options.ProposedExtensionShare), calendar.WorkingDayLength.Ticks));
        return calendar.AddWorkingTime(appointment, extra);
    }
}
