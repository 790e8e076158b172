namespace PublicServicesBpm.Engine.Calendar;

/// <summary>The settings of one agency's <see cref="VietnamBusinessCalendar"/>; every property has the common default.</summary>
public sealed record VietnamBusinessCalendarOptions
{
    /// <summary>Office hours Monday to Friday, in order and not overlapping. Default 07:30–11:30 and 13:00–17:00.</summary>
    public IReadOnlyList<OfficePeriod> WeekdayHours { get; init; } = [OfficePeriod.Morning, OfficePeriod.Afternoon];

    /// <summary>Office hours on Saturday; empty (closed) by default. Centres open on Saturday morning set <c>[OfficePeriod.Morning]</c>.</summary>
    public IReadOnlyList<OfficePeriod> SaturdayHours { get; init; } = [];

    /// <summary>The working time that makes one working day. Default 8 hours.</summary>
    public TimeSpan WorkingDayLength { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Same-day procedures received at or after this local time get their result on the next working day. Default 15:00.</summary>
    public TimeOnly SameDayCutoff { get; init; } = new(15, 0);

    /// <summary>The IANA zone of the office hours. Default Asia/Ho_Chi_Minh.</summary>
    public string TimeZoneId { get; init; } = "Asia/Ho_Chi_Minh";

    /// <summary>The open choices of Labour Code art. 112 (Tết span, National Day's second day).</summary>
    public VietnamHolidayRules HolidayRules { get; init; } = new();

    /// <summary>Administrator-entered days off and working days (substitute days, swaps); none by default.</summary>
    public IReadOnlyList<CalendarAdjustment> Adjustments { get; init; } = [];
}
