using PublicServicesBpm.Host.Features.Dossiers.Timeliness;
using static PublicServicesBpm.IntegrationTests.Dossiers.Timeliness.TimelineSamples;

namespace PublicServicesBpm.IntegrationTests.Dossiers.Timeliness;

/// <summary>Finished dossiers: early, on time (same day), late; the end-of-processing status; the withdrawn/returned columns.</summary>
public sealed class TimelinessClassifierFinishedTests
{
    // Received Friday 13 Feb 2026 before Tết; appointment Tuesday 24 Feb at closing, the second working day after Tết.
    private static readonly DateTimeOffset ReceivedBeforeTet = At(2026, 2, 13, 14);
    private static readonly DateTimeOffset AppointmentAfterTet = At(2026, 2, 24, 17);

    [Fact]
    public void Classify_ResultReadyTheDayBeforeTheAppointmentAcrossTet_Early()
    {
        var timeline = Received(ReceivedBeforeTet, AppointmentAfterTet, Status(9, At(2026, 2, 23, 10)), Status(10, At(2026, 2, 24, 9)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.Early, result.Category);
        Assert.True(result.Decision766.IsOnTime);
        Assert.Equal(Decision766Reason.NotAfterAppointment, result.Decision766.Reason);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.TerminalStatus, At(2026, 2, 23, 10), 9), result.Decision766.End);
    }

    [Theory]
    [InlineData(7, 30)]
    [InlineData(16, 59)]
    [InlineData(17, 0)]
    public void Classify_ResultReadyOnTheAppointmentDayNotAfterIt_OnTime(int hour, int minute)
    {
        var timeline = Received(ReceivedBeforeTet, AppointmentAfterTet, Status(9, At(2026, 2, 24, hour, minute)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.OnTime, result.Category);
        Assert.True(result.Decision766.IsOnTime);
    }

    [Fact]
    public void Classify_ResultReadyOneMinuteAfterTheAppointment_Late()
    {
        var timeline = Received(ReceivedBeforeTet, AppointmentAfterTet, Status(9, At(2026, 2, 24, 17, 1)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.Late, result.Category);
        Assert.False(result.Decision766.IsOnTime);
        Assert.Equal(Decision766Reason.AfterAppointment, result.Decision766.Reason);
        Assert.Equal(AppointmentAfterTet, result.Decision766.Deadline.DueAt);
    }

    [Fact]
    public void Classify_ResultReadyOnTimeButReturnedLate_ResultReadyDecides()
    {
        var timeline = Received(ReceivedBeforeTet, AppointmentAfterTet, Status(9, At(2026, 2, 24, 16)), Status(10, At(2026, 2, 26, 9)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.OnTime, result.Category);
        Assert.Equal(9, result.Decision766.End.Status);
        Assert.Equal(At(2026, 2, 24, 16), result.Decision766.End.At);
    }

    [Fact]
    public void Classify_ReturnedRecordedBeforeResultReady_ResultReadyStillDecides()
    {
        // An electronic return stamped a minute before the clerk recorded "result ready": 9 wins over 10 whatever the order.
        var timeline = Received(ReceivedBeforeTet, AppointmentAfterTet, Status(10, At(2026, 2, 24, 16, 59)), Status(9, At(2026, 2, 24, 17, 0)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.TerminalStatus, At(2026, 2, 24, 17, 0), 9), result.Decision766.End);
    }

    [Fact]
    public void Classify_ReturnedWithoutResultReadyRecorded_ReturnedIsTheEnd()
    {
        var timeline = Received(ReceivedBeforeTet, AppointmentAfterTet, Status(10, At(2026, 2, 25, 8)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.Late, result.Category);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.TerminalStatus, At(2026, 2, 25, 8), 10), result.Decision766.End);
    }

    [Fact]
    public void Classify_RefusedAtReceiptWithoutAppointment_RefusalEndsItWithinTheLimit()
    {
        // Submitted online Monday 2 Mar 2026 08:00 and refused (form 03) at 10:00 the same morning.
        var submitted = At(2026, 3, 2, 8);
        var timeline = new DossierTimeline
        {
            Start = submitted,
            LegalTimeLimit = new LegalTimeLimit(3, TimeLimitUnit.WorkingDays),
            StatusHistory = [Status(1, submitted), Status(3, At(2026, 3, 2, 10))],
            PeriodEnd = LatePeriodEnd,
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.WithdrawnOrReturnedEarly, result.Category);
        Assert.True(result.Decision766.IsOnTime);
        Assert.Equal(Decision766Reason.WithinLegalTimeLimit, result.Decision766.Reason);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.TerminalStatus, At(2026, 3, 2, 10), 3), result.Decision766.End);
        Assert.Equal(DeadlineBasis.LegalTimeLimit, result.Decision766.Deadline.Basis);
    }

    [Fact]
    public void Classify_WithdrawalRequestedAfterTheAppointment_WithdrawalTimeEndsItLate()
    {
        // Appointment Friday 6 Mar 17:00; the applicant asks to withdraw (7) on Monday 9 Mar, stopped (8) that afternoon.
        var timeline = Received(At(2026, 3, 2, 8), At(2026, 3, 6, 17), Status(7, At(2026, 3, 9, 9)), Status(8, At(2026, 3, 9, 14)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.WithdrawnOrReturnedLate, result.Category);
        Assert.False(result.Decision766.IsOnTime);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.TerminalStatus, At(2026, 3, 9, 9), 7), result.Decision766.End);
    }

    [Fact]
    public void Classify_WithdrawnBeforeTheAppointmentDay_WithdrawnOrReturnedEarly()
    {
        var timeline = Received(At(2026, 3, 2, 8), At(2026, 3, 6, 17), Status(7, At(2026, 3, 4, 9)), Status(8, At(2026, 3, 4, 10)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.WithdrawnOrReturnedEarly, result.Category);
        Assert.Equal(7, result.Decision766.End.Status);
    }

    [Fact]
    public void Classify_StoppedOnTheAppointmentDay_WithdrawnOrReturnedOnTime()
    {
        var timeline = Received(At(2026, 3, 2, 8), At(2026, 3, 6, 17), Status(8, At(2026, 3, 6, 9)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.WithdrawnOrReturnedOnTime, result.Category);
        Assert.True(result.Decision766.IsOnTime);
    }
}
