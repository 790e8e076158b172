using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Tests.Calendar;

public sealed class WeekdayOfficeHoursCalendarTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private static readonly WeekdayOfficeHoursCalendar Calendar = new();

    // 30 November 2026 is a Monday.
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Hanoi);

    private static DateTimeOffset AtDecember(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, Hanoi);

    [Fact]
    public void WorkingDayLength_IsEightHours()
    {
        Assert.Equal(TimeSpan.FromHours(8), Calendar.WorkingDayLength);
    }

    [Theory]
    [InlineData(30, 7, 29, false)] // before opening
    [InlineData(30, 7, 30, true)]
    [InlineData(30, 11, 29, true)]
    [InlineData(30, 11, 30, false)] // lunch break
    [InlineData(30, 13, 0, true)]
    [InlineData(30, 17, 0, false)] // closed
    [InlineData(28, 9, 0, false)] // Saturday
    [InlineData(29, 9, 0, false)] // Sunday
    public void IsWorkingTime_OfficeHoursOnWeekdays(int day, int hour, int minute, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingTime(At(day, hour, minute)));
    }

    [Fact]
    public void AddWorkingTime_WithinAMorning_IsPlainAddition()
    {
        Assert.Equal(At(30, 10), Calendar.AddWorkingTime(At(30, 8), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddWorkingTime_AcrossLunch_SkipsTheBreak()
    {
        Assert.Equal(At(30, 14), Calendar.AddWorkingTime(At(30, 10), TimeSpan.FromHours(2.5)));
    }

    [Fact]
    public void AddWorkingTime_EndingAtClosing_EndsAtClosingNotNextMorning()
    {
        Assert.Equal(At(30, 17), Calendar.AddWorkingTime(At(30, 7, 30), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void AddWorkingTime_FromFridayAfternoon_SkipsTheWeekend()
    {
        Assert.Equal(AtDecember(7, 9), Calendar.AddWorkingTime(AtDecember(4, 16), TimeSpan.FromHours(2.5)));
    }

    [Fact]
    public void AddWorkingTime_ReceivedAfterClosing_CountsFromTheNextMorning()
    {
        Assert.Equal(AtDecember(1, 8, 30), Calendar.AddWorkingTime(At(30, 18), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddWorkingTime_Zero_OutsideOfficeHours_IsTheNextOpening()
    {
        Assert.Equal(At(30, 13), Calendar.AddWorkingTime(At(30, 12), TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingTime_Holiday_IsSkippedLikeAWeekend()
    {
        var calendar = new WeekdayOfficeHoursCalendar([new DateOnly(2026, 12, 1)]);

        Assert.Equal(AtDecember(2, 8), calendar.AddWorkingTime(At(30, 8), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void AddWorkingTime_UtcInput_IsReadInHanoiTime()
    {
        var utc = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero); // 08:00 in Hanoi

        Assert.Equal(At(30, 10).UtcDateTime, Calendar.AddWorkingTime(utc, TimeSpan.FromHours(2)).UtcDateTime);
    }

    [Fact]
    public void AddWorkingTime_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(At(30, 8), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void WorkingTimeBetween_CountsOnlyOfficeHours()
    {
        // Friday 16:00 → Monday 09:00: one hour on Friday, 1.5 hours on Monday.
        Assert.Equal(TimeSpan.FromHours(2.5), Calendar.WorkingTimeBetween(AtDecember(4, 16), AtDecember(7, 9)));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(AtDecember(7, 9), AtDecember(4, 16)));
    }

    [Theory]
    [InlineData("P3D", 2026, 12, 3, 8, 0)] // three working days
    [InlineData("P1W", 2026, 12, 7, 8, 0)] // a week is five working days
    [InlineData("PT4H", 2026, 11, 30, 13, 30)] // four office hours across lunch
    [InlineData("P1DT1H", 2026, 12, 1, 9, 0)]
    [InlineData("P1M", 2026, 12, 30, 8, 0)] // months move the date on the plain calendar
    public void AddDuration_WorkingTime_CountsWorkingDaysOfEightHours(string duration, int year, int month, int day, int hour, int minute)
    {
        Assert.True(IsoDuration.TryParse(duration, out var parsed));

        var due = Calendar.AddDuration(At(30, 8), parsed, TimeBasis.WorkingTime);

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, Hanoi), due);
    }

    [Fact]
    public void AddDuration_CalendarTime_IsPlainWallClockTime()
    {
        Assert.True(IsoDuration.TryParse("P3DT2H", out var parsed));

        Assert.Equal(AtDecember(3, 23), Calendar.AddDuration(At(30, 21), parsed, TimeBasis.CalendarTime));
    }

    [Fact]
    public void AddWorkingDays_CountsWholeWorkingDays()
    {
        Assert.Equal(AtDecember(8, 10), Calendar.AddWorkingDays(At(30, 10), 6));
    }
}
