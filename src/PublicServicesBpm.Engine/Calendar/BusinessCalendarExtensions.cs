using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Calendar;

/// <summary>Turns ISO-8601 durations into due dates on a business calendar.</summary>
public static class BusinessCalendarExtensions
{
    /// <summary>
    /// The instant <paramref name="duration"/> after <paramref name="start"/>.
    /// <list type="bullet">
    /// <item><see cref="TimeBasis.WorkingTime"/>: years and months move the local date on the plain
    /// calendar first (there is no "working month"); then weeks count 5 working days, days count
    /// <see cref="IBusinessCalendar.WorkingDayLength"/> each, and hours, minutes and seconds count working
    /// time. So "P3D" is three working days and "PT4H" four office hours.</item>
    /// <item><see cref="TimeBasis.CalendarTime"/>: every component is plain wall-clock time in the calendar's zone.</item>
    /// </list>
    /// </summary>
    public static DateTimeOffset AddDuration(this IBusinessCalendar calendar, DateTimeOffset start, IsoDuration duration, TimeBasis basis)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = TimeZoneInfo.ConvertTime(start, calendar.TimeZone);
        var shifted = local.AddYears(duration.Years).AddMonths(duration.Months);
        if (basis == TimeBasis.CalendarTime)
        {
            var plain = shifted.DateTime
                .AddDays((duration.Weeks * 7) + duration.Days)
                .AddHours(duration.Hours)
                .AddMinutes(duration.Minutes)
                .AddTicks((long)(duration.Seconds * TimeSpan.TicksPerSecond));
            return new DateTimeOffset(plain, calendar.TimeZone.GetUtcOffset(plain));
        }

        var working = (calendar.WorkingDayLength * ((duration.Weeks * 5) + duration.Days))
            + new TimeSpan(duration.Hours, duration.Minutes, 0)
            + TimeSpan.FromTicks((long)(duration.Seconds * TimeSpan.TicksPerSecond));
        return calendar.AddWorkingTime(shifted, working);
    }

    /// <summary>The instant <paramref name="days"/> working days after <paramref name="start"/>.</summary>
    public static DateTimeOffset AddWorkingDays(this IBusinessCalendar calendar, DateTimeOffset start, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingTime(start, calendar.WorkingDayLength * days);
    }
}
