using System.Text.Json.Nodes;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>Household business registration: 3 working days; supplementation; refusal; the tax code from the tax authority.</summary>
public sealed class DangKyHoKinhDoanhTests
{
    private const string Key = "dang-ky-ho-kinh-doanh";

    [Fact]
    public void Appraisal_StartedTheDayBefore30April_IsDueAfterTheHolidaysAndTheWeekend()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0));
        // Wednesday 29 April 2026, 08:00: receipt has 4 working hours → 13:30 the same day.
        Assert.Equal(At(2026, 4, 29, 13, 30), run.Task("receive").DueAt);

        run.Complete("receive", "accept", At(2026, 4, 29, 9, 0));

        // One working day (8 h) from Wed 09:00: 6.5 h on Wednesday; Thu 30/4 and Fri 1/5 are public holidays,
        // then the weekend; the last 1.5 h fall on Monday 4 May from 07:30.
        Assert.Equal(At(2026, 5, 4, 9, 0), run.Task("appraise").DueAt);
    }

    [Fact]
    public void HappyPath_ValidDossier_GetsTheTaxCodeThenSignedAndReturned()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Complete("receive", "accept", At(2026, 4, 29, 9, 0))
            .Complete("appraise", "valid", At(2026, 5, 4, 8, 0));

        var job = Assert.Single(run.OpenJobs);
        Assert.Equal("tax.household-tax-code", job.HandlerType);
        run.CompleteJob("register-tax", new JsonObject { ["taxCode"] = "8000123457" });
        Assert.Equal(At(2026, 5, 5, 8, 0), run.Task("sign").DueAt);

        run.Complete("sign", "sign", At(2026, 5, 4, 15, 0)).Complete("return-result", "returned", At(2026, 5, 5, 8, 0));

        Assert.True(run.HasEnded);
        Assert.Equal("8000123457", (string?)run.Last.State.Variables["taxCode"]);
        Assert.Equal([1, 2, 4, 9, 10], run.Statuses);
    }

    [Fact]
    public void Supplementation_Requested_WaitsFifteenWorkingDaysWithTheClockPaused()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Complete("receive", "accept", At(2026, 4, 29, 9, 0))
            .Complete("appraise", "request-supplement", At(2026, 4, 29, 10, 0))
            .Complete("request-supplement", "sent", At(2026, 4, 29, 11, 0));

        Assert.Equal(5, run.Statuses[^1]);
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "supplement-received", CorrelationKey: "000.21.30.H38-260101-0001" });
        // 15 working days = 120 h from Wed 29/4 11:00: 4.5 h that day, none on 30/4–3/5, 14 full days
        // (4–21 May), 3.5 h on Friday 22 May from 07:30.
        Assert.Equal(At(2026, 5, 22, 11, 0), run.Timer("supplement-deadline").DueAt);
    }

    [Fact]
    public void Supplementation_SupplementArrives_BackToAppraisalInProcessing()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Complete("receive", "accept", At(2026, 4, 29, 9, 0))
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
            .Complete("receive", "accept", At(2026, 4, 29, 9, 0))
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
        Assert.Equal([1, 2, 3], run.Statuses);
    }

    [Fact]
    public void TaxAuthority_RefusesTheData_ErrorIsCaughtAndTheApplicantIsNotified()
    {
        var run = WorkflowRun.Start(Key, At(2026, 4, 29, 8, 0))
            .Complete("receive", "accept", At(2026, 4, 29, 9, 0))
            .Complete("appraise", "valid", At(2026, 4, 29, 10, 0))
            .FailJob("register-tax", "invalid-owner-id: Số định danh cá nhân của chủ hộ kinh doanh phải gồm 12 chữ số.", "tax-rejected");

        Assert.False(run.HasTask("sign"));
        Assert.True(run.HasTask("notify-refusal"));
        Assert.Equal(8, run.Statuses[^1]);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, WorkflowRun.Vietnam);
}
