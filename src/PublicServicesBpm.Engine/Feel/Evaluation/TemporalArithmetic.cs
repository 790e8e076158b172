using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>
/// Adding durations to dates, times and date-times, and subtracting them from each other, with
/// the specification's result types: a date stays a date, a time stays a time (wrapping at midnight).
/// </summary>
internal static class TemporalArithmetic
{
    /// <summary>Adds (sign 1) or subtracts (sign -1) a duration.</summary>
    public static FeelValue Shift(FeelValue temporal, FeelValue duration, int sign) => (temporal, duration) switch
    {
        (FeelDate d, FeelYearsMonthsDuration m) => new FeelDate(d.Value.AddMonths(sign * m.TotalMonths)),
        (FeelDate d, FeelDaysTimeDuration t) => new FeelDate(DateOnly.FromDateTime(d.Value.ToDateTime(TimeOnly.MinValue) + (sign * t.Value))),
        (FeelDateTime d, FeelYearsMonthsDuration m) => d.WithLocal(d.Local.AddMonths(sign * m.TotalMonths)),
        (FeelDateTime d, FeelDaysTimeDuration t) => ShiftDateTime(d, sign * t.Value),
        (FeelTime t, FeelDaysTimeDuration d) => new FeelTime(t.Value.Add(sign * d.Value), t.Offset),
        _ => FeelValue.Null,
    };

    /// <summary>The days-and-time duration between two dates, times or date-times.</summary>
    public static FeelValue Difference(FeelValue left, FeelValue right) => (left, right) switch
    {
        (FeelDate a, FeelDate b) => new FeelDaysTimeDuration(TimeSpan.FromDays(a.Value.DayNumber - b.Value.DayNumber)),
        (FeelDateTime a, FeelDateTime b) => new FeelDaysTimeDuration(Distance(a, b)),
        (FeelDate a, FeelDateTime b) => new FeelDaysTimeDuration(Distance(Midnight(a, b), b)),
        (FeelDateTime a, FeelDate b) => new FeelDaysTimeDuration(Distance(a, Midnight(b, a))),
        (FeelTime a, FeelTime b) => new FeelDaysTimeDuration(TimeOfDay(a) - TimeOfDay(b)),
        _ => FeelValue.Null,
    };

    // A zoned value moves along the time line (so a daylight-saving change is respected);
    // a local or fixed-offset value moves its wall clock.
    private static FeelDateTime ShiftDateTime(FeelDateTime value, TimeSpan by)
    {
        if (value.Zone is { } zone)
        {
            var utc = DateTime.SpecifyKind(value.Instant + by, DateTimeKind.Utc);
            return FeelDateTime.InZone(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), zone);
        }

        return new FeelDateTime(value.Local + by, value.Offset, null);
    }

    private static TimeSpan Distance(FeelDateTime a, FeelDateTime b) =>
        a.Offset.HasValue && b.Offset.HasValue ? a.Instant - b.Instant : a.Local - b.Local;

    private static FeelDateTime Midnight(FeelDate date, FeelDateTime like) =>
        new FeelDateTime(date.Value.ToDateTime(TimeOnly.MinValue), like.Offset, null);

    private static TimeSpan TimeOfDay(FeelTime time) => time.Value.ToTimeSpan() - (time.Offset ?? TimeSpan.Zero);
}
