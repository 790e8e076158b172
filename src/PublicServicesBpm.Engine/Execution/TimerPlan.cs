using System.Globalization;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Feel;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// When a timer is due. Durations count working time unless the timer says <c>psb:calendar="calendar"</c>;
/// dates are absolute; a cycle <c>R[n]/[start/]duration</c> fires first after one interval (or at its start)
/// and then every interval. A FEEL timer (leading '=') may yield a duration, a date or date-time, or ISO text.
/// </summary>
/// <param name="DueAt">The first due time.</param>
/// <param name="Repetitions">How many more firings follow (-1: unbounded, 0: none).</param>
/// <param name="Interval">The interval between firings of a cycle.</param>
internal sealed record TimerPlan(DateTimeOffset DueAt, int Repetitions, IsoDuration? Interval)
{
    public static TimerPlan Create(TimerTrigger timer, DateTimeOffset now, IBusinessCalendar calendar, Func<string, FeelValue> evaluate)
    {
        if (!timer.IsFeel)
        {
            return FromText(timer.Kind, timer.Expression.Trim(), timer.Calendar, now, calendar);
        }

        var value = evaluate(timer.Expression);
        if (value is FeelDaysTimeDuration days)
        {
            return new TimerPlan(calendar.AddDuration(now, FromTimeSpan(days.Value), timer.Calendar), 0, null);
        }

        if (value is FeelYearsMonthsDuration months)
        {
            var duration = new IsoDuration(months.TotalMonths / 12, months.TotalMonths % 12, 0, 0, 0, 0, 0);
            return new TimerPlan(calendar.AddDuration(now, duration, timer.Calendar), 0, null);
        }

        if (value.TryGetInstant(calendar.TimeZone, out var instant))
        {
            return new TimerPlan(instant, 0, null);
        }

        if (value.TryGetText(out var text))
        {
            return FromText(timer.Kind, text.Trim(), timer.Calendar, now, calendar);
        }

        throw new ElementFailureException($"The timer expression '{timer.Expression}' yielded {value.Kind}, not a duration, date or date-time.");
    }

    public TimerPlan Next(TimeBasis basis, IBusinessCalendar calendar) =>
        new(calendar.AddDuration(DueAt, Interval!.Value, basis), Repetitions < 0 ? -1 : Repetitions - 1, Interval);

    private static TimerPlan FromText(TimerKind kind, string text, TimeBasis basis, DateTimeOffset now, IBusinessCalendar calendar)
    {
        if (text.StartsWith('R'))
        {
            return Cycle(text, basis, now, calendar);
        }

        if (IsoDuration.TryParse(text, out var duration))
        {
            return new TimerPlan(calendar.AddDuration(now, duration, basis), 0, null);
        }

        if (kind != TimerKind.Duration && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new TimerPlan(date, 0, null);
        }

        throw new ElementFailureException($"'{text}' is not an ISO-8601 duration, date-time or repeating interval.");
    }

    private static TimerPlan Cycle(string text, TimeBasis basis, DateTimeOffset now, IBusinessCalendar calendar)
    {
        var parts = text.Split('/');
        var count = parts[0].Length == 1 ? -1 : int.Parse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        var repetitions = count < 0 ? -1 : Math.Max(count - 1, 0);
        if (parts.Length == 3 && !IsoDuration.TryParse(parts[1], out _))
        {
            var start = DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture);
            return new TimerPlan(start, repetitions, ParseDuration(parts[2]));
        }

        // R[n]/duration, or R[n]/duration/end (the end bound is not enforced).
        if (parts.Length is 2 or 3)
        {
            var interval = ParseDuration(parts[1]);
            return new TimerPlan(calendar.AddDuration(now, interval, basis), repetitions, interval);
        }

        throw new ElementFailureException($"'{text}' is not an ISO-8601 repeating interval.");
    }

    private static IsoDuration ParseDuration(string text) =>
        IsoDuration.TryParse(text, out var duration) ? duration : throw new ElementFailureException($"'{text}' is not an ISO-8601 duration.");

    // A FEEL days-and-time duration: its days are days of the timer's basis (working days by default).
    private static IsoDuration FromTimeSpan(TimeSpan span) =>
        new(0, 0, 0, span.Days, span.Hours, span.Minutes, span.Seconds + (span.Milliseconds / 1000m));
}
