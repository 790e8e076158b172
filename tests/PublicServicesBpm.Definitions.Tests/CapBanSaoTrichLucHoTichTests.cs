namespace PublicServicesBpm.Definitions.Tests;

/// <summary>Copy of a civil-status extract: step budgets in working hours (receive 2 h, appraise 3 h, sign 2 h, issue 1 h).</summary>
public sealed class CapBanSaoTrichLucHoTichTests
{
    private const string Key = "cap-ban-sao-trich-luc-ho-tich";

    [Fact]
    public void StepBudgets_InWorkingHours_RollOverTheNightAndTheWeekend()
    {
        // Received Friday 27 November 2026 at 16:00: 1 h on Friday, the weekend, 1 h on Monday 30 November.
        var run = WorkflowRun.Start(Key, At(2026, 11, 27, 16, 0));
        Assert.Equal(At(2026, 11, 30, 8, 30), run.Task("receive").DueAt);

        run.Accept(At(2026, 11, 30, 10, 0));
        // 3 working hours from 10:00: 1.5 h before the lunch break, 1.5 h after 13:00.
        Assert.Equal(At(2026, 11, 30, 14, 30), run.Task("appraise").DueAt);

        run.Complete("appraise", "approve", At(2026, 11, 30, 16, 0));
        Assert.Equal(At(2026, 12, 1, 8, 30), run.Task("sign").DueAt);
    }

    [Fact]
    public void Signer_SendsBack_AppraisalAgainThenIssued()
    {
        var run = WorkflowRun.Start(Key, At(2026, 11, 30, 8, 0))
            .Accept(At(2026, 11, 30, 8, 30))
            .Complete("appraise", "approve", At(2026, 11, 30, 9, 0))
            .Complete("sign", "send-back", At(2026, 11, 30, 9, 30));

        Assert.True(run.HasTask("appraise"));
        run.Complete("appraise", "approve", At(2026, 11, 30, 10, 0))
            .Complete("sign", "sign", At(2026, 11, 30, 10, 30))
            .Complete("issue", "issued", At(2026, 11, 30, 11, 0))
            .Complete("return-result", "returned", At(2026, 11, 30, 13, 30));
        Assert.True(run.HasEnded);
    }

    [Fact]
    public void Appraisal_NothingInTheRegister_StopsProcessingAndTheApplicantIsTold()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 11, 30, 8, 0))
            .Complete("appraise", "refuse", At(2026, 11, 30, 9, 0));

        Assert.False(run.HasTask("sign"));
        Assert.Empty(run.OpenSubscriptions);
        run.Complete("notify-refusal", "notified", At(2026, 11, 30, 9, 30));
        Assert.True(run.HasEnded);
        Assert.Equal([2, 4, 8], run.Statuses);
    }

    [Fact]
    public void Withdrawal_BeforeSigning_OfficerConfirmsAndTheInstanceCompletes()
    {
        var run = WorkflowRun.Start(Key, At(2026, 11, 30, 8, 0))
            .Accept(At(2026, 11, 30, 8, 30))
            .Complete("appraise", "approve", At(2026, 11, 30, 9, 0))
            .Correlate("withdrawal-requested", At(2026, 11, 30, 9, 15));

        Assert.False(run.HasTask("sign"));
        run.Complete("confirm-withdrawal", "stopped", At(2026, 11, 30, 9, 30));
        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 4, 7, 8], run.Statuses);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, WorkflowRun.Vietnam);
}
