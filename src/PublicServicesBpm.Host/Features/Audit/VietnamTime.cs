using System.Globalization;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>
/// Instants are stored in UTC and shown in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since
/// 1975, so a fixed offset is exact for every date the log can hold (and needs no time-zone data on the machine).
/// </summary>
internal static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public const string DateFormat = "dd/MM/yyyy";

    public const string DateTimeFormat = "dd/MM/yyyy HH:mm:ss";

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant the local day begins (00:00 in Vietnam).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The last instant of the local day the database can hold (timestamps keep microseconds).</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1)).AddTicks(-10);

    public static string FormatDateTime(DateTimeOffset instant) => ToLocal(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads dd/MM/yyyy (as shown), or yyyy-MM-dd (what a browser's date picker sends); years 1900–9998 only.</summary>
    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), [DateFormat, "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && day.Year is >= 1900 and <= 9998;
}
