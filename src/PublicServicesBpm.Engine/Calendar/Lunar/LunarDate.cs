using System.Globalization;

namespace PublicServicesBpm.Engine.Calendar.Lunar;

/// <summary>
/// A date of the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the lunar year, named after
/// the Gregorian year in which its new year's day (Tết) falls: months 11 and 12 of lunar year Y usually
/// fall in January of Gregorian year Y + 1.
/// </summary>
/// <param name="Year">The lunar year.</param>
/// <param name="Month">The month number, 1–12. A leap month repeats the number of the month before it.</param>
/// <param name="Day">The day of the month, 1–30.</param>
/// <param name="IsLeapMonth">True in a leap month (tháng nhuận).</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>The date as "day/month/year", with " (nhuận)" after a leap month, e.g. "10/3/2025".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}/{Year}{(IsLeapMonth ? " (nhuận)" : string.Empty)}");
}
