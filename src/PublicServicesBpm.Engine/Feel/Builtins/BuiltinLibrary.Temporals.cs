using System.Globalization;
using PublicServicesBpm.Engine.Feel.Evaluation;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

internal static partial class BuiltinLibrary
{
    private static void AddTemporals(Define add, DefineTwoSignatures addTwoSignatures)
    {
        addTwoSignatures("date", ["from", "month", "day"], ["year"], Date);
        addTwoSignatures("time", ["from", "minute", "second", "offset"], ["hour"], Time);
        addTwoSignatures("date and time", ["from", "time"], ["date"], DateAndTime);
        add("duration", ["from"], i => i.Text(0) is { } s ? TemporalText.ParseDuration(s) : Null);
        add("years and months duration", ["from", "to"], YearsAndMonths);
        add("now", [], i => new FeelDateTime(LocalNow(i).DateTime, null, null));
        add("today", [], i => new FeelDate(DateOnly.FromDateTime(LocalNow(i).DateTime)));
        add("day of week", ["date"], i => DateOf(i[0]) is { } d ? Str(d.DayOfWeek.ToString()) : Null);
        add("day of year", ["date"], i => DateOf(i[0]) is { } d ? Num(d.DayOfYear) : Null);
        add("month of year", ["date"], i => DateOf(i[0]) is { } d ? Str(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)) : Null);
        add("week of year", ["date"], i => DateOf(i[0]) is { } d ? Num(ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))) : Null);
    }

    // The clock comes from the context's TimeProvider so tests and replays control "now";
    // the wall clock is read in the context's zone (Asia/Ho_Chi_Minh unless configured).
    private static DateTimeOffset LocalNow(Invocation i) =>
        TimeZoneInfo.ConvertTime(i.Run.Context.TimeProvider.GetUtcNow(), i.Run.Context.TimeZone);

    private static DateOnly? DateOf(FeelValue value) => value switch
    {
        FeelDate d => d.Value,
        FeelDateTime dt => DateOnly.FromDateTime(dt.Local),
        _ => null,
    };

    private static FeelValue Date(Invocation i)
    {
        if (i.Count >= 3)
        {
            return i.Integer(0) is { } y && i.Integer(1) is { } m && i.Integer(2) is { } d
                && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
                ? new FeelDate(new DateOnly(y, m, d))
                : Null;
        }

        return i[0] switch
        {
            FeelString s => TemporalText.ParseDate(s.Value),
            FeelDate d => d,
            FeelDateTime dt => new FeelDate(DateOnly.FromDateTime(dt.Local)),
            _ => Null,
        };
    }

    private static FeelValue Time(Invocation i)
    {
        if (i.Count >= 3)
        {
            if (i.Integer(0) is not { } h || i.Integer(1) is not { } m || i.Number(2) is not { } s
                || h is < 0 or > 23 || m is < 0 or > 59 || s < 0 || s >= 60)
            {
                return Null;
            }

            TimeSpan? offset = i[3] switch
            {
                FeelDaysTimeDuration d => d.Value,
                _ => null,
            };
            if (!i[3].IsNull && offset is null)
            {
                return Null;
            }

            var clock = new TimeOnly(h, m).Add(TimeSpan.FromTicks((long)(s * TimeSpan.TicksPerSecond)));
            return new FeelTime(clock, offset);
        }

        return i[0] switch
        {
            FeelString s => TemporalText.ParseTime(s.Value),
            FeelTime t => t,
            FeelDate => new FeelTime(TimeOnly.MinValue, TimeSpan.Zero),
            FeelDateTime dt => new FeelTime(TimeOnly.FromDateTime(dt.Local), dt.Offset),
            _ => Null,
        };
    }

    private static FeelValue DateAndTime(Invocation i)
    {
        if (i.Count >= 2)
        {
            var day = DateOf(i[0]);
            return day is { } d && i[1] is FeelTime t
                ? new FeelDateTime(d.ToDateTime(t.Value), t.Offset, null)
                : Null;
        }

        return i[0] switch
        {
            FeelString s => TemporalText.ParseDateTime(s.Value),
            FeelDateTime dt => dt,
            FeelDate d => new FeelDateTime(d.Value.ToDateTime(TimeOnly.MinValue), null, null),
            _ => Null,
        };
    }

    private static FeelValue YearsAndMonths(Invocation i)
    {
        if (DateOf(i[0]) is not { } from || DateOf(i[1]) is not { } to)
        {
            return Null;
        }

        // Whole months between the two dates, counted towards zero.
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (months > 0 && to.Day < from.Day)
        {
            months--;
        }
        else if (months < 0 && to.Day > from.Day)
        {
            months++;
        }

        return new FeelYearsMonthsDuration(months);
    }
}
