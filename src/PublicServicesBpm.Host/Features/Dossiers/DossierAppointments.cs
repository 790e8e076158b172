using System.Text.Json;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Dossiers.Timeliness;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// The legal time limit a dossier was received under, as stored on the dossier (<c>app.dossiers.time_limit</c>): the
/// case's limit for the dossier's channel, whether it is a same-day procedure, and whether a complete supplement
/// restarts the full limit (a per-procedure setting).
/// </summary>
internal sealed record DossierTimeLimit(decimal Value, string Unit, bool SameDay, bool RestartAfterSupplement)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DossierTimeLimit? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<DossierTimeLimit>(json, Json);

    public LegalTimeLimit Legal => LegalTimeLimit.FromCatalogue(Value, Unit);
}

/// <summary>
/// Appointment arithmetic (ngày hẹn trả) on the receiving agency's business calendar (requirements/lifecycle.md, "Time").
/// </summary>
internal static class DossierAppointments
{
    /// <summary>
    /// The appointment (in UTC, as stored) of a dossier whose clock starts at <paramref name="start"/>: working days or hours of office
    /// time (a start after closing counts from the next opening); calendar days end at closing time on the due date,
    /// moved off days off; a same-day procedure is due at closing time today, or the next working day after 15:00.
    /// </summary>
    public static DateTimeOffset Due(VietnamBusinessCalendar calendar, DateTimeOffset start, DossierTimeLimit limit) =>
        LocalDue(calendar, start, limit).ToUniversalTime();

    private static DateTimeOffset LocalDue(VietnamBusinessCalendar calendar, DateTimeOffset start, DossierTimeLimit limit)
    {
        if (limit.SameDay)
        {
            return calendar.SameDayResultDue(start);
        }
        var legal = limit.Legal;
        switch (legal.Unit)
        {
            case TimeLimitUnit.CalendarDays:
                var from = TimeZoneInfo.ConvertTime(calendar.AddWorkingTime(start, TimeSpan.Zero), calendar.TimeZone);
                var day = DateOnly.FromDateTime(from.DateTime).AddDays((int)Math.Ceiling(legal.Value));
                while (!calendar.IsWorkingDay(day))
                {
                    day = day.AddDays(1);
                }
                var close = day.ToDateTime(calendar.OfficeHours(day)[^1].Close);
                return new DateTimeOffset(close, calendar.TimeZone.GetUtcOffset(close));
            case TimeLimitUnit.WorkingHours:
                return calendar.AddWorkingTime(start, TimeSpan.FromTicks((long)(legal.Value * TimeSpan.TicksPerHour)));
            default:
                return calendar.AddWorkingTime(start, TimeSpan.FromTicks((long)(legal.Value * calendar.WorkingDayLength.Ticks)));
        }
    }

    /// <summary>The appointment moved forward by <paramref name="paused"/> working time (no move for no pause).</summary>
    public static DateTimeOffset AfterPause(IBusinessCalendar calendar, DateTimeOffset appointment, TimeSpan paused) =>
        paused > TimeSpan.Zero ? calendar.AddWorkingTime(appointment, paused).ToUniversalTime() : appointment;
}
