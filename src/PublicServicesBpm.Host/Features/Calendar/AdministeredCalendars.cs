using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.Host.Features.Calendar;

/// <summary>
/// The business calendars as administered in the database: the statutory holidays (computed), the agency's office
/// hours (<c>app.agencies.weekday_hours / saturday_hours</c>) and the substitute days and swaps entered by
/// administrators for every agency or one (<c>app.calendar_adjustments</c>). The engine asks for the calendar of an
/// instance's agency on every command; calendars are cached per agency for <see cref="Freshness"/> (changes made on
/// this host take effect at once, on other hosts within that time).
/// </summary>
internal sealed class AdministeredCalendars(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AdministeredCalendars> logger) : IBusinessCalendarSource
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset LoadedAt, VietnamBusinessCalendar Calendar)> _cache = new(StringComparer.Ordinal);

    async ValueTask<IBusinessCalendar> IBusinessCalendarSource.ForAgencyAsync(string? agencyCode, CancellationToken cancellationToken) =>
        await CurrentAsync(agencyCode, cancellationToken);

    /// <summary>The calendar in force now for the agency (or the common one for null or an unknown agency).</summary>
    public async ValueTask<VietnamBusinessCalendar> CurrentAsync(string? agencyCode, CancellationToken cancellationToken)
    {
        var key = agencyCode ?? string.Empty;
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now - cached.LoadedAt < Freshness)
        {
            return cached.Calendar;
        }
        var calendar = await AsOfAsync(agencyCode, now, cancellationToken);
        _cache[key] = (now, calendar);
        return calendar;
    }

    /// <summary>Forgets the cached calendars (after an administrator changed adjustments or office hours here).</summary>
    public void Invalidate() => _cache.Clear();

    /// <summary>
    /// The calendar as it was at <paramref name="asOf"/>: the adjustments recorded by then and not yet withdrawn then.
    /// An agency's own adjustment wins over a national one on the same date. Office hours are the agency's current ones.
    /// </summary>
    public async Task<VietnamBusinessCalendar> AsOfAsync(string? agencyCode, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var adjustments = await AdjustmentsAsync(connection, agencyCode, asOf, cancellationToken);
        var (weekday, saturday) = agencyCode is null ? (null, null) : await OfficeHoursAsync(connection, agencyCode, cancellationToken);
        var defaults = new VietnamBusinessCalendarOptions { Adjustments = adjustments };
        try
        {
            var weekdayHours = Periods(weekday, agencyCode) ?? defaults.WeekdayHours;
            return new VietnamBusinessCalendar(defaults with
            {
                WeekdayHours = weekdayHours,
                SaturdayHours = Periods(saturday, agencyCode) ?? defaults.SaturdayHours,
                // A working day is the agency's weekday office day (7.5 h where the afternoon opens at 13:30), so that
                // "3 working days" from Monday 09:00 ends Thursday 09:00 whatever the agency's hours.
                WorkingDayLength = weekdayHours.Aggregate(TimeSpan.Zero, (total, period) => total + period.Length),
            });
        }
        catch (ArgumentException exception)
        {
            logger.LogWarning(exception, "Agency {AgencyCode} has office hours the calendar refuses; using the default office hours", agencyCode);
            return new VietnamBusinessCalendar(defaults);
        }
    }

    private static async Task<List<CalendarAdjustment>> AdjustmentsAsync(
        NpgsqlConnection connection, string? agencyCode, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT date, kind, name_vi, name_en, agency_code IS NOT NULL FROM app.calendar_adjustments
            WHERE (agency_code IS NULL OR agency_code = @agency)
              AND recorded_at <= @as_of AND (withdrawn_at IS NULL OR withdrawn_at > @as_of)
            """, connection);
        command.Parameters.AddWithValue("agency", (object?)agencyCode ?? DBNull.Value);
        command.Parameters.AddWithValue("as_of", asOf.ToUniversalTime());
        var byDate = new Dictionary<DateOnly, (CalendarAdjustment Adjustment, bool OwnAgency)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var date = reader.GetFieldValue<DateOnly>(0);
            var kind = reader.GetString(1) == CalendarAdjustmentKinds.WorkingDay ? CalendarAdjustmentKind.WorkingDay : CalendarAdjustmentKind.DayOff;
            var own = reader.GetBoolean(4);
            if (!byDate.TryGetValue(date, out var existing) || own && !existing.OwnAgency)
            {
                byDate[date] = (new CalendarAdjustment(date, kind, reader.GetString(2), reader.GetString(3)), own);
            }
        }
        return [.. byDate.Values.Select(v => v.Adjustment).OrderBy(a => a.Date)];
    }

    private static async Task<(string[]? Weekday, string[]? Saturday)> OfficeHoursAsync(NpgsqlConnection connection, string agencyCode, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT weekday_hours, saturday_hours FROM app.agencies WHERE code = @code", connection);
        command.Parameters.AddWithValue("code", agencyCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.IsDBNull(0) ? null : reader.GetFieldValue<string[]>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<string[]>(1))
            : (null, null);
    }

    /// <summary>"07:30-11:30" periods; stored values that do not parse fall back to the defaults (and are logged).</summary>
    private List<OfficePeriod>? Periods(string[]? texts, string? agencyCode)
    {
        if (texts is null)
        {
            return null;
        }
        var periods = new List<OfficePeriod>(texts.Length);
        foreach (var text in texts)
        {
            if (!TryParsePeriod(text, out var period))
            {
                logger.LogWarning("Agency {AgencyCode} has an office period {Period} that is not HH:mm-HH:mm; using the default office hours", agencyCode, text);
                return null;
            }
            periods.Add(period);
        }
        return periods;
    }

    public static bool TryParsePeriod(string text, out OfficePeriod period)
    {
        period = default!;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            || closes <= opens)
        {
            return false;
        }
        period = new OfficePeriod(opens, closes);
        return true;
    }
}

/// <summary>The stored kinds of <c>app.calendar_adjustments</c>.</summary>
internal static class CalendarAdjustmentKinds
{
    public const string DayOff = "day-off";
    public const string WorkingDay = "working-day";
}
