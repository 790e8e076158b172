using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// Birth registration: the online path (the applicant confirms the draft, or a working day passes), refusal at
/// receipt, and withdrawal during processing.
/// </summary>
public sealed class DangKyKhaiSinhTests
{
    private const string Key = "dang-ky-khai-sinh";

    [Fact]
    public void OnlineApplicant_ConfirmsTheDraft_GoesToTheLeaderToSign()
    {
        var run = RunToConfirmation().Correlate("draft-confirmed", At(2026, 11, 26, 15, 0));

        Assert.True(run.HasTask("sign"));
        Assert.Empty(run.OpenTimers);
    }

    [Fact]
    public void OnlineApplicant_SilentForOneWorkingDay_DraftCountsAsConfirmed()
    {
        var run = RunToConfirmation();
        // The officers finished at 14:00 on Thursday; one working day (8 working hours) later is Friday 14:00.
        Assert.Equal(At(2026, 11, 27, 14, 0), run.Timer("confirmation-deadline").DueAt);

        run.FireTimer("confirmation-deadline");

        Assert.True(run.HasTask("sign"));
    }

    [Fact]
    public void CounterDossier_ReceivedWhenCreated_NeedsNoDraftConfirmation()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 11, 26, 8, 0))
            .Complete("check-parents", "matches", At(2026, 11, 26, 9, 0))
            .Complete("record-birth", "recorded", At(2026, 11, 26, 10, 0));

        Assert.True(run.HasTask("sign"));
        Assert.DoesNotContain(run.OpenSubscriptions, s => s.MessageName == "draft-confirmed");
        Assert.Equal([2, 4], run.Statuses);
    }

    [Fact]
    public void Receipt_Refused_RefusalSlipThenNotReceived()
    {
        var run = WorkflowRun.Start(Key, At(2026, 11, 26, 8, 0))
            .Complete("receive", "refuse", At(2026, 11, 26, 9, 0));

        Assert.Equal("ly-do-tu-choi", run.Task("refuse-receipt").FormKey);
        run.Complete("refuse-receipt", "notified", At(2026, 11, 26, 9, 30));
        Assert.True(run.HasEnded);
        Assert.Equal([1, 3], run.Statuses);
    }

    [Fact]
    public void Withdrawal_WhileAwaitingTheDraftConfirmation_StopsProcessing()
    {
        var run = RunToConfirmation().Correlate("withdrawal-requested", At(2026, 11, 26, 15, 0));

        Assert.Empty(run.OpenTimers);
        Assert.DoesNotContain(run.OpenSubscriptions, s => s.MessageName == "draft-confirmed");
        run.Complete("confirm-withdrawal", "stopped", At(2026, 11, 26, 16, 0));

        Assert.Equal(InstanceStatus.Completed, run.Last.State.Status);
        Assert.Equal([1, 2, 4, 7, 8], run.Statuses);
    }

    private static WorkflowRun RunToConfirmation()
    {
        var run = WorkflowRun.Start(Key, At(2026, 11, 26, 8, 0))
            .Accept(At(2026, 11, 26, 10, 0))
            .Complete("check-parents", "matches", At(2026, 11, 26, 12, 0))
            .Complete("record-birth", "recorded", At(2026, 11, 26, 14, 0));
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "draft-confirmed", CorrelationKey: WorkflowRun.DossierId });
        return run;
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, WorkflowRun.Vietnam);
}
