using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Engine.Tests.Calendar;

public sealed class VietnamPublicHolidaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Statutory_2026_HasTheElevenDaysOfArticle112()
    {
        var holidays = new VietnamPublicHolidays().Statutory(2026);

        Assert.Equal(
            [D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20),
             D(2026, 4, 26), D(2026, 4, 30), D(2026, 5, 1), D(2026, 9, 1), D(2026, 9, 2)],
            holidays.Select(h => h.Date));
        Assert.Equal(5, holidays.Count(h => h.Kind == PublicHolidayKind.LunarNewYear));
        Assert.Equal("Giỗ Tổ Hùng Vương", holidays.Single(h => h.Kind == PublicHolidayKind.HungKingsCommemoration).NameVi);
        Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.NameEn)));
    }

    [Theory]
    [InlineData(2024, 2, 9, 2, 13, 4, 18)] // Tết 10 Feb: 30 Tết is the 9th
    [InlineData(2025, 1, 28, 2, 1, 4, 7)] // Tết 29 Jan: the old year ends on its 29th day
    [InlineData(2023, 1, 21, 1, 25, 4, 29)]
    public void Statutory_LunarDays_FollowTheComputedCalendar(int year, int tetFromMonth, int tetFromDay, int tetToMonth, int tetToDay, int hungMonth, int hungDay)
    {
        var holidays = new VietnamPublicHolidays().Statutory(year);
        var tet = holidays.Where(h => h.Kind == PublicHolidayKind.LunarNewYear).Select(h => h.Date).ToList();

        Assert.Equal(D(year, tetFromMonth, tetFromDay), tet[0]);
        Assert.Equal(D(year, tetToMonth, tetToDay), tet[^1]);
        Assert.Equal(D(year, hungMonth, hungDay), holidays.Single(h => h.Kind == PublicHolidayKind.HungKingsCommemoration).Date);
    }

    [Fact]
    public void Statutory_CustomRules_MoveTetAndNationalDay()
    {
        var rules = new VietnamHolidayRules { TetDaysBeforeNewYear = 2, TetDaysFromNewYear = 3, NationalDayAdjacentDay = NationalDayAdjacentDay.DayAfter };

        var holidays = new VietnamPublicHolidays(rules).Statutory(2026);

        Assert.Equal([D(2026, 2, 15), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19)],
            holidays.Where(h => h.Kind == PublicHolidayKind.LunarNewYear).Select(h => h.Date));
        Assert.Equal([D(2026, 9, 2), D(2026, 9, 3)], holidays.Where(h => h.Kind == PublicHolidayKind.NationalDay).Select(h => h.Date));
    }

    [Fact]
    public void ForYear_WithAdjustments_AddsDaysOffAndDropsHolidaysMadeWorking()
    {
        var holidays = new VietnamPublicHolidays(adjustments:
        [
            new(D(2026, 4, 27), CalendarAdjustmentKind.DayOff, "Nghỉ bù Giỗ Tổ Hùng Vương", "Hùng Kings' day substitute"),
            new(D(2026, 2, 16), CalendarAdjustmentKind.WorkingDay, "Làm bù", "Swapped working day"),
            new(D(2027, 1, 2), CalendarAdjustmentKind.DayOff, "Nghỉ bù", "Substitute day"),
        ]);

        var days = holidays.ForYear(2026);

        Assert.Contains(days, h => h.Date == D(2026, 4, 27) && h.Kind == PublicHolidayKind.Declared && h.NameEn == "Hùng Kings' day substitute");
        Assert.DoesNotContain(days, h => h.Date == D(2026, 2, 16));
        Assert.DoesNotContain(days, h => h.Date.Year == 2027);
        Assert.Equal(11, days.Count);
        Assert.Equal([D(2026, 2, 16)], holidays.WorkingDays(2026).Select(a => a.Date));
    }

    [Fact]
    public void Constructor_TwoAdjustmentsOnOneDate_Throws()
    {
        Assert.Throws<ArgumentException>(() => new VietnamPublicHolidays(adjustments:
        [
            new(D(2026, 5, 2), CalendarAdjustmentKind.DayOff, "Nghỉ", "Off"),
            new(D(2026, 5, 2), CalendarAdjustmentKind.WorkingDay, "Làm", "Work"),
        ]));
    }

    [Fact]
    public void Constructor_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => new VietnamPublicHolidays(new VietnamHolidayRules { TetDaysBeforeNewYear = -1 }));
        Assert.Throws<ArgumentException>(() => new VietnamPublicHolidays(new VietnamHolidayRules { TetDaysBeforeNewYear = 0, TetDaysFromNewYear = 0 }));
        Assert.Throws<ArgumentException>(() => new VietnamPublicHolidays(adjustments: [new(D(2026, 5, 2), CalendarAdjustmentKind.DayOff, " ", "Off")]));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2200)]
    public void Statutory_OutsideTheRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VietnamPublicHolidays().Statutory(year));
    }

    [Fact]
    public void Statutory_EveryYear_HasElevenEntriesWithTetInJanuaryOrFebruary()
    {
        var holidays = new VietnamPublicHolidays();
        var coincidences = new List<int>();
        for (var year = 1900; year <= 2199; year++)
        {
            var days = holidays.Statutory(year);
            Assert.Equal(11, days.Count);
            Assert.All(days.Where(h => h.Kind == PublicHolidayKind.LunarNewYear), h => Assert.InRange(h.Date.Month, 1, 2));
            var hungKings = days.Single(h => h.Kind == PublicHolidayKind.HungKingsCommemoration).Date;
            Assert.InRange(hungKings, new DateOnly(year, 3, 20), new DateOnly(year, 5, 1));
            if (days.Select(h => h.Date).Distinct().Count() < 11)
            {
                coincidences.Add(year);
            }
        }

        // Only once in the range does Hùng Kings' day fall on 30 April or 1 May.
        Assert.Equal([1947], coincidences);
    }
}
