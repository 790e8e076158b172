using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Engine.Tests.Calendar;

public sealed class VietnamBusinessCalendarTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private static readonly VietnamBusinessCalendar Calendar = new();

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Hanoi);

    [Fact]
    public void AddWorkingDays_ReceivedBeforeTet_IsDueAfterTheHoliday()
    {
        // Friday 13 Feb 2026; Tết (17 Feb) closes offices Mon 16 to Fri 20 Feb, with weekends either side.
        var due = Calendar.AddWorkingDays(At(2026, 2, 13, 8), 3);

        Assert.Equal(At(2026, 2, 25, 8), due);
        Assert.Equal(TimeSpan.FromHours(24), Calendar.WorkingTimeBetween(At(2026, 2, 13, 8), due));
    }

    [Fact]
    public void AddWorkingDays_LastAfternoonBeforeTet_ContinuesOnTheFirstDayBack()
    {
        // Tết 2025 is 29 Jan (Wednesday): offices close Tue 28 Jan to Sat 1 Feb.
        Assert.Equal(At(2025, 2, 3, 16), Calendar.AddWorkingTime(At(2025, 1, 27, 16), TimeSpan.FromHours(8)));
    }

    [Theory]
    [InlineData(2026, 2, 17, false)] // mùng 1 Tết
    [InlineData(2026, 2, 16, false)] // 29 tháng Chạp, the last day of the old year
    [InlineData(2026, 2, 23, true)]
    [InlineData(2026, 4, 30, false)]
    [InlineData(2026, 5, 1, false)]
    [InlineData(2026, 9, 1, false)]
    [InlineData(2026, 9, 2, false)]
    [InlineData(2026, 9, 3, true)]
    [InlineData(2025, 4, 7, false)] // Giỗ Tổ Hùng Vương
    [InlineData(2026, 1, 1, false)]
    [InlineData(2026, 1, 2, true)]
    [InlineData(2026, 11, 28, false)] // Saturday
    public void IsWorkingDay_Holidays_AreClosed(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(7, 29, false)]
    [InlineData(7, 30, true)]
    [InlineData(11, 30, false)]
    [InlineData(13, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    public void IsWorkingTime_DefaultOfficeHours(int hour, int minute, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingTime(At(2026, 11, 30, hour, minute)));
    }

    [Fact]
    public void AddWorkingTime_SaturdayMorningOffice_CountsSaturdayMorning()
    {
        var saturday = new VietnamBusinessCalendar(new VietnamBusinessCalendarOptions { SaturdayHours = [OfficePeriod.Morning] });

        Assert.Equal(At(2026, 11, 28, 8, 30), saturday.AddWorkingTime(At(2026, 11, 27, 16), TimeSpan.FromHours(2)));
        Assert.Equal(At(2026, 11, 30, 8, 30), Calendar.AddWorkingTime(At(2026, 11, 27, 16), TimeSpan.FromHours(2)));
        Assert.True(saturday.IsWorkingTime(At(2026, 11, 28, 11, 0)));
        Assert.False(saturday.IsWorkingTime(At(2026, 11, 28, 13, 0)));
        Assert.Equal(At(2026, 11, 30, 7, 30), saturday.NextWorkingMoment(At(2026, 11, 28, 11, 30)));
    }

    [Fact]
    public void IsWorkingDay_SaturdayMorningOfficeOnAHoliday_IsClosed()
    {
        var saturday = new VietnamBusinessCalendar(new VietnamBusinessCalendarOptions { SaturdayHours = [OfficePeriod.Morning] });

        Assert.True(saturday.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(saturday.IsWorkingDay(new DateOnly(2025, 2, 1))); // the last Tết day of 2025 is a Saturday
    }

    [Theory]
    [InlineData(30, 14, 59, 30)] // before 15:00: the same day
    [InlineData(30, 15, 0, 1)] // at or after 15:00: the next working day
    [InlineData(30, 12, 0, 30)] // over lunch: counted from 13:00
    [InlineData(30, 6, 0, 30)] // before opening
    [InlineData(30, 18, 0, 1)] // after closing
    [InlineData(28, 10, 0, 30)] // Saturday: Monday
    public void SameDayResultDue_CutoffAtThreePm(int receivedDay, int hour, int minute, int dueDay)
    {
        var received = At(2026, 11, receivedDay, hour, minute);
        var dueMonth = dueDay == 1 ? 12 : 11;

        Assert.Equal(At(2026, dueMonth, dueDay, 17), Calendar.SameDayResultDue(received));
    }

    [Fact]
    public void SameDayResultDue_AfterCutoffBeforeTet_IsTheFirstDayBack()
    {
        Assert.Equal(At(2026, 2, 23, 17), Calendar.SameDayResultDue(At(2026, 2, 13, 15, 30)));
    }

    [Fact]
    public void NextWorkingMoment_DuringTet_IsTheFirstMorningBack()
    {
        Assert.Equal(At(2026, 2, 23, 7, 30), Calendar.NextWorkingMoment(At(2026, 2, 17, 9)));
        Assert.Equal(At(2026, 2, 12, 9), Calendar.NextWorkingMoment(At(2026, 2, 12, 9)));
        Assert.Equal(new DateOnly(2026, 2, 23), Calendar.NextWorkingDay(new DateOnly(2026, 2, 13)));
    }

    [Fact]
    public void Adjustments_SwapAndSubstituteDay_ChangeWorkingDays()
    {
        var calendar = new VietnamBusinessCalendar(new VietnamBusinessCalendarOptions
        {
            Adjustments =
            [
                new(new DateOnly(2025, 1, 27), CalendarAdjustmentKind.DayOff, "Nghỉ hoán đổi", "Swapped day off"),
                new(new DateOnly(2025, 2, 8), CalendarAdjustmentKind.WorkingDay, "Làm bù", "Swapped working day"),
            ],
        });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 2, 8)));
        Assert.Equal(2, calendar.OfficeHours(new DateOnly(2025, 2, 8)).Count);
        // Friday 24 Jan 08:00 + 2 working days: the rest of Friday, then (skipping Mon 27 and Tết) Mon 3 Feb.
        Assert.Equal(At(2025, 2, 4, 8), calendar.AddWorkingDays(At(2025, 1, 24, 8), 2));
    }

    [Fact]
    public void AddWorkingTime_MatchesWeekdayOfficeHoursCalendarGivenTheSameHolidays()
    {
        var holidays = Enumerable.Range(2024, 4).SelectMany(y => Calendar.Holidays.ForYear(y)).Select(h => h.Date);
        var reference = new WeekdayOfficeHoursCalendar(holidays);
        var random = new Random(20260217);
        for (var i = 0; i < 500; i++)
        {
            var start = At(2024, 1, 1, 0).AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(0, 30 * 8 * 60));

            var due = Calendar.AddWorkingTime(start, duration);

            Assert.Equal(reference.AddWorkingTime(start, duration), due);
            Assert.Equal(duration, Calendar.WorkingTimeBetween(start, due));
            Assert.Equal(reference.IsWorkingTime(start), Calendar.IsWorkingTime(start));
        }
    }

    [Fact]
    public void AddWorkingTime_EdgeCases_FollowThePortContract()
    {
        Assert.Equal(At(2026, 11, 30, 17), Calendar.AddWorkingTime(At(2026, 11, 30, 7, 30), TimeSpan.FromHours(8)));
        Assert.Equal(At(2026, 11, 30, 13), Calendar.AddWorkingTime(At(2026, 11, 30, 12), TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(At(2026, 12, 7, 9), At(2026, 12, 4, 16)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(At(2026, 11, 30, 8), TimeSpan.FromHours(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(At(2199, 12, 30, 8), TimeSpan.FromDays(10)));
    }

    [Fact]
    public void AddWorkingTime_UtcInput_IsReadInHanoiTime()
    {
        var utc = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(At(2026, 11, 30, 10).UtcDateTime, Calendar.AddWorkingTime(utc, TimeSpan.FromHours(2)).UtcDateTime);
    }

    [Fact]
    public void Constructor_InvalidOfficeHours_Throws()
    {
        var overlapping = new VietnamBusinessCalendarOptions
        {
            WeekdayHours = [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(11, 0), new TimeOnly(17, 0))],
        };

        Assert.Throws<ArgumentException>(() => new VietnamBusinessCalendar(overlapping));
        Assert.Throws<ArgumentException>(() => new VietnamBusinessCalendar(new VietnamBusinessCalendarOptions { WeekdayHours = [] }));
        Assert.Throws<ArgumentException>(() => new VietnamBusinessCalendar(new VietnamBusinessCalendarOptions { WorkingDayLength = TimeSpan.Zero }));
    }
}
