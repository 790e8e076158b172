namespace PublicServicesBpm.Engine.Calendar;

/// <summary>
/// The default business calendar: Monday to Friday, office hours 07:30–11:30 and 13:00–17:00 in
/// Asia/Ho_Chi_Minh (UTC+7), so one working day is 8 working hours. Optional holidays are skipped like
/// weekends. It knows no lunar holidays or swapped working days by itself: the administered calendar
/// (a later implementation of <see cref="IBusinessCalendar"/>) supplies those.
/// </summary>
public sealed class WeekdayOfficeHoursCalendar : IBusinessCalendar
{
    // Searching further than this for working time means the input is absurd, not that we should loop on.
    private const int MaxDaysScanned = 366 * 100;

    private static readonly (TimeSpan Open, TimeSpan Close)[] OfficeHours =
    [
        (new TimeSpan(7, 30, 0), new TimeSpan(11, 30, 0)),
        (new TimeSpan(13, 0, 0), new TimeSpan(17, 0, 0)),
    ];

    private readonly HashSet<DateOnly> _holidays;

    /// <summary>Creates the calendar.</summary>
    /// <param name="holidays">Local dates that are not working days even on a weekday; none by default.</param>
    public WeekdayOfficeHoursCalendar(IEnumerable<DateOnly>? holidays = null)
    {
        _holidays = [.. holidays ?? []];
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    }

    /// <inheritdoc />
    public TimeSpan WorkingDayLength { get; } = TimeSpan.FromHours(8);

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; }

    /// <inheritdoc />
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <inheritdoc />
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var date = DateOnly.FromDateTime(local);
        return IsWorkingDay(date) && OfficeHours.Any(p => local.TimeOfDay >= p.Open && local.TimeOfDay < p.Close);
    }

    /// <inheritdoc />
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDuration, TimeSpan.Zero);
        var cursor = ToLocal(start);
        var remaining = workingDuration;
        for (var day = 0; day < MaxDaysScanned; day++)
        {
            var date = cursor.Date;
            if (IsWorkingDay(DateOnly.FromDateTime(date)))
            {
                foreach (var (open, close) in OfficeHours)
                {
                    var periodEnd = date + close;
                    if (cursor >= periodEnd)
                    {
                        continue;
                    }

                    var from = cursor > date + open ? cursor : date + open;
                    var available = periodEnd - from;
                    if (remaining <= available)
                    {
                        return ToInstant(from + remaining);
                    }

                    remaining -= available;
                    cursor = periodEnd;
                }
            }

            cursor = date.AddDays(1);
        }

        throw new ArgumentOutOfRangeException(nameof(workingDuration), workingDuration, "The working time reaches beyond the calendar's range.");
    }

    /// <inheritdoc />
    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset until)
    {
        var from = ToLocal(start);
        var to = ToLocal(until);
        var total = TimeSpan.Zero;
        for (var date = from.Date; date <= to.Date; date = date.AddDays(1))
        {
            if (!IsWorkingDay(DateOnly.FromDateTime(date)))
            {
                continue;
            }

            foreach (var (open, close) in OfficeHours)
            {
                var a = Max(from, date + open);
                var b = Min(to, date + close);
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return total;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    private DateTimeOffset ToInstant(DateTime local) => new(local, TimeZone.GetUtcOffset(local));
}
