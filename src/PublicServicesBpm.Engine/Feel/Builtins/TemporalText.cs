using System.Globalization;
using System.Text.RegularExpressions;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>Reads the ISO 8601 forms FEEL uses for dates, times, date-times and durations. Anything else is null.</summary>
internal static partial class TemporalText
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-]\d{2}:\d{2})|@([A-Za-z_+\-/0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>The value of an @"..." literal: a duration, a time, a date-time or a date.</summary>
    public static FeelValue ParseLiteral(string text) =>
        text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal) ? ParseDuration(text)
        : text.Contains('T', StringComparison.Ordinal) ? ParseDateTime(text)
        : text.Contains(':', StringComparison.Ordinal) ? ParseTime(text)
        : ParseDate(text);

    public static FeelValue ParseDate(string text)
    {
        var match = DatePattern().Match(text);
        return match.Success && TryDate(match, out var date) ? new FeelDate(date) : FeelValue.Null;
    }

    public static FeelValue ParseTime(string text) =>
        TryTime(text, out var time, out var offset, out var zone) && zone is null ? new FeelTime(time, offset) : FeelValue.Null;

    /// <summary>A date-time, or a bare date read as its midnight, as FEEL's date and time("2024-01-01") requires.</summary>
    public static FeelValue ParseDateTime(string text)
    {
        var separator = text.IndexOf('T', StringComparison.Ordinal);
        if (separator < 0)
        {
            return ParseDate(text) is FeelDate date ? new FeelDateTime(date.Value.ToDateTime(TimeOnly.MinValue), null, null) : FeelValue.Null;
        }

        var datePart = DatePattern().Match(text[..separator]);
        if (!datePart.Success || !TryDate(datePart, out var day) || !TryTime(text[(separator + 1)..], out var clock, out var offset, out var zone))
        {
            return FeelValue.Null;
        }

        var local = day.ToDateTime(clock);
        return zone is not null ? FeelDateTime.InZone(local, zone) : new FeelDateTime(local, offset, null);
    }

    public static FeelValue ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || text.EndsWith('T') || text is "P" or "-P")
        {
            return FeelValue.Null;
        }

        var sign = match.Groups[1].Success ? -1 : 1;
        var hasYearMonth = match.Groups[2].Success || match.Groups[3].Success;
        var hasDayTime = Enumerable.Range(4, 5).Any(g => match.Groups[g].Success);
        if (hasYearMonth && hasDayTime)
        {
            // FEEL has no duration mixing months with days: their lengths are not comparable.
            return FeelValue.Null;
        }

        if (hasYearMonth)
        {
            var months = checked((Whole(match, 2) * 12) + Whole(match, 3));
            return new FeelYearsMonthsDuration(checked((int)(sign * months)));
        }

        var seconds = match.Groups[8].Success ? decimal.Parse(match.Groups[8].Value, CultureInfo.InvariantCulture) : 0m;
        var ticks = (((((Whole(match, 4) * 7) + Whole(match, 5)) * 24 + Whole(match, 6)) * 60 + Whole(match, 7)) * 60 * TimeSpan.TicksPerSecond)
            + (seconds * TimeSpan.TicksPerSecond);
        return ticks > TimeSpan.MaxValue.Ticks ? FeelValue.Null : new FeelDaysTimeDuration(TimeSpan.FromTicks(sign * (long)ticks));
    }

    private static decimal Whole(Match match, int group) =>
        match.Groups[group].Success ? decimal.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0m;

    private static bool TryDate(Match match, out DateOnly date) =>
        DateOnly.TryParseExact($"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryTime(string text, out TimeOnly time, out TimeSpan? offset, out TimeZoneInfo? zone)
    {
        time = default;
        offset = null;
        zone = null;
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var second = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        var fraction = match.Groups[4].Success ? long.Parse(match.Groups[4].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fraction));
        if (match.Groups[5].Success)
        {
            offset = TimeSpan.Zero;
        }
        else if (match.Groups[6].Success)
        {
            offset = TimeSpan.ParseExact(match.Groups[6].Value[1..], @"hh\:mm", CultureInfo.InvariantCulture);
            offset = match.Groups[6].Value[0] == '-' ? -offset : offset;
            if (offset.Value.Duration() > TimeSpan.FromHours(14))
            {
                return false;
            }
        }
        else if (match.Groups[7].Success)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(match.Groups[7].Value, out zone))
            {
                return false;
            }
        }

        return true;
    }
}
