using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Evaluation;

/// <summary>"a.b": context entries, the same path over every list item, and the properties FEEL defines on temporal values and ranges.</summary>
internal static class Paths
{
    public static FeelValue Select(FeelValue target, string name) => target switch
    {
        FeelContextValue context => context.Get(name),
        FeelList list => new FeelList([.. list.Items.Select(item => Select(item, name))]),
        FeelDate date => DateProperty(date.Value, name),
        FeelDateTime dateTime => DateTimeProperty(dateTime, name),
        FeelTime time => TimeProperty(time.Value, time.Offset, name),
        FeelDaysTimeDuration duration => DaysTimeProperty(duration.Value, name),
        FeelYearsMonthsDuration duration => name switch
        {
            "years" => new FeelNumber(duration.TotalMonths / 12),
            "months" => new FeelNumber(duration.TotalMonths % 12),
            _ => FeelValue.Null,
        },
        FeelRange range => name switch
        {
            "start" => range.Start,
            "end" => range.End,
            "start included" => FeelBoolean.Of(range.StartIncluded),
            "end included" => FeelBoolean.Of(range.EndIncluded),
            _ => FeelValue.Null,
        },
        _ => FeelValue.Null,
    };

    private static FeelValue DateProperty(DateOnly date, string name) => name switch
    {
        "year" => new FeelNumber(date.Year),
        "month" => new FeelNumber(date.Month),
        "day" => new FeelNumber(date.Day),
        // FEEL numbers weekdays 1 (Monday) to 7 (Sunday), as ISO 8601 does.
        "weekday" => new FeelNumber(date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek),
        _ => FeelValue.Null,
    };

    private static FeelValue DateTimeProperty(FeelDateTime value, string name)
    {
        var date = DateProperty(DateOnly.FromDateTime(value.Local), name);
        return date.IsNull ? TimeProperty(TimeOnly.FromDateTime(value.Local), value.Offset, name, value.Zone) : date;
    }

    private static FeelValue TimeProperty(TimeOnly time, TimeSpan? offset, string name, TimeZoneInfo? zone = null) => name switch
    {
        "hour" => new FeelNumber(time.Hour),
        "minute" => new FeelNumber(time.Minute),
        "second" => new FeelNumber(time.Second + (time.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond)),
        "time offset" => offset is { } known ? new FeelDaysTimeDuration(known) : FeelValue.Null,
        "timezone" => zone is null ? FeelValue.Null : new FeelString(zone.Id),
        _ => FeelValue.Null,
    };

    private static FeelValue DaysTimeProperty(TimeSpan duration, string name) => name switch
    {
        "days" => new FeelNumber(duration.Days),
        "hours" => new FeelNumber(duration.Hours),
        "minutes" => new FeelNumber(duration.Minutes),
        "seconds" => new FeelNumber(duration.Seconds),
        _ => FeelValue.Null,
    };
}
