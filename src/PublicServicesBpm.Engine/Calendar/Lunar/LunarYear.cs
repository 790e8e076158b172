namespace PublicServicesBpm.Engine.Calendar.Lunar;

/// <summary>
/// The months from month 11 of lunar year <see cref="FirstYear"/> (the month holding the winter solstice)
/// up to, not including, the next month 11: twelve months, or thirteen with one leap month.
/// Built from new moons and the sun's major solar terms in UTC+7 (see VietnameseLunarCalendar).
/// </summary>
internal sealed class LunarYear
{
    private readonly int[] _starts;
    private readonly int[] _numbers;

    private LunarYear(int firstYear, int[] starts, int[] numbers, int leapIndex)
    {
        FirstYear = firstYear;
        _starts = starts;
        _numbers = numbers;
        LeapIndex = leapIndex;
    }

    /// <summary>The lunar year months 11 and 12 belong to; the later months belong to the year after.</summary>
    internal int FirstYear { get; }

    /// <summary>The index (0 is month 11) of the leap month, or −1.</summary>
    internal int LeapIndex { get; }

    /// <summary>The number of months in this span (12 or 13).</summary>
    internal int MonthCount => _numbers.Length;

    /// <summary>The Julian Day Number of the first day of month 11.</summary>
    internal int FirstDay => _starts[0];

    /// <summary>The Julian Day Number of the first day after the span (the next month 11).</summary>
    internal int EndDay => _starts[^1];

    internal int MonthStart(int index) => _starts[index];

    internal int MonthNumber(int index) => _numbers[index];

    internal int MonthLength(int index) => _starts[index + 1] - _starts[index];

    /// <summary>The lunar year of the month at <paramref name="index"/>.</summary>
    internal int YearOf(int index) => index < FirstMonthOneIndex ? FirstYear : FirstYear + 1;

    /// <summary>The index of month 1 (Tết): 2, or 3 when the leap month is 11 or 12.</summary>
    internal int FirstMonthOneIndex => LeapIndex is 1 or 2 ? 3 : 2;

    internal static LunarYear Build(int firstYear, double utcOffsetHours)
    {
        var first = MonthElevenLunation(firstYear, utcOffsetHours);
        var next = MonthElevenLunation(firstYear + 1, utcOffsetHours);
        var count = next - first;
        var starts = new int[count + 1];
        for (var i = 0; i <= count; i++)
        {
            starts[i] = NewMoonDay(first + i, utcOffsetHours);
        }

        var leapIndex = -1;
        if (count == 13)
        {
            // The leap month is the first month after month 11 in which the sun enters no new 30° sign
            // (no major solar term, trung khí): the sign at the start of the month equals the next month's.
            for (var i = 1; i < count && leapIndex < 0; i++)
            {
                if (MajorTerm(starts[i], utcOffsetHours) == MajorTerm(starts[i + 1], utcOffsetHours))
                {
                    leapIndex = i;
                }
            }

            if (leapIndex < 0)
            {
                throw new InvalidOperationException($"No month without a major solar term in the 13-month lunar year from {firstYear}.");
            }
        }

        var numbers = new int[count];
        var number = 11;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i != leapIndex)
            {
                number = (number % 12) + 1;
            }

            numbers[i] = number;
        }

        return new LunarYear(firstYear, starts, numbers, leapIndex);
    }

    /// <summary>The lunation whose new-moon day begins the month that holds the winter solstice of <paramref name="gregorianYear"/>.</summary>
    private static int MonthElevenLunation(int gregorianYear, double utcOffsetHours)
    {
        var lastDay = Astronomy.DayNumber(new DateOnly(gregorianYear, 12, 31));
        var k = LunationOnOrBefore(lastDay, utcOffsetHours);

        // The solstice (longitude 270°) falls on 21 or 22 December. If the sun had already passed it when
        // this month began, the solstice belongs to the month before.
        var longitude = Astronomy.SunLongitude(Astronomy.LocalMidnight(NewMoonDay(k, utcOffsetHours), utcOffsetHours));
        return longitude >= 270.0 ? k - 1 : k;
    }

    private static int LunationOnOrBefore(int day, double utcOffsetHours)
    {
        var k = (int)Math.Floor((day - Astronomy.MeanNewMoonEpoch) / Astronomy.SynodicMonth);
        while (NewMoonDay(k + 1, utcOffsetHours) <= day)
        {
            k++;
        }

        while (NewMoonDay(k, utcOffsetHours) > day)
        {
            k--;
        }

        return k;
    }

    private static int NewMoonDay(int k, double utcOffsetHours) => Astronomy.LocalDayNumber(Astronomy.NewMoon(k), utcOffsetHours);

    /// <summary>The 30° sign the sun is in at local midnight beginning <paramref name="day"/> (0 = from the vernal equinox).</summary>
    private static int MajorTerm(int day, double utcOffsetHours) =>
        (int)(Astronomy.SunLongitude(Astronomy.LocalMidnight(day, utcOffsetHours)) / 30.0);
}
