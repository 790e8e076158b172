using System.Globalization;
using System.Text.Json;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Host.Features.Calendar;

namespace PublicServicesBpm.Host.Commands;

/// <summary>
/// <c>calendar holidays &lt;year&gt; [--agency &lt;code&gt;]</c> prints the year's days off (and declared working days)
/// as JSON; <c>calendar add &lt;instant&gt; &lt;duration&gt; [--agency &lt;code&gt;]</c> prints the instant plus an ISO-8601
/// duration counted in working time (e.g. P3D = 3 working days). Without <c>--agency</c> they use the statutory
/// calendar and need no database; with it, the agency's administered calendar (office hours, substitute days).
/// </summary>
internal static class CalendarCommand
{
    public const string Name = "calendar";

    private const string Usage = "Usage: calendar holidays <year 1900-2199> [--agency <code>] | calendar add <instant> <ISO-8601 duration> [--agency <code>]";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Splits <c>--agency &lt;code&gt;</c> off the arguments; false when it is given without a code.</summary>
    public static bool TryTakeAgency(IReadOnlyList<string> arguments, out string? agencyCode, out string[] rest)
    {
        var index = arguments.ToList().IndexOf("--agency");
        agencyCode = null;
        rest = [.. arguments];
        if (index < 0)
        {
            return true;
        }
        if (index + 1 >= arguments.Count || arguments[index + 1].StartsWith('-'))
        {
            return false;
        }
        agencyCode = arguments[index + 1];
        rest = [.. arguments.Take(index), .. arguments.Skip(index + 2)];
        return true;
    }

    /// <summary>Runs on the statutory calendar (no database).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output) =>
        RunAsync(arguments, new VietnamBusinessCalendar(), output);

    /// <summary>Runs on the administered calendar of <paramref name="agencyCode"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string agencyCode, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        await using (var exists = services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("SELECT EXISTS (SELECT 1 FROM app.agencies WHERE code = @code)"))
        {
            exists.Parameters.AddWithValue("code", agencyCode);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await output.WriteLineAsync($"error: no agency has the code '{agencyCode}'");
                return 1;
            }
        }
        var calendar = await services.GetRequiredService<AdministeredCalendars>().CurrentAsync(agencyCode, cancellationToken);
        return await RunAsync(arguments, calendar, output);
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> arguments, VietnamBusinessCalendar calendar, TextWriter output)
    {
        switch (arguments)
        {
            case ["holidays", var yearText] when int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2199:
                var days = CalendarDays.Of(calendar, year).Select(d => new
                {
                    date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind = d.Kind, nameVi = d.NameVi, nameEn = d.NameEn, source = d.Source,
                });
                await output.WriteLineAsync(JsonSerializer.Serialize(days, s_json));
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
                await output.WriteLineAsync(Usage);
                return 64;
        }
    }
}
