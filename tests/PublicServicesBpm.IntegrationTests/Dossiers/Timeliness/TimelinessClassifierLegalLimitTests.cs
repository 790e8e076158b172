using PublicServicesBpm.Host.Features.Dossiers.Timeliness;
using static PublicServicesBpm.IntegrationTests.Dossiers.Timeliness.TimelineSamples;

namespace PublicServicesBpm.IntegrationTests.Dossiers.Timeliness;

/// <summary>Dossiers without an appointment: (end − start − paused time) against the legal time limit.</summary>
public sealed class TimelinessClassifierLegalLimitTests
{
    // Thursday 12 Mar 2026 09:00: 6.5 office hours that day, 8 on Friday, none at the weekend, 8 on Monday, so three
    // working days (24 h) run out on Tuesday 17 Mar at 09:00.
    private static readonly DateTimeOffset Thursday = At(2026, 3, 12, 9);

    [Theory]
    [InlineData(16, 16, 0, nameof(TimelinessCategory.Early), nameof(Decision766Reason.WithinLegalTimeLimit))]
    [InlineData(17, 9, 0, nameof(TimelinessCategory.OnTime), nameof(Decision766Reason.WithinLegalTimeLimit))]
    [InlineData(17, 9, 1, nameof(TimelinessCategory.Late), nameof(Decision766Reason.BeyondLegalTimeLimit))]
    public void Classify_ThreeWorkingDaysAcrossAWeekend_CountedInOfficeTime(
        int day, int hour, int minute, string expected, string reason)
    {
        var timeline = WithLimit(new LegalTimeLimit(3, TimeLimitUnit.WorkingDays), Status(9, At(2026, 3, day, hour, minute)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(Enum.Parse<TimelinessCategory>(expected), result.Category);
        Assert.Equal(Enum.Parse<Decision766Reason>(reason), result.Decision766.Reason);
        Assert.Equal(At(2026, 3, 17, 9), result.Decision766.Deadline.DueAt);
        Assert.Equal(DeadlineBasis.LegalTimeLimit, result.Decision766.Deadline.Basis);
    }

    [Fact]
    public void Classify_ThreeWorkingDaysWithAPause_PausedTimeSubtracted()
    {
        // Paused Friday 13 Mar 07:30 to 17:00 (8 h): the limit now runs out on Wednesday 18 Mar at 09:00.
        var timeline = WithLimit(new LegalTimeLimit(3, TimeLimitUnit.WorkingDays), Status(9, At(2026, 3, 18, 9))) with
        {
            SupplementationRounds = [new(At(2026, 3, 13, 7, 30), At(2026, 3, 13, 17))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.OnTime, result.Category);
        Assert.True(result.Decision766.IsOnTime);
        Assert.Equal(TimeSpan.FromHours(8), result.Decision766.Deadline.PausedWorkingTime);
        Assert.Equal(At(2026, 3, 18, 9), result.Decision766.Deadline.DueAt);
    }

    [Fact]
    public void Classify_WorkingHoursLimit_CountsOfficeHours()
    {
        // Four office hours from Thursday 09:00: 2.5 h in the morning, then 1.5 h after lunch, due at 14:30.
        var timeline = WithLimit(new LegalTimeLimit(4, TimeLimitUnit.WorkingHours), Status(9, At(2026, 3, 12, 14, 31)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.Late, result.Category);
        Assert.Equal(At(2026, 3, 12, 14, 30), result.Decision766.Deadline.DueAt);
    }

    [Theory]
    [InlineData(16, 16, nameof(TimelinessCategory.OnTime))]
    [InlineData(17, 8, nameof(TimelinessCategory.Late))]
    public void Classify_CalendarDaysEndingOnASunday_DueTheNextWorkingDay(int day, int hour, string expected)
    {
        var timeline = WithLimit(new LegalTimeLimit(3, TimeLimitUnit.CalendarDays), Status(9, At(2026, 3, day, hour)));

        var result = Classifier.Classify(timeline);

        Assert.Equal(Enum.Parse<TimelinessCategory>(expected), result.Category);
        Assert.Equal(new DateOnly(2026, 3, 16), result.Decision766.Deadline.DueDate);
        Assert.Null(result.Decision766.Deadline.DueAt);
    }

    [Fact]
    public void Classify_CalendarDaysEndingInTet_DueAfterTet()
    {
        // Friday 13 Feb 2026 + 5 days = Wednesday 18 Feb (mùng 2 Tết): due Monday 23 Feb.
        var timeline = WithLimit(new LegalTimeLimit(5, TimeLimitUnit.CalendarDays), Status(9, At(2026, 2, 23, 16))) with
        {
            Start = At(2026, 2, 13, 9),
            StatusHistory = [Status(2, At(2026, 2, 13, 9)), Status(9, At(2026, 2, 23, 16))],
        };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.OnTime, result.Category);
        Assert.Equal(new DateOnly(2026, 2, 23), result.Decision766.Deadline.DueDate);
    }

    [Fact]
    public void Classify_UnfinishedBeyondTheLimitAtThePeriodEnd_Overdue()
    {
        var timeline = WithLimit(new LegalTimeLimit(3, TimeLimitUnit.WorkingDays)) with { PeriodEnd = At(2026, 3, 17, 10) };

        var result = Classifier.Classify(timeline);

        Assert.Equal(TimelinessCategory.Overdue, result.Category);
        Assert.Equal(Decision766Reason.BeyondLegalTimeLimit, result.Decision766.Reason);
    }

    private static DossierTimeline WithLimit(LegalTimeLimit limit, params StatusChange[] later) => new()
    {
        Start = Thursday,
        LegalTimeLimit = limit,
        StatusHistory = [Status(2, Thursday), Status(4, Thursday), .. later],
        PeriodEnd = LatePeriodEnd,
    };
}
