using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Deadlines;

namespace PublicServicesBpm.IntegrationTests.Deadlines;

/// <summary>
/// The deadline monitor's thresholds on the common Vietnamese calendar (07:30–11:30 and 13:00–17:00, eight-hour days,
/// Labour Code holidays) with the default options: near due at 20% of the budget left or one working day (eight
/// working hours) left, whichever comes later; the unit leader eight working hours after an overdue task's due time;
/// a proposed appointment 20% of the budget (at least a working day) after the current one. Pure: no database.
/// </summary>
public sealed class DeadlineThresholdsTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly VietnamBusinessCalendar Calendar = new();
    private static readonly DeadlineThresholds Thresholds = new(new DeadlineOptions());

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Vietnam);

    [Fact]
    public void NearDueAt_FourHourStep_FortyEightMinutesBeforeItsDueTime()
    {
        // Monday 2 November 2026, 08:00: four working hours end at 13:30 (the lunch break is not working time).
        var start = At(2026, 11, 2, 8);
        var due = Calendar.AddWorkingTime(start, TimeSpan.FromHours(4));
        Assert.Equal(At(2026, 11, 2, 13, 30), due);

        // 20% of four hours is 48 minutes, less than a working day: near due at 3 h 12 min of working time.
        Assert.Equal(At(2026, 11, 2, 11, 12), Thresholds.NearDueAt(Calendar, start, due));
    }

    [Fact]
    public void NearDueAt_FifteenWorkingDayDossier_OneWorkingDayBeforeOverTheWeekend()
    {
        var received = At(2026, 11, 2, 9);
        var appointment = Calendar.AddWorkingTime(received, TimeSpan.FromHours(15 * 8));
        Assert.Equal(At(2026, 11, 23, 9), appointment);

        // 20% of fifteen days is three days: one working day is less, so it wins — Friday 09:00, not Sunday.
        Assert.Equal(At(2026, 11, 20, 9), Thresholds.NearDueAt(Calendar, received, appointment));
    }

    [Fact]
    public void NearDueAt_AppointmentAfterNewYear_OneWorkingDayBeforeSkipsTheHolidayAndTheWeekend()
    {
        // Due Monday 4 January 2027: Friday 1 January is New Year's Day, then the weekend, so the working day before is Thursday 31 December.
        var received = At(2026, 12, 14, 9);
        var appointment = At(2027, 1, 4, 9);
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));

        Assert.Equal(At(2026, 12, 31, 9), Thresholds.NearDueAt(Calendar, received, appointment));
    }

    [Fact]
    public void NearDueAt_DueAtOrBeforeItsStart_TheDueTimeItself()
    {
        var start = At(2026, 11, 2, 9);

        Assert.Equal(start, Thresholds.NearDueAt(Calendar, start, start));
        Assert.Equal(start.AddHours(-1), Thresholds.NearDueAt(Calendar, start, start.AddHours(-1)));
    }

    [Fact]
    public void NearDueAt_OptionsChanged_TheLaterOfShareAndWorkingHoursLeft()
    {
        // Two working hours left, or 50%: for a four-hour step 50% (two hours) and two hours agree; for a day, two hours win.
        var thresholds = new DeadlineThresholds(new DeadlineOptions { NearDueShare = 0.5, NearDueWorkingHours = 2 });
        var start = At(2026, 11, 2, 8);

        Assert.Equal(At(2026, 11, 2, 10), thresholds.NearDueAt(Calendar, start, Calendar.AddWorkingTime(start, TimeSpan.FromHours(4))));
        Assert.Equal(At(2026, 11, 3, 8), thresholds.NearDueAt(Calendar, start, At(2026, 11, 3, 10)));
    }

    [Fact]
    public void TaskStage_FourHourStep_WatchingNearDueOverdueThenLeaderAfterEightWorkingHours()
    {
        var start = At(2026, 11, 2, 8);
        var due = At(2026, 11, 2, 13, 30);

        Assert.Equal(DeadlineThresholds.Watching, Thresholds.TaskStage(Calendar, start, due, At(2026, 11, 2, 11, 11)));
        Assert.Equal(DeadlineThresholds.NearDue, Thresholds.TaskStage(Calendar, start, due, At(2026, 11, 2, 11, 12)));
        Assert.Equal(DeadlineThresholds.NearDue, Thresholds.TaskStage(Calendar, start, due, At(2026, 11, 2, 13, 29)));
        Assert.Equal(DeadlineThresholds.Overdue, Thresholds.TaskStage(Calendar, start, due, due));
        // Eight working hours after Monday 13:30: 3.5 h on Monday, 4 h on Tuesday morning, 0.5 h after lunch.
        Assert.Equal(At(2026, 11, 3, 13, 30), Thresholds.LeaderEscalationAt(Calendar, due));
        Assert.Equal(DeadlineThresholds.Overdue, Thresholds.TaskStage(Calendar, start, due, At(2026, 11, 3, 13, 29)));
        Assert.Equal(DeadlineThresholds.EscalatedToLeader, Thresholds.TaskStage(Calendar, start, due, At(2026, 11, 3, 13, 30)));
    }

    [Fact]
    public void NextTaskCheck_EachStage_TheNextThresholdThenNothing()
    {
        var start = At(2026, 11, 2, 8);
        var due = At(2026, 11, 2, 13, 30);

        Assert.Equal(At(2026, 11, 2, 11, 12), Thresholds.NextTaskCheck(Calendar, start, due, DeadlineThresholds.Watching));
        Assert.Equal(due, Thresholds.NextTaskCheck(Calendar, start, due, DeadlineThresholds.NearDue));
        Assert.Equal(At(2026, 11, 3, 13, 30), Thresholds.NextTaskCheck(Calendar, start, due, DeadlineThresholds.Overdue));
        Assert.Null(Thresholds.NextTaskCheck(Calendar, start, due, DeadlineThresholds.EscalatedToLeader));
    }

    [Fact]
    public void DossierStage_FifteenWorkingDays_NearDueOnFridayOverdueAtTheAppointment()
    {
        var received = At(2026, 11, 2, 9);
        var appointment = At(2026, 11, 23, 9);

        Assert.Equal(DeadlineThresholds.Watching, Thresholds.DossierStage(Calendar, received, appointment, At(2026, 11, 20, 8, 59)));
        Assert.Equal(DeadlineThresholds.NearDue, Thresholds.DossierStage(Calendar, received, appointment, At(2026, 11, 20, 9)));
        // Over the weekend it stays near due: calendar time passes, working time does not.
        Assert.Equal(DeadlineThresholds.NearDue, Thresholds.DossierStage(Calendar, received, appointment, At(2026, 11, 22, 20)));
        Assert.Equal(DeadlineThresholds.Overdue, Thresholds.DossierStage(Calendar, received, appointment, appointment));
        Assert.Equal(At(2026, 11, 20, 9), Thresholds.NextDossierCheck(Calendar, received, appointment, DeadlineThresholds.Watching));
        Assert.Equal(appointment, Thresholds.NextDossierCheck(Calendar, received, appointment, DeadlineThresholds.NearDue));
        Assert.Null(Thresholds.NextDossierCheck(Calendar, received, appointment, DeadlineThresholds.Overdue));
    }

    [Fact]
    public void ProposedAppointment_FifteenWorkingDays_ThreeWorkingDaysLater()
    {
        // 20% of fifteen working days = three working days after Monday 23 November 09:00.
        Assert.Equal(At(2026, 11, 26, 9), Thresholds.ProposedAppointment(Calendar, At(2026, 11, 2, 9), At(2026, 11, 23, 9)));
    }

    [Fact]
    public void ProposedAppointment_ShortBudgetBeforeAHoliday_AtLeastOneWorkingDayAfterTheHoliday()
    {
        // A one-day dossier due Thursday 31 December 2026, 09:00: 20% is 1.6 hours, so one working day — Monday 4 January, 09:00.
        Assert.Equal(At(2027, 1, 4, 9), Thresholds.ProposedAppointment(Calendar, At(2026, 12, 30, 9), At(2026, 12, 31, 9)));
    }
}
