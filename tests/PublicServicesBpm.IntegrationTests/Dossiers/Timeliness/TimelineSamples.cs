using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Dossiers.Timeliness;

namespace PublicServicesBpm.IntegrationTests.Dossiers.Timeliness;

/// <summary>Concrete instants in Vietnam (UTC+7) and timelines built from them.</summary>
internal static class TimelineSamples
{
    /// <summary>The real calendar: Mon–Fri 07:30–11:30 and 13:00–17:00; Tết 2026 closes Mon 16 to Fri 20 Feb.</summary>
    public static TimelinessClassifier Classifier { get; } = new(new VietnamBusinessCalendar());

    /// <summary>A reporting period that ends long after every sample, so that only the dossier's own facts count.</summary>
    public static DateTimeOffset LatePeriodEnd { get; } = At(2026, 12, 31, 23, 59);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static StatusChange Status(int code, DateTimeOffset at) => new(code, at);

    /// <summary>Received (2) and in processing (4) at <paramref name="receivedAt"/>, with the appointment of form 01.</summary>
    public static DossierTimeline Received(DateTimeOffset receivedAt, DateTimeOffset? appointment, params StatusChange[] later) => new()
    {
        Start = receivedAt,
        Appointment = appointment,
        StatusHistory = [Status(2, receivedAt), Status(4, receivedAt), .. later],
        PeriodEnd = LatePeriodEnd,
    };
}
