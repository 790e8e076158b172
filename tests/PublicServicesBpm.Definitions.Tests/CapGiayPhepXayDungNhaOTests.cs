using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// Construction permit for an individual house: 15 working days; one supplementation round (an event-based gateway:
/// supplement received vs deadline passed); a site inspection with a non-interrupting reminder; approval or refusal.
/// </summary>
public sealed class CapGiayPhepXayDungNhaOTests
{
    private const string Key = "cap-giay-phep-xay-dung-nha-o";

    [Fact]
    public void HappyPath_BudgetsAddUpAcrossTet_AndStatusesFollowTheLifeCycle()
    {
        // Received Monday 9 February 2026 08:00: 2 working days for the one-stop desk → Wednesday 11 Feb 08:00.
        var run = WorkflowRun.Start(Key, At(2026, 2, 9, 8, 0));
        Assert.Equal(At(2026, 2, 11, 8, 0), run.Task("receive").DueAt);

        run.Accept(At(2026, 2, 10, 8, 0));
        // 56 working hours from Tuesday 10 Feb 08:00: 31.5 h to Friday 13 Feb, the Tết week 16–20 Feb, 24 h on 23–25 Feb, 0.5 h Thursday 26 Feb.
        Assert.Equal(At(2026, 2, 26, 8, 0), run.Task("appraise").DueAt);

        run.Complete("appraise", "propose-approve", At(2026, 2, 24, 8, 0))
            .Complete("approve", "sign", At(2026, 2, 25, 8, 0))
            .Complete("request-payment", "requested", At(2026, 2, 25, 8, 30))
            .Correlate("payment-received", At(2026, 2, 25, 9, 0))
            .Complete("return-result", "returned", At(2026, 2, 25, 10, 0));

        Assert.True(run.HasEnded);
        // Fees are due after approval (6, clock paused); paid, processing resumes (4) until the result is ready.
        Assert.Equal([1, 2, 4, 6, 4, 9, 10], run.Statuses);
    }

