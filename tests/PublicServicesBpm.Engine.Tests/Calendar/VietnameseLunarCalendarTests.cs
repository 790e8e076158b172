using PublicServicesBpm.Engine.Calendar.Lunar;

namespace PublicServicesBpm.Engine.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    // Published dates of Tết Nguyên Đán (mùng 1 tháng Giêng) in Vietnam.
    [Theory]
    [InlineData(1985, 1, 21)] // China: 1985-02-20 (the UTC+7 new moon falls a day earlier and moves the leap month)
    [InlineData(1990, 1, 27)]
    [InlineData(1995, 1, 31)]
    [InlineData(1999, 2, 16)]
    [InlineData(2000, 2, 5)]
    [InlineData(2001, 1, 24)]
    [InlineData(2002, 2, 12)]
    [InlineData(2003, 2, 1)]
    [InlineData(2004, 1, 22)]
    [InlineData(2005, 2, 9)]
    [InlineData(2006, 1, 29)]
    [InlineData(2007, 2, 17)] // China: 2007-02-18
    [InlineData(2008, 2, 7)]
    [InlineData(2009, 1, 26)]
    [InlineData(2010, 2, 14)]
    [InlineData(2011, 2, 3)]
    [InlineData(2012, 1, 23)]
    [InlineData(2013, 2, 10)]
    [InlineData(2014, 1, 31)]
    [InlineData(2015, 2, 19)]
    [InlineData(2016, 2, 8)]
    [InlineData(2017, 1, 28)]
    [InlineData(2018, 2, 16)]
    [InlineData(2019, 2, 5)]
    [InlineData(2020, 1, 25)]
    [InlineData(2021, 2, 12)]
    [InlineData(2022, 2, 1)]
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(2028, 1, 26)]
    [InlineData(2029, 2, 13)]
    public void NewYear_PublishedTetDates_Match(int year, int month, int day)
    {
        var tet = new DateOnly(year, month, day);

        Assert.Equal(tet, VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.FromSolar(tet));
        Assert.Equal(new LunarDate(year - 1, 12, VietnameseLunarCalendar.DaysInMonth(year - 1, 12)), VietnameseLunarCalendar.FromSolar(tet.AddDays(-1)));
    }

    [Theory]
    [InlineData(1968, 1968, 1, 29, 1968, 1, 30)] // the North's new UTC+7 calendar: Tết Mậu Thân came a day early there
    [InlineData(1985, 1985, 1, 21, 1985, 2, 20)]
    [InlineData(2007, 2007, 2, 17, 2007, 2, 18)]
    [InlineData(2030, 2030, 2, 2, 2030, 2, 3)]
    public void NewYear_KnownDifferencesFromTheChineseCalendar_ComeFromTheZone(int lunarYear, int vy, int vm, int vd, int cy, int cm, int cd)
    {
        Assert.Equal(new DateOnly(vy, vm, vd), VietnameseLunarCalendar.NewYear(lunarYear, 7));
        Assert.Equal(new DateOnly(cy, cm, cd), VietnameseLunarCalendar.NewYear(lunarYear, 8));
    }

    [Theory]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    [InlineData(2023, 4, 29)]
    [InlineData(2019, 4, 14)]
    public void ToSolar_TenthDayOfTheThirdMonth_IsHungKingsDay(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)));
    }

    [Theory]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    public void LeapMonth_KnownLeapYears_IsTheRightMonth(int year, int leapMonth)
    {
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(year));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2024)]
    [InlineData(2026)]
    public void LeapMonth_CommonYears_IsNull(int year)
    {
        Assert.Null(VietnameseLunarCalendar.LeapMonth(year));
    }

    [Fact]
    public void FromSolar_InALeapMonth_FlagsIt()
    {
        // 2023: leap 2nd month from 22 March to 19 April.
        Assert.Equal(new LunarDate(2023, 2, 1, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new LunarDate(2023, 2, 30), VietnameseLunarCalendar.FromSolar(new DateOnly(2023, 3, 21)));
        Assert.Equal(new DateOnly(2025, 7, 25), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 6, 1, IsLeapMonth: true)));
    }

    [Fact]
    public void FromSolar_EveryDayFrom1900To2199_RoundTripsAndIsConsecutive()
    {
        var previous = VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MinSupportedDate);
        var years = new HashSet<int>();
        for (var day = VietnameseLunarCalendar.MinSupportedDate.AddDays(1); day <= VietnameseLunarCalendar.MaxSupportedDate; day = day.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(day);
            Assert.Equal(day, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                var newYear = lunar.Month == 1 && !lunar.IsLeapMonth;
                Assert.Equal(newYear ? previous.Year + 1 : previous.Year, lunar.Year);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            if (lunar is { Month: 1, Day: 1, IsLeapMonth: false })
            {
                Assert.InRange(day, new DateOnly(day.Year, 1, 19), new DateOnly(day.Year, 2, 21));
                years.Add(lunar.Year);
            }

            previous = lunar;
        }

        Assert.Equal(300, years.Count); // every new year from 1900 to 2199
    }

    [Fact]
    public void FromSolar_RangeEnds_AreSupportedAndBeyondThrows()
    {
        Assert.Equal(new LunarDate(1899, 12, 1), VietnameseLunarCalendar.FromSolar(new DateOnly(1900, 1, 1)));
        Assert.Equal(2199, VietnameseLunarCalendar.FromSolar(new DateOnly(2199, 12, 31)).Year);
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(2200, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(2200));
    }

    [Fact]
    public void ToSolar_MissingLeapMonthOrDay_Throws()
    {
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 4, 1, IsLeapMonth: true)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 13, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 1, 31)));
    }

    [Fact]
    public void LunarDate_ToString_ShowsLeapMonth()
    {
        Assert.Equal("1/6/2025 (nhuận)", new LunarDate(2025, 6, 1, true).ToString());
        Assert.Equal("10/3/2025", new LunarDate(2025, 3, 10).ToString());
    }
}
