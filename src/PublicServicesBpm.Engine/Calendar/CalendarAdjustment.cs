namespace PublicServicesBpm.Engine.Calendar;

/// <summary>What an administrator-entered day changes.</summary>
public enum CalendarAdjustmentKind
{
    /// <summary>Offices are closed on a day that would otherwise be a working day (a substitute day off, nghỉ bù, or the rest day of a swap).</summary>
    DayOff,

    /// <summary>Offices work a full weekday on a day that would otherwise be a weekend or holiday (làm bù, the working day of a swap).</summary>
    WorkingDay,
}

/// <summary>
/// One day whose status an administrator sets for a year, from the government's yearly announcements
/// (the Prime Minister's decisions on Tết and swaps of working days). Data, not code: entered in the
/// administered calendar and passed to <see cref="VietnamPublicHolidays"/>. An adjustment wins over the
/// statutory rules and the weekly rest days.
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="Kind">Whether the day becomes a day off or a working day.</param>
/// <param name="NameVi">Why, in Vietnamese (e.g. "Nghỉ bù Quốc khánh").</param>
/// <param name="NameEn">Why, in English (e.g. "National Day substitute day off").</param>
public sealed record CalendarAdjustment(DateOnly Date, CalendarAdjustmentKind Kind, string NameVi, string NameEn);
