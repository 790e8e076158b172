using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// Judicial record certificate: parallel verification with the police records office and the courts (each with its
/// own reminder deadline), the 10- or 15-working-day case, refusal. Dates around Tết 2026 (holidays 16–20 February).
/// </summary>
public sealed class CapPhieuLyLichTuPhapTests
{
    private const string Key = "cap-phieu-ly-lich-tu-phap";

    [Fact]
    public void Verification_Requested_WaitsForBothAgenciesWithTheirOwnReminderDeadlines()
    {
        var run = StartVerification("mac-dinh");

        Assert.Equal(["court-record-answer", "police-record-answer"], run.OpenSubscriptions.Select(s => s.MessageName).Order(StringComparer.Ordinal));
        // From Monday 9 February 2026 09:00. Courts, 4 working days = 32 h: 6.5 h Monday, 24 h Tue–Thu, 1.5 h Friday.
        Assert.Equal(At(2026, 2, 13, 9, 0), run.Timer("court-reminder").DueAt);
        // Police, 5 working days = 40 h: 38.5 h up to Friday 13 February, then the Tết week and the weekend.
        Assert.Equal(At(2026, 2, 23, 9, 0), run.Timer("police-reminder").DueAt);
    }

    [Fact]
    public void Verification_CourtLate_RemindsAndKeepsWaitingWithTheNextReminderScheduled()
    {
        var run = StartVerification("mac-dinh").FireTimer("court-reminder");

        Assert.True(run.HasTask("remind-court"));
        Assert.Contains(run.OpenSubscriptions, s => s.MessageName == "court-record-answer");
        // The cycle R3/P4D: the next reminder 4 working days later, across Tết: Fri 6.5 h, 23–25 Feb 24 h, Thu 1.5 h.
        Assert.Equal(At(2026, 2, 26, 9, 0), run.Timer("court-reminder").DueAt);
    }

    [Fact]
    public void Verification_BothAnswersArrive_JoinsAndDraftsWithinOneWorkingDay()
    {
        var run = StartVerification("mac-dinh");
        // The agencies answer about the dossier by its code (given at receipt), not by the applicant's dossier id.
        Assert.Contains(run.OpenSubscriptions, s => s is { MessageName: "police-record-answer", CorrelationKey: WorkflowRun.DossierCode });
        run.Correlate("court-record-answer", At(2026, 2, 12, 10, 0), new JsonObject { ["courtRecord"] = "Không có án tích" });

        Assert.False(run.HasTask("draft"));
        run.Correlate("police-record-answer", At(2026, 2, 13, 14, 0), new JsonObject { ["policeRecord"] = "Không có án tích" });

        Assert.Empty(run.OpenTimers);
        Assert.False(run.HasTask("extra-verification"));
        // Friday 13 February 14:00 + 8 working hours: 3 h Friday, Tết week, 4 h + 1 h on Monday 23 February.
        Assert.Equal(At(2026, 2, 23, 14, 0), run.Task("draft").DueAt);
    }

    [Fact]
    public void FifteenDayCase_AfterTheAnswers_VerifiesFurtherForFiveWorkingDays()
    {
        // Hùng Kings' day 2026 falls on Sunday 26 April: the administrators enter Monday 27 April as its substitute day.
        var calendar = new VietnamBusinessCalendar(new VietnamBusinessCalendarOptions
        {
            Adjustments = [new(new DateOnly(2026, 4, 27), CalendarAdjustmentKind.DayOff, "Nghỉ bù Giỗ Tổ Hùng Vương", "Substitute day for Hùng Kings' day")],
        });
        var run = WorkflowRun.Start(Key, At(2026, 4, 21, 8, 0), new JsonObject { ["caseCode"] = "xac-minh-mo-rong" }, calendar)
            .Accept(At(2026, 4, 21, 9, 0))
            .Complete("request-verification", "sent", At(2026, 4, 21, 10, 0))
            .Correlate("police-record-answer", At(2026, 4, 24, 9, 0))
            .Correlate("court-record-answer", At(2026, 4, 24, 15, 0));

        Assert.False(run.HasTask("draft"));
        // 40 working hours from Friday 24 April 15:00: 2 h Friday; Mon 27/4 substitute day off; 16 h Tue–Wed;
        // 30/4 and 1/5 holidays; 16 h on 4–5 May; the last 6 h on Wednesday 6 May end at 15:00.
        Assert.Equal(At(2026, 5, 6, 15, 0), run.Task("extra-verification").DueAt);

        run.Complete("extra-verification", "verified", At(2026, 5, 6, 10, 0));
        Assert.True(run.HasTask("draft"));
    }

    [Fact]
    public void HappyPath_TenDayCase_IssuedAndReturnedThroughTheStatuses()
    {
        var run = StartVerification("mac-dinh")
            .Correlate("police-record-answer", At(2026, 2, 10, 9, 0))
            .Correlate("court-record-answer", At(2026, 2, 10, 10, 0))
            .Complete("draft", "propose-issue", At(2026, 2, 11, 9, 0))
            .Complete("sign", "sign", At(2026, 2, 11, 14, 0))
            .Complete("return-result", "returned", At(2026, 2, 12, 9, 0));

        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 4, 9, 10], run.Statuses);
    }

    [Fact]
    public void Leader_Refuses_ApplicantNotifiedAndProcessingStops()
    {
        var run = StartVerification("mac-dinh")
            .Correlate("police-record-answer", At(2026, 2, 10, 9, 0))
            .Correlate("court-record-answer", At(2026, 2, 10, 10, 0))
            .Complete("draft", "propose-refuse", At(2026, 2, 11, 9, 0))
            .Complete("sign", "refuse", At(2026, 2, 11, 14, 0))
            .Complete("notify-refusal", "notified", At(2026, 2, 12, 9, 0));

        Assert.True(run.HasEnded);
        Assert.Equal([1, 2, 4, 8], run.Statuses);
    }

    private static WorkflowRun StartVerification(string caseCode) =>
        WorkflowRun.Start(Key, At(2026, 2, 9, 7, 30), new JsonObject { ["caseCode"] = caseCode })
            .Accept(At(2026, 2, 9, 8, 30))
            .Complete("request-verification", "sent", At(2026, 2, 9, 9, 0));

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, WorkflowRun.Vietnam);
}