    [Fact]
    public void Supplementation_Requested_RacesTheSupplementAgainstATenWorkingDayDeadline()
    {
        var run = RequestSupplement();

        Assert.Equal(5, run.Statuses[^1]);
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "supplement-received", CorrelationKey: WorkflowRun.DossierId });
        // 80 working hours from Monday 9 Feb 10:00: 37.5 h to Friday 13 Feb, Tết week, 40 h 23–27 Feb, 2.5 h Monday 2 March.
        Assert.Equal(At(2026, 3, 2, 10, 0), run.Timer("supplement-deadline").DueAt);
    }

    [Fact]
    public void Supplementation_Received_ReappraisalCannotAskASecondTime()
    {
        var run = RequestSupplement().Correlate("supplement-received", At(2026, 2, 24, 9, 0));

        Assert.Empty(run.OpenTimers);
        var reappraisal = run.Task("re-appraise");
        Assert.DoesNotContain("request-supplement", reappraisal.Outcomes);
        Assert.Equal(At(2026, 3, 5, 9, 0), reappraisal.DueAt);
        Assert.Equal(4, run.Statuses[^1]);

        run.Complete("re-appraise", "propose-approve", At(2026, 2, 25, 9, 0));
        Assert.True(run.HasTask("approve"));
    }

    [Fact]
    public void Supplementation_DeadlinePasses_StopsProcessingAndEnds()
    {
        var run = RequestSupplement().FireTimer("supplement-deadline");

        Assert.Empty(run.OpenSubscriptions);
        run.Complete("notify-stop", "notified", At(2026, 3, 2, 14, 0));

        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 4, 5, 8], run.Statuses);
    }

    [Fact]
    public void SiteInspection_Slow_ReminderDoesNotInterruptTheInspection()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 27, 8, 0))
            .Accept(At(2026, 4, 27, 9, 0))
            .Complete("appraise", "site-inspection", At(2026, 4, 28, 8, 0));
        Assert.Equal(At(2026, 5, 5, 8, 0), run.Task("site-inspection").DueAt);

        // 2 working days from Tuesday 28 April 08:00: Tuesday, Wednesday, (30/4, 1/5, weekend), Monday 4 May 08:00.
        Assert.Equal(At(2026, 5, 4, 8, 0), run.Timer("inspection-reminder").DueAt);
        run.FireTimer("inspection-reminder");

        Assert.True(run.HasTask("site-inspection"));
        Assert.Equal(["department-head"], run.Task("remind-inspection").CandidateGroups);
        run.Complete("site-inspection", "inspected", At(2026, 5, 4, 15, 0));
        Assert.True(run.HasTask("re-appraise"));
    }

    [Fact]
    public void Leader_Refuses_ApplicantGetsTheReasons()
    {
        var run = WorkflowRun.Start(Key, At(2026, 2, 9, 8, 0))
            .Accept(At(2026, 2, 10, 8, 0))
            .Complete("appraise", "propose-refuse", At(2026, 2, 11, 8, 0))
            .Complete("approve", "refuse", At(2026, 2, 12, 8, 0));

        Assert.Equal("ly-do-tu-choi", run.Task("notify-refusal").FormKey);
        run.Complete("notify-refusal", "notified", At(2026, 2, 12, 10, 0));
        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 4, 8], run.Statuses);
    }

    [Fact]
    public void CounterDossier_ReceivedWhenCreated_StatusesStartAtTwo()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 2, 9, 8, 0));

        Assert.True(run.HasTask("appraise"));
        Assert.Equal([2, 4], run.Statuses);
    }

    [Fact]
    public void Withdrawal_RequestedDuringSiteInspection_CancelsInspectionAndReminderThenEnds()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 4, 27, 8, 0))
            .Complete("appraise", "site-inspection", At(2026, 4, 28, 8, 0))
            .FireTimer("inspection-reminder");
        Assert.True(run.HasTask("remind-inspection"));
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "withdrawal-requested", CorrelationKey: WorkflowRun.DossierId });

        run.Correlate("withdrawal-requested", At(2026, 5, 4, 9, 0));

        Assert.False(run.HasTask("site-inspection"));
        Assert.False(run.HasTask("remind-inspection"));
        Assert.Empty(run.OpenTimers);
        // 4 working hours from Monday 09:00: 2.5 h before the lunch break, 1.5 h after 13:00.
        Assert.Equal(At(2026, 5, 4, 14, 30), run.Task("confirm-withdrawal").DueAt);
        run.Complete("confirm-withdrawal", "stopped", At(2026, 5, 4, 10, 0));

        Assert.Equal(InstanceStatus.Completed, run.Last.State.Status);
        Assert.Equal([2, 4, 7, 8], run.Statuses);
    }

    [Fact]
    public void Payment_AfterApproval_StatusSixThenFourBeforeTheResultIsReturned()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 2, 9, 8, 0))
            .Complete("appraise", "propose-approve", At(2026, 2, 10, 8, 0))
            .Complete("approve", "sign", At(2026, 2, 11, 8, 0));
        Assert.Equal(["fee-officer"], run.Task("request-payment").CandidateGroups);

        run.Complete("request-payment", "requested", At(2026, 2, 11, 9, 0));
        Assert.Equal(6, run.Statuses[^1]);
        Assert.False(run.HasTask("return-result"));

        run.Correlate("payment-received", At(2026, 2, 12, 9, 0));
        Assert.True(run.HasTask("return-result"));
        Assert.Equal([2, 4, 6, 4, 9], run.Statuses);
    }

    private static WorkflowRun RequestSupplement() =>
        WorkflowRun.Start(Key, At(2026, 2, 9, 7, 30))
            .Accept(At(2026, 2, 9, 8, 0))
            .Complete("appraise", "request-supplement", At(2026, 2, 9, 9, 0))
            .Complete("request-supplement", "sent", At(2026, 2, 9, 10, 0));

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, WorkflowRun.Vietnam);
}
