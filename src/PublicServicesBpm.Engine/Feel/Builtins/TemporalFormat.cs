using System.Globalization;
using System.Text;
using PublicServicesBpm.Engine.Feel.Values;

namespace PublicServicesBpm.Engine.Feel.Builtins;

/// <summary>ISO 8601 text for temporal values, as string() and JSON conversion produce it.</summary>
internal static class TemporalFormat
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time, TimeSpan? offset) => Clock(time) + Offset(offset);

    public static string DateTime(FeelDateTime value)
    {
        var text = Date(DateOnly.FromDateTime(value.Local)) + "T" + Clock(TimeOnly.FromDateTime(value.Local));
        return value.Zone is { } zone ? text + "@" + zone.Id : text + Offset(value.Offset);
    }

    public static string DaysTime(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var rest = duration.Duration();
        var text = new StringBuilder(duration < TimeSpan.Zero ? "-P" : "P");
        if (rest.Days > 0)
        {
            text.Append(rest.Days).Append('D');
        }

        var seconds = rest.Seconds + (rest.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond);
        if (rest.Hours > 0 || rest.Minutes > 0 || seconds > 0)
        {
            text.Append('T');
            text.Append(rest.Hours > 0 ? $"{rest.Hours}H" : "").Append(rest.Minutes > 0 ? $"{rest.Minutes}M" : "");
            text.Append(seconds > 0 ? NumberFormat.Render(seconds) + "S" : "");
        }

        return text.ToString();
    }

    public static string YearsMonths(int totalMonths)
    {
        if (totalMonths == 0)
        {
            return "P0M";
        }

        var months = Math.Abs((long)totalMonths);
        var years = months / 12;
        var text = (totalMonths < 0 ? "-P" : "P") + (years > 0 ? $"{years}Y" : "");
        return text + (months % 12 > 0 ? $"{months % 12}M" : "");
    }

    private static string Clock(TimeOnly time)
    {
        var text = time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        // Milliseconds at least, as JavaScript (and so form-js) writes them: 10:30:00.500.
        return fraction == 0 ? text : text + "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0').PadRight(3, '0');
    }

    private static string Offset(TimeSpan? offset) => offset switch
    {
        null => "",
        { Ticks: 0 } => "Z",
        { } known => (known < TimeSpan.Zero ? "-" : "+") + known.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
    };
}
