namespace PublicServicesBpm.Engine.Calendar;

/// <summary>
/// The business calendar of a Vietnamese agency: office hours on weekdays (and optionally Saturday), minus
/// the public holidays of Labour Code 2019 art. 112 with their lunar days computed, minus administrator-entered
/// days off, plus administrator-entered working days (which work weekday hours). Working-time arithmetic has
/// the semantics of <see cref="IBusinessCalendar"/> (and of <see cref="WeekdayOfficeHoursCalendar"/>): time outside
/// office hours is skipped, a budget ending at closing ends at closing. Dates are computed for 1900–2199;
/// reaching outside throws <see cref="ArgumentOutOfRangeException"/>. Immutable and thread-safe.
/// </summary>
public sealed class VietnamBusinessCalendar : IBusinessCalendar
{
    private readonly OfficePeriod[] _weekdayHours;
    private readonly OfficePeriod[] _saturdayHours;
    private readonly TimeOnly _sameDayCutoff;

    /// <summary>Creates the calendar.</summary>
    /// <param name="options">The agency's settings; the common defaults when null.</param>
    /// <exception cref="ArgumentException">Office hours are empty on weekdays, out of order or overlapping; the working day is not positive; or the adjustments or rules are invalid.</exception>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown.</exception>
    public VietnamBusinessCalendar(VietnamBusinessCalendarOptions? options = null)
    {
        options ??= new VietnamBusinessCalendarOptions();
        _weekdayHours = Validated(options.WeekdayHours, allowEmpty: false);
        _saturdayHours = Validated(options.SaturdayHours, allowEmpty: true);
        if (options.WorkingDayLength <= TimeSpan.Zero)
        {
            throw new ArgumentException("A working day must be longer than zero.", nameof(options));
        }

        WorkingDayLength = options.WorkingDayLength;
        _sameDayCutoff = options.SameDayCutoff;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        Holidays = new VietnamPublicHolidays(options.HolidayRules, options.Adjustments);
    }

    /// <inheritdoc />
    public TimeSpan WorkingDayLength { get; }

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The holidays and adjustments this calendar skips.</summary>
    public VietnamPublicHolidays Holidays { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The date lies outside 1900–2199.</exception>
    public bool IsWorkingDay(DateOnly day) => OfficeHoursOn(day).Length > 0;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The date lies outside 1900–2199.</exception>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local);
        return OfficeHoursOn(DateOnly.FromDateTime(local)).Any(p => time >= p.Open && time < p.Close);
    }

    /// <inheritdoc />
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDuration, TimeSpan.Zero);
        var cursor = ToLocal(start);
        var remaining = workingDuration;
        for (var date = cursor.Date; ; date = date.AddDays(1))
        {
            foreach (var period in OfficeHoursOn(DateOnly.FromDateTime(date)))
            {
                var periodEnd = date + period.Close.ToTimeSpan();
                if (cursor >= periodEnd)
                {
                    continue;
                }

                var periodStart = date + period.Open.ToTimeSpan();
                var from = cursor > periodStart ? cursor : periodStart;
                var available = periodEnd - from;
                if (remaining <= available)
                {
                    return ToInstant(from + remaining);
                }

                remaining -= available;
                cursor = periodEnd;
            }
        }
    }

    /// <inheritdoc />
    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset until)
    {
        var from = ToLocal(start);
        var to = ToLocal(until);
        var total = TimeSpan.Zero;
        for (var date = from.Date; date <= to.Date; date = date.AddDays(1))
        {
            foreach (var period in OfficeHoursOn(DateOnly.FromDateTime(date)))
            {
                var a = Max(from, date + period.Open.ToTimeSpan());
                var b = Min(to, date + period.Close.ToTimeSpan());
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return total;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> that is working time: the instant itself in office hours, else the next opening.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant) => AddWorkingTime(instant, TimeSpan.Zero);

    /// <summary>The first working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>
    /// When the result of a same-day procedure received at <paramref name="received"/> is due: closing time of
    /// the day of the next working moment when that moment is before the cut-off (15:00 by default), otherwise
    /// closing time of the following working day. So a dossier received at 14:59 is due at 17:00 the same
    /// day, one received at 15:00 or after closing is due at 17:00 on the next working day.
    /// </summary>
    public DateTimeOffset SameDayResultDue(DateTimeOffset received)
    {
        var moment = ToLocal(NextWorkingMoment(received));
        var day = DateOnly.FromDateTime(moment);
        if (TimeOnly.FromDateTime(moment) >= _sameDayCutoff)
        {
            day = NextWorkingDay(day);
        }

        return ToInstant(day.ToDateTime(OfficeHoursOn(day)[^1].Close));
    }

    /// <summary>The office hours of a local date: none on a day off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date lies outside 1900–2199.</exception>
    public IReadOnlyList<OfficePeriod> OfficeHours(DateOnly day) => [.. OfficeHoursOn(day)];

    private OfficePeriod[] OfficeHoursOn(DateOnly day)
    {
        var adjustment = Holidays.AdjustmentOn(day);
        if (adjustment is not null)
        {
            return adjustment.Kind == CalendarAdjustmentKind.WorkingDay ? _weekdayHours : [];
        }

        var hours = day.DayOfWeek switch
        {
            DayOfWeek.Sunday => [],
            DayOfWeek.Saturday => _saturdayHours,
            _ => _weekdayHours,
        };
        return hours.Length == 0 || Holidays.IsStatutoryHoliday(day) ? [] : hours;
    }

    private static OfficePeriod[] Validated(IReadOnlyList<OfficePeriod>? periods, bool allowEmpty)
    {
        var list = periods?.ToArray() ?? [];
        if (list.Length == 0 && !allowEmpty)
        {
            throw new ArgumentException("Weekdays need at least one period of office hours.", nameof(periods));
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Close <= list[i].Open || (i > 0 && list[i].Open < list[i - 1].Close))
            {
                throw new ArgumentException("Office hours must close after they open, in order, without overlapping.", nameof(periods));
            }
        }

        return list;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    private DateTimeOffset ToInstant(DateTime local) => new(local, TimeZone.GetUtcOffset(local));
}
