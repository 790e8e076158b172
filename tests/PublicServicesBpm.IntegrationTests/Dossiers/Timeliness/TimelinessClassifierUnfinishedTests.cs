using PublicServicesBpm.Host.Features.Dossiers.Timeliness;
using static PublicServicesBpm.IntegrationTests.Dossiers.Timeliness.TimelineSamples;

namespace PublicServicesBpm.IntegrationTests.Dossiers.Timeliness;

/// <summary>Dossiers still in processing at the end of the reporting period.</summary>
public sealed class TimelinessClassifierUnfinishedTests
{
    private static readonly DateTimeOffset Received = At(2026, 3, 2, 8);
    private static readonly DateTimeOffset Appointment = At(2026, 3, 6, 17);

    [Theory]
    [InlineData(16, 59, nameof(TimelinessCategory.WithinTime), true)]
    [InlineData(17, 0, nameof(TimelinessCategory.WithinTime), true)]
    [InlineData(17, 1, nameof(TimelinessCategory.Overdue), false)]
    public void Classify_InProcessingAtThePeriodEnd_ComparesThePeriodEndWithTheAppointment(
        int hour, int minute, string expected, bool onTime)
    {
        var timeline = TimelineSamples.Received(Received, Appointment) with { PeriodEnd = At(2026, 3, 6, hour, minute) };

        var result = Classifier.Classify(timeline);

        Assert.Equal(Enum.Parse<TimelinessCategory>(expected), result.Category);
        Assert.Equal(onTime, result.Decision766.IsOnTime);
        Assert.Equal(new EndOfProcessing(EndOfProcessingSource.PeriodEnd, At(2026, 3, 6, hour, minute), 4), result.Decision766.End);
    }

    [Fact]
    public void Classify_FinishedAfterThePeriodEnd_UnfinishedInThatPeriod()
    {
        var timeline = TimelineSamples.Received(Received, Appointment, Status(9, At(2026, 3, 10, 9))) with
        {
            PeriodEnd = At(2026, 3, 5, 23, 59),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.WithinTime, result.Category);
        Assert.Equal(TimelinessCategory.Late, Classifier.Classify(timeline with { PeriodEnd = LatePeriodEnd }).Category);
    }

    [Fact]
    public void Classify_ResumedAfterAPause_PeriodEndComparedWithTheMovedAppointment()
    {
        // Paused Thu 5 Mar 13:00 to Fri 6 Mar 13:00 (4 h on Thursday afternoon, 4 h on Friday morning): the appointment moves to Mon 9 Mar 17:00.
        var timeline = TimelineSamples.Received(Received, Appointment, Status(5, At(2026, 3, 5, 13)), Status(4, At(2026, 3, 6, 13))) with
        {
            SupplementationRounds = [new(At(2026, 3, 5, 13), At(2026, 3, 6, 13))],
            PeriodEnd = At(2026, 3, 9, 16),
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.WithinTime, result.Category);
        Assert.Equal(At(2026, 3, 9, 17), result.Decision766.Deadline.DueAt);
    }
}
