using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// Household business registration: 3 working days; receipt online or at the counter; supplementation; refusal; fees
/// before the tax code from the tax authority; withdrawal during processing.
/// </summary>
public sealed class DangKyHoKinhDoanhTests
{
    private const string Key = "dang-ky-ho-kinh-doanh";

    [Fact]
    public void Appraisal_StartedTheDayBefore30April_IsDueAfterTheHolidaysAndTheWeekend()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0));
        // Wednesday 29 April 2026, 08:00: receipt has 4 working hours → 13:30 the same day.
        Assert.Equal(At(2026, 4, 29, 13, 30), run.Task("receive").DueAt);

        run.Accept(At(2026, 4, 29, 9, 0));

        // One working day (8 h) from Wed 09:00: 6.5 h on Wednesday; Thu 30/4 and Fri 1/5 are public holidays,
        // then the weekend; the last 1.5 h fall on Monday 4 May from 07:30.
        Assert.Equal(At(2026, 5, 4, 9, 0), run.Task("appraise").DueAt);
    }

    [Fact]
    public void HappyPath_ValidDossier_PaysThenGetsTheTaxCodeThenSignedAndReturned()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Accept(At(2026, 4, 29, 9, 0))
            .Complete("appraise", "valid", At(2026, 5, 4, 7, 30))
            .Complete("request-payment", "requested", At(2026, 5, 4, 7, 45))
            .Correlate("payment-received", At(2026, 5, 4, 8, 0));

        var job = Assert.Single(run.OpenJobs);
        Assert.Equal("tax.household-tax-code", job.HandlerType);
        run.CompleteJob("register-tax", new JsonObject { ["taxCode"] = "8000123457" });
        Assert.Equal(At(2026, 5, 5, 8, 0), run.Task("sign").DueAt);

        run.Complete("sign", "sign", At(2026, 5, 4, 15, 0)).Complete("return-result", "returned", At(2026, 5, 5, 8, 0));

        Assert.True(run.HasEnded);
        Assert.Equal("8000123457", (string?)run.Last.State.Variables["taxCode"]);
        Assert.Equal(WorkflowRun.DossierCode, (string?)run.Last.State.Variables["dossierCode"]);
        // Submitted online → received → in processing → fees due → in processing → result ready → returned.
        Assert.Equal([1, 2, 4, 6, 4, 9, 10], run.Statuses);
    }

    [Fact]
    public void Supplementation_Requested_WaitsFifteenWorkingDaysWithTheClockPaused()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Accept(At(2026, 4, 29, 9, 0))
            .Complete("appraise", "request-supplement", At(2026, 4, 29, 10, 0))
            .Complete("request-supplement", "sent", At(2026, 4, 29, 11, 0));

        Assert.Equal(5, run.Statuses[^1]);
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "supplement-received", CorrelationKey: WorkflowRun.DossierId });
        // 15 working days = 120 h from Wed 29/4 11:00: 4.5 h that day, none on 30/4–3/5, 14 full days
        // (4–21 May), 3.5 h on Friday 22 May from 07:30.
        Assert.Equal(At(2026, 5, 22, 11, 0), run.Timer("supplement-deadline").DueAt);
    }

    [Fact]
    public void Supplementation_SupplementArrives_BackToAppraisalInProcessing()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Accept(At(2026, 4, 29, 9, 0))
            .Complete("appraise", "request-supplement", At(2026, 4, 29, 10, 0))
            .Complete("request-supplement", "sent", At(2026, 4, 29, 11, 0))
            .Correlate("supplement-received", At(2026, 5, 6, 14, 0));

        Assert.Empty(run.OpenTimers);
        Assert.Equal(At(2026, 5, 7, 14, 0), run.Task("appraise").DueAt);
        Assert.Equal([1, 2, 4, 5, 4], run.Statuses);
    }

    [Fact]
    public void Supplementation_NotReceivedInTime_StopsProcessing()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Accept(At(2026, 4, 29, 9, 0))
            .Complete("appraise", "request-supplement", At(2026, 4, 29, 10, 0))
            .Complete("request-supplement", "sent", At(2026, 4, 29, 11, 0))
            .FireTimer("supplement-deadline");

        Assert.Empty(run.OpenSubscriptions);
        Assert.Equal(["one-stop-officer"], run.Task("notify-refusal").CandidateGroups);
        run.Complete("notify-refusal", "notified", At(2026, 5, 22, 14, 0));
        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 4, 5, 8], run.Statuses);
    }

    [Fact]
    public void Receipt_Refused_EndsWithStatusNotReceived()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Complete("receive", "refuse", At(2026, 4, 29, 9, 0))
            .Complete("refuse-receipt", "notified", At(2026, 4, 29, 9, 30));

        Assert.True(run.HasEnded);
        // Refused before it was ever received: no code, no status 2.
        Assert.Equal([1, 3], run.Statuses);
        Assert.Empty(run.OpenJobs);
    }

    [Fact]
    public void TaxAuthority_RefusesTheData_ErrorIsCaughtAndTheApplicantIsNotified()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Accept(At(2026, 4, 29, 9, 0))
            .Complete("appraise", "valid", At(2026, 4, 29, 10, 0))
            .Complete("request-payment", "requested", At(2026, 4, 29, 10, 30))
            .Correlate("payment-received", At(2026, 4, 29, 11, 0))
            .FailJob("register-tax", "invalid-owner-id: Số định danh cá nhân của chủ hộ kinh doanh phải gồm 12 chữ số.", "tax-rejected");

        Assert.False(run.HasTask("sign"));
        Assert.True(run.HasTask("notify-refusal"));
        Assert.Equal(8, run.Statuses[^1]);
    }

    [Fact]
    public void OnlineDossier_NotYetReceived_WaitsWithStatusOneForTheOneStopOfficer()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0));

        Assert.Equal([1], run.Statuses);
        Assert.Equal(["one-stop-officer"], run.Task("receive").CandidateGroups);
        Assert.Empty(run.OpenJobs);

        run.Complete("receive", "accept", At(2026, 4, 29, 9, 0));
        var job = Assert.Single(run.OpenJobs);
        Assert.Equal(("register-receipt", "dossier.receive"), (job.ElementId, job.HandlerType));
        Assert.Equal([1, 2], run.Statuses);

        run.Register();
        Assert.True(run.HasTask("appraise"));
        Assert.Equal([1, 2, 4], run.Statuses);
    }

    [Fact]
    public void CounterDossier_ReceivedWhenCreated_GoesStraightToAppraisalWithoutStatusOne()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0), new JsonObject { ["channel"] = 1, ["receivedAtCounter"] = true });

        Assert.False(run.HasTask("receive"));
        Assert.Equal("register-receipt", Assert.Single(run.OpenJobs).ElementId);

        run.Register();
        Assert.True(run.HasTask("appraise"));
        Assert.Equal([2, 4], run.Statuses);
    }

    [Fact]
    public void Withdrawal_RequestedDuringSupplementation_OfficerConfirmsAndTheInstanceCompletes()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 4, 29, 8, 0))
            .Complete("appraise", "request-supplement", At(2026, 4, 29, 10, 0))
            .Complete("request-supplement", "sent", At(2026, 4, 29, 11, 0));
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "withdrawal-requested", CorrelationKey: WorkflowRun.DossierId });

        run.Correlate("withdrawal-requested", At(2026, 5, 4, 9, 0));

        // The whole processing part is interrupted: no supplement is awaited, no deadline runs.
        Assert.Empty(run.OpenTimers);
        Assert.DoesNotContain(run.OpenSubscriptions, s => s.MessageName == "supplement-received");
        var confirm = run.Task("confirm-withdrawal");
        Assert.Equal(["one-stop-officer"], confirm.CandidateGroups);
        Assert.Equal(["stopped"], confirm.Outcomes);
        Assert.Equal(7, run.Statuses[^1]);

        run.Complete("confirm-withdrawal", "stopped", At(2026, 5, 4, 10, 0));
        Assert.Equal(InstanceStatus.Completed, run.Last.State.Status);
        Assert.Equal([2, 4, 5, 7, 8], run.Statuses);
    }

    [Fact]
    public void Payment_Awaited_PausesWithStatusSixThenProcessingResumesWithFour()
    {
        var run = WorkflowRun.StartAtCounter(Key, At(2026, 4, 29, 8, 0))
            .Complete("appraise", "valid", At(2026, 4, 29, 10, 0));
        Assert.Equal(["fee-officer"], run.Task("request-payment").CandidateGroups);

        run.Complete("request-payment", "requested", At(2026, 4, 29, 10, 30));
        Assert.Equal(6, run.Statuses[^1]);
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "payment-received", CorrelationKey: WorkflowRun.DossierId });
        Assert.Empty(run.OpenJobs);

        run.Correlate("payment-received", At(2026, 5, 4, 9, 0));
        Assert.Equal("register-tax", Assert.Single(run.OpenJobs).ElementId);
        Assert.Equal([2, 4, 6, 4], run.Statuses);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, WorkflowRun.Vietnam);
}
