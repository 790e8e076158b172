namespace PublicServicesBpm.Host.Features.Calendar;

/// <summary>A day of the calendar that is not an ordinary day: a statutory holiday, or an administrator's adjustment.</summary>
/// <param name="Date">The local date (yyyy-MM-dd).</param>
/// <param name="Kind"><c>holiday</c> (statutory), <c>day-off</c> (substitute day) or <c>working-day</c> (a swapped day worked).</param>
/// <param name="NameVi">Vietnamese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Source"><c>statutory</c> (Labour Code art. 112) or <c>adjustment</c> (entered by an administrator).</param>
public sealed record CalendarDayView(DateOnly Date, string Kind, string NameVi, string NameEn, string Source);

/// <summary>An administrator's adjustment with its history.</summary>
public sealed record CalendarAdjustmentView(
    Guid Id, DateOnly Date, string Kind, string NameVi, string NameEn, string? AgencyCode,
    DateTimeOffset RecordedAt, string RecordedBy, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason);

/// <summary>A new adjustment. <c>Kind</c>: <c>day-off</c> or <c>working-day</c>; no agency = every agency.</summary>
public sealed record AddCalendarAdjustmentRequest(DateOnly? Date, string? Kind, string? NameVi, string? NameEn, string? AgencyCode);

/// <summary>Why an adjustment is withdrawn (kept in its history).</summary>
public sealed record WithdrawCalendarAdjustmentRequest(string? Reason);

/// <summary>The result of counting working time: the instant, in Vietnam time.</summary>
public sealed record WorkingTimeResult(DateTimeOffset Instant, string? AgencyCode);
