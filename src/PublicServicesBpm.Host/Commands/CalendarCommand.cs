using System.Globalization;
using System.Text.Json;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Host.Commands;

/// <summary>
/// <c>calendar holidays &lt;year&gt;</c> prints the year's public holidays as JSON; <c>calendar add &lt;instant&gt; &lt;duration&gt;</c>
/// prints the instant plus an ISO-8601 duration counted in working time (e.g. P3D = 3 working days). Both use the
/// host's business calendar with its default settings and need no database. Per-agency calendars (<c>--agency</c>)
/// arrive with the administered calendar.
/// </summary>
internal static class CalendarCommand
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output)
    {
        var calendar = new VietnamBusinessCalendar();
        switch (arguments)
        {
            case ["holidays", var yearText] when int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2199:
                var holidays = calendar.Holidays.ForYear(year)
                    .Select(h => new { date = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind = h.Kind.ToString(), nameVi = h.NameVi, nameEn = h.NameEn });
                await output.WriteLineAsync(JsonSerializer.Serialize(holidays, s_json));
                return 0;
            case ["add", var instantText, var durationText]:
                if (!DateTimeOffset.TryParse(instantText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                {
                    await output.WriteLineAsync($"error: '{instantText}' is not an instant; write e.g. 2026-11-26T09:00:00+07:00");
                    return 1;
                }
                if (!IsoDuration.TryParse(durationText, out var duration))
                {
                    await output.WriteLineAsync($"error: '{durationText}' is not an ISO-8601 duration; write e.g. P3D or PT4H");
                    return 1;
                }
                try
                {
                    var due = calendar.AddDuration(instant, duration, TimeBasis.WorkingTime);
                    await output.WriteLineAsync(TimeZoneInfo.ConvertTime(due, calendar.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                    return 0;
                }
                catch (ArgumentOutOfRangeException exception)
                {
                    await output.WriteLineAsync($"error: {exception.Message}");
                    return 1;
                }
            default:
                await output.WriteLineAsync("Usage: calendar holidays <year 1900-2199> | calendar add <instant> <ISO-8601 duration>");
                return 64;
        }
    }
}
