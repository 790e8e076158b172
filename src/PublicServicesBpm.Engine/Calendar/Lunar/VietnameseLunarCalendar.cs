using System.Collections.Concurrent;

namespace PublicServicesBpm.Engine.Calendar.Lunar;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed rather than tabulated, for Gregorian dates from
/// <see cref="MinSupportedDate"/> to <see cref="MaxSupportedDate"/>. A month begins on the local day
/// (UTC+7, the meridian 105° E) of a true new moon; month 11 is the month holding the winter solstice;
/// when thirteen months lie between two months 11, the first month after month 11 without a major solar
/// term is the leap month and repeats the number of the month before. New moons and the sun's longitude
/// follow Meeus' series (see docs/engine/calendar.md). Thread-safe; results are memoised per lunar year.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Hanoi time, the zone the Vietnamese calendar has used since 1968.</summary>
    internal const double VietnamUtcOffsetHours = 7.0;

    private static readonly ConcurrentDictionary<int, LunarYear> Years = new();

    /// <summary>The first Gregorian date that can be converted: 1 January 1900.</summary>
    public static DateOnly MinSupportedDate { get; } = new(1900, 1, 1);

    /// <summary>The last Gregorian date that can be converted: 31 December 2199.</summary>
    public static DateOnly MaxSupportedDate { get; } = new(2199, 12, 31);

    /// <summary>The lunar date of a Gregorian date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date lies outside the supported range.</exception>
    public static LunarDate FromSolar(DateOnly date)
    {
        EnsureSupported(date, nameof(date));
        var day = Astronomy.DayNumber(date);
        var span = SpanHolding(date.Year, day);
        var index = span.MonthCount - 1;
        while (span.MonthStart(index) > day)
        {
            index--;
        }

        return new LunarDate(span.YearOf(index), span.MonthNumber(index), day - span.MonthStart(index) + 1, index == span.LeapIndex);
    }

    /// <summary>The Gregorian date of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month or day does not exist in that lunar year, or the result lies outside the supported range.</exception>
    /// <exception cref="ArgumentException">A leap month is asked for where the year has none of that number.</exception>
    public static DateOnly ToSolar(LunarDate date)
    {
        var (span, index) = Locate(date);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Day, span.MonthLength(index), nameof(date));
        var solar = Astronomy.FromDayNumber(span.MonthStart(index) + date.Day - 1);
        EnsureSupported(solar, nameof(date));
        return solar;
    }

    /// <summary>The Gregorian date of the lunar new year's day (mùng 1 Tết) of <paramref name="lunarYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year lies outside 1900–2199.</exception>
    public static DateOnly NewYear(int lunarYear) => ToSolar(new LunarDate(lunarYear, 1, 1));

    /// <summary>The number of the leap month of <paramref name="lunarYear"/> (1–12), or null when it has none.</summary>
    /// <remarks>A leap month 11 or 12 that follows the regular one belongs to the year of that month.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The year lies outside 1900–2199.</exception>
    public static int? LeapMonth(int lunarYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinSupportedDate.Year, nameof(lunarYear));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxSupportedDate.Year, nameof(lunarYear));
        foreach (var span in new[] { Span(lunarYear - 1), Span(lunarYear) })
        {
            if (span.LeapIndex >= 0 && span.YearOf(span.LeapIndex) == lunarYear)
            {
                return span.MonthNumber(span.LeapIndex);
            }
        }

        return null;
    }

    /// <summary>The number of days (29 or 30) in a lunar month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month lies outside the supported range.</exception>
    /// <exception cref="ArgumentException">A leap month is asked for where the year has none of that number.</exception>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        var (span, index) = Locate(new LunarDate(lunarYear, month, 1, isLeapMonth));
        return span.MonthLength(index);
    }

    /// <summary>The lunar new year's day computed for another zone (UTC+8 gives the Chinese calendar); for comparisons in tests.</summary>
    internal static DateOnly NewYear(int lunarYear, double utcOffsetHours)
    {
        var span = LunarYear.Build(lunarYear - 1, utcOffsetHours);
        return Astronomy.FromDayNumber(span.MonthStart(span.FirstMonthOneIndex));
    }

    private static (LunarYear Span, int Index) Locate(LunarDate date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Month, 1, nameof(date));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Month, 12, nameof(date));
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Day, 1, nameof(date));
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, MinSupportedDate.Year - 1, nameof(date));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Year, MaxSupportedDate.Year, nameof(date));

        // Months 11 and 12 open the span that starts in the same Gregorian year; months 1-10 close the one before.
        var span = Span(date.Month >= 11 ? date.Year : date.Year - 1);
        for (var index = 0; index < span.MonthCount; index++)
        {
            if (span.MonthNumber(index) == date.Month && (index == span.LeapIndex) == date.IsLeapMonth)
            {
                return (span, index);
            }
        }

        throw new ArgumentException($"Lunar year {date.Year} has no leap month {date.Month}.", nameof(date));
    }

    private static LunarYear SpanHolding(int gregorianYear, int day)
    {
        var span = Span(gregorianYear);
        return day >= span.FirstDay ? span : Span(gregorianYear - 1);
    }

    private static LunarYear Span(int firstYear) =>
        Years.GetOrAdd(firstYear, static year => LunarYear.Build(year, VietnamUtcOffsetHours));

    private static void EnsureSupported(DateOnly date, string parameterName)
    {
        if (date < MinSupportedDate || date > MaxSupportedDate)
        {
            throw new ArgumentOutOfRangeException(parameterName, date, $"Lunar dates are computed for {MinSupportedDate:yyyy-MM-dd} to {MaxSupportedDate:yyyy-MM-dd} only.");
        }
    }
}
