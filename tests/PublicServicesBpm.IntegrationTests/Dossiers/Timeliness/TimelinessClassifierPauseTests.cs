using PublicServicesBpm.Host.Features.Dossiers.Timeliness;
using static PublicServicesBpm.IntegrationTests.Dossiers.Timeliness.TimelineSamples;

namespace PublicServicesBpm.IntegrationTests.Dossiers.Timeliness;

/// <summary>Supplementation and payment pauses: time subtracted, more than one request, paused dossiers at the period end.</summary>
public sealed class TimelinessClassifierPauseTests
{
    private static readonly DateTimeOffset Received = At(2026, 3, 2, 8);

    [Theory]
    [InlineData(16, 0, nameof(TimelinessCategory.OnTime))]
    [InlineData(17, 0, nameof(TimelinessCategory.OnTime))]
    [InlineData(17, 1, nameof(TimelinessCategory.Late))]
    public void Classify_OneSupplementationRound_AppointmentMovesByThePausedWorkingTime(int hour, int minute, string expected)
    {
        // Appointment Wed 4 Mar 17:00. Paused Tue 3 Mar 10:00 to Thu 5 Mar 10:00: 5.5 h + 8 h + 2.5 h = two working days,
        // so the end is compared with Fri 6 Mar 17:00.
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 4, 17),
            Status(5, At(2026, 3, 3, 10)), Status(4, At(2026, 3, 5, 10)), Status(9, At(2026, 3, 6, hour, minute))) with
        {
            SupplementationRounds = [new(At(2026, 3, 3, 10), At(2026, 3, 5, 10))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(Enum.Parse<TimelinessCategory>(expected), result.Category);
        Assert.Equal(expected != nameof(TimelinessCategory.Late), result.Decision766.IsOnTime);
        Assert.Equal(1, result.Decision766.SupplementationRequests);
        Assert.Equal(TimeSpan.FromHours(16), result.Decision766.Deadline.PausedWorkingTime);
        Assert.Equal(At(2026, 3, 6, 17), result.Decision766.Deadline.DueAt);
    }

    [Theory]
    [InlineData(11, 30, nameof(TimelinessCategory.OnTime))]
    [InlineData(11, 31, nameof(TimelinessCategory.Late))]
    public void Classify_PauseAcrossTet_OnlyWorkingTimeMovesTheAppointment(int hour, int minute, string expected)
    {
        // Appointment Thu 12 Feb 2026 17:00. Paused Thu 12 Feb 13:00 to Mon 23 Feb 07:30: 4 h + Fri 8 h; Tết and
        // weekends add nothing. Twelve office hours after Thu 17:00 are Fri 13 Feb (8 h) and Mon 23 Feb until 11:30.
        var timeline = TimelineSamples.Received(At(2026, 2, 9, 8), At(2026, 2, 12, 17),
            Status(5, At(2026, 2, 12, 13)), Status(4, At(2026, 2, 23, 7, 30)), Status(9, At(2026, 2, 23, hour, minute))) with
        {
            SupplementationRounds = [new(At(2026, 2, 12, 13), At(2026, 2, 23, 7, 30))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(Enum.Parse<TimelinessCategory>(expected), result.Category);
        Assert.Equal(TimeSpan.FromHours(12), result.Decision766.Deadline.PausedWorkingTime);
        Assert.Equal(At(2026, 2, 23, 11, 30), result.Decision766.Deadline.DueAt);
    }

    [Fact]
    public void Classify_TwoSupplementationRequests_LateWhateverTheDates()
    {
        // Appointment Fri 13 Mar; result ready Mon 9 Mar, four days early, but supplementation was requested twice.
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 13, 17), Status(9, At(2026, 3, 9, 10))) with
        {
            SupplementationRounds = [new(At(2026, 3, 3, 9), At(2026, 3, 4, 9)), new(At(2026, 3, 5, 9), At(2026, 3, 5, 15))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.Early, result.Category);
        Assert.False(result.Decision766.IsOnTime);
        Assert.Equal(Decision766Reason.MoreThanOneSupplementationRequest, result.Decision766.Reason);
        Assert.Equal(2, result.Decision766.SupplementationRequests);
    }

    [Fact]
    public void Classify_PaymentPauseInsideASupplementationPause_CountedOnce()
    {
        // Supplementation Tue 3 Mar 09:00 to Wed 4 Mar 09:00 is 6.5 h + 1.5 h = 8 h; the payment wait lies inside it.
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 4, 17), Status(9, At(2026, 3, 5, 16, 59))) with
        {
            SupplementationRounds = [new(At(2026, 3, 3, 9), At(2026, 3, 4, 9))],
            PaymentPauses = [new(At(2026, 3, 3, 13), At(2026, 3, 3, 15))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimeSpan.FromHours(8), result.Decision766.Deadline.PausedWorkingTime);
        Assert.Equal(At(2026, 3, 5, 17), result.Decision766.Deadline.DueAt);
        Assert.Equal(TimelinessCategory.OnTime, result.Category);
    }

    [Theory]
    [InlineData(5, nameof(TimelinessCategory.PausedWithinTime), true)]
    [InlineData(9, nameof(TimelinessCategory.PausedOverdue), false)]
    public void Classify_WaitingForSupplementAtThePeriodEnd_JudgedAtTheRequestTime(int requestDay, string expected, bool onTime)
    {
        // Appointment Fri 6 Mar 17:00; supplement requested on 5 or 9 Mar and still awaited when March ends.
        var requested = At(2026, 3, requestDay, 10);
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 6, 17), Status(5, requested)) with
        {
            SupplementationRounds = [new(requested, null)],
            PeriodEnd = At(2026, 3, 31, 23, 59),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(Enum.Parse<TimelinessCategory>(expected), result.Category);
        Assert.Equal(onTime, result.Decision766.IsOnTime);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.SupplementationRequest, requested, 5), result.Decision766.End);
    }

    [Fact]
    public void Classify_SupplementArrivesAfterThePeriodEnd_StillPausedInThatPeriod()
    {
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 6, 17),
            Status(5, At(2026, 3, 5, 10)), Status(4, At(2026, 4, 2, 9)), Status(9, At(2026, 4, 3, 9))) with
        {
            SupplementationRounds = [new(At(2026, 3, 5, 10), At(2026, 4, 2, 9))],
            PeriodEnd = At(2026, 3, 31, 23, 59),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.PausedWithinTime, result.Category);
        Assert.Equal(EndOfProcessingSource.SupplementationRequest, result.Decision766.End.Source);
        Assert.Equal(TimeSpan.Zero, result.Decision766.Deadline.PausedWorkingTime);
    }

    [Fact]
    public void Classify_WaitingForSecondSupplementAtThePeriodEnd_Late()
    {
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 13, 17),
            Status(5, At(2026, 3, 3, 9)), Status(4, At(2026, 3, 4, 9)), Status(5, At(2026, 3, 5, 9))) with
        {
            SupplementationRounds = [new(At(2026, 3, 3, 9), At(2026, 3, 4, 9)), new(At(2026, 3, 5, 9), null)],
            PeriodEnd = At(2026, 3, 31, 23, 59),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.PausedWithinTime, result.Category);
        Assert.False(result.Decision766.IsOnTime);
        Assert.Equal(Decision766Reason.MoreThanOneSupplementationRequest, result.Decision766.Reason);
    }

    [Fact]
    public void Classify_WaitingInStatusFiveWithoutItsRound_RequestTimeFromTheStatusAndCounted()
    {
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 6, 17), Status(5, At(2026, 3, 9, 10)), Status(5, At(2026, 3, 10, 8))) with
        {
            PeriodEnd = At(2026, 3, 31, 23, 59),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.PausedOverdue, result.Category);
        Assert.Equal(At(2026, 3, 9, 10), result.Decision766.End.At);
        Assert.Equal(1, result.Decision766.SupplementationRequests);
    }

    [Fact]
    public void Classify_WaitingForPaymentAtThePeriodEnd_JudgedAtThePaymentRequest()
    {
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 6, 17), Status(6, At(2026, 3, 6, 15))) with
        {
            PaymentPauses = [new(At(2026, 3, 6, 15), null)],
            PeriodEnd = At(2026, 3, 31, 23, 59),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.PausedWithinTime, result.Category);
        Assert.True(result.Decision766.IsOnTime);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.PaymentRequest, At(2026, 3, 6, 15), 6), result.Decision766.End);
    }

    [Fact]
    public void Classify_TimeLimitRestartsAfterTheSupplement_CountedAfreshFromIt()
    {
        // Three working days from the complete supplement on Mon 9 Mar 13:00 end on Thu 12 Mar 11:30; the appointment
        // of receipt (Wed 4 Mar) no longer applies.
        var timeline = TimelineSamples.Received(Received, At(2026, 3, 4, 17),
            Status(5, At(2026, 3, 3, 9)), Status(4, At(2026, 3, 9, 13)), Status(9, At(2026, 3, 12, 11, 30))) with
        {
            LegalTimeLimit = new LegalTimeLimit(3, TimeLimitUnit.WorkingDays),
            RestartsTimeLimitAfterSupplement = true,
            SupplementationRounds = [new(At(2026, 3, 3, 9), At(2026, 3, 9, 13))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.OnTime, result.Category);
        Assert.Equal(DeadlineBasis.LegalTimeLimitRestarted, result.Decision766.Deadline.Basis);
        Assert.Equal(At(2026, 3, 9, 13), result.Decision766.Deadline.ClockStart);
        Assert.Equal(At(2026, 3, 12, 11, 30), result.Decision766.Deadline.DueAt);
        Assert.Equal(TimelinessCategory.Late, Classifier.Classify(timeline with
        {
            StatusHistory = [.. timeline.StatusHistory.SkipLast(1), Status(9, At(2026, 3, 12, 13, 1))],
        }).Category);
    }
}
