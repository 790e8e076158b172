using Microsoft.AspNetCore.Mvc;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Calendar;

/// <summary>
/// <c>/api/v1/calendar</c> (anyone, rate-limited): the non-ordinary days of a year and working-time arithmetic for an
/// agency; <c>/api/v1/admin/calendar/adjustments</c> (administrators): substitute days and swaps with their history.
/// </summary>
internal static class CalendarEndpoints
{
    public static IServiceCollection AddBusinessCalendar(this IServiceCollection services)
    {
        services.AddSingleton<AdministeredCalendars>();
        services.AddSingleton<IBusinessCalendarSource>(provider => provider.GetRequiredService<AdministeredCalendars>());
        services.AddScoped<CalendarAdjustments>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/v1/calendar").WithTags("Business calendar").AllowAnonymous().RequireRateLimiting(RateLimits.PublicLookup);
        open.MapGet("/days", DaysAsync)
            .WithName("GetCalendarDays")
            .WithSummary("Holidays, substitute days and swapped working days of a year")
            .WithDescription("Statutory holidays (lunar ones computed) and the adjustments in force for the agency (or for every agency), as of `asOf` (default now).")
            .Produces<IReadOnlyList<CalendarDayView>>()
            .ProducesValidationProblem();
        open.MapGet("/add", AddAsync)
            .WithName("AddWorkingTime")
            .WithSummary("The instant a working-time duration ends")
            .WithDescription("`instant` + `duration` (ISO 8601, e.g. P3D = 3 working days of 8 h, PT4H) on the agency's calendar; `basis=calendar` counts calendar days and moves a due date off non-working days; `sameDay=true` applies the same-day rule (received after 15:00 → next working day).")
            .Produces<WorkingTimeResult>()
            .ProducesValidationProblem();
        var admin = endpoints.MapGroup("/api/v1/admin/calendar/adjustments").WithTags("Business calendar").RequireAuthorization(Policies.Administrator);
        admin.MapGet("", ListAsync)
            .WithName("ListCalendarAdjustments")
            .WithSummary("Adjustments of a year, withdrawn ones included")
            .Produces<IReadOnlyList<CalendarAdjustmentView>>();
        admin.MapPost("", (AddCalendarAdjustmentRequest request, HttpContext context, CalendarAdjustments adjustments, CancellationToken cancellationToken) =>
                adjustments.AddAsync(request, Actor(context), cancellationToken))
            .WithName("AddCalendarAdjustment")
            .WithSummary("Declare a substitute day off or a swapped working day")
            .Produces<CalendarAdjustmentView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawCalendarAdjustmentRequest request, HttpContext context, CalendarAdjustments adjustments, CancellationToken cancellationToken) =>
                adjustments.WithdrawAsync(id, request, Actor(context), cancellationToken))
            .WithName("WithdrawCalendarAdjustment")
            .WithSummary("Withdraw an adjustment (kept in the history)")
            .Produces<CalendarAdjustmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static string Actor(HttpContext context) => context.User.Identity?.Name ?? "unknown";

    private static async Task<IResult> ListAsync(int? year, string? agency, CalendarAdjustments adjustments, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wanted = year ?? clock.GetUtcNow().Year;
        return wanted is < 1900 or > 2199
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["The year is between 1900 and 2199."] })
            : Results.Ok(await adjustments.ListAsync(wanted, agency, cancellationToken));
    }

    private static async Task<IResult> DaysAsync(int? year, string? agency, DateTimeOffset? asOf, AdministeredCalendars calendars, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var wanted = year ?? now.Year;
        if (wanted is < 1900 or > 2199)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["The year is between 1900 and 2199."] });
        }
        var calendar = asOf is { } past ? await calendars.AsOfAsync(agency, past, cancellationToken) : await calendars.CurrentAsync(agency, cancellationToken);
        return Results.Ok(CalendarDays.Of(calendar, wanted));
    }

    private static async Task<IResult> AddAsync(
        [FromQuery] DateTimeOffset? instant, [FromQuery] string? duration, [FromQuery] string? agency, [FromQuery] string? basis, [FromQuery] bool? sameDay,
        AdministeredCalendars calendars, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (instant is null)
        {
            errors["instant"] = ["Give the start instant, e.g. 2026-11-26T09:00:00+07:00."];
        }
        IsoDuration parsed = default;
        if (sameDay != true && (duration is null || !IsoDuration.TryParse(duration, out parsed)))
        {
            errors["duration"] = ["Give an ISO 8601 duration, e.g. P3D or PT4H."];
        }
        if (basis is not (null or "working" or "calendar"))
        {
            errors["basis"] = ["The basis is 'working' (default) or 'calendar'."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var calendar = await calendars.CurrentAsync(agency, cancellationToken);
        try
        {
            var due = sameDay == true
                ? calendar.SameDayResultDue(instant!.Value)
                : calendar.AddDuration(instant!.Value, parsed, basis == "calendar" ? TimeBasis.CalendarTime : TimeBasis.WorkingTime);
            return Results.Ok(new WorkingTimeResult(TimeZoneInfo.ConvertTime(due, calendar.TimeZone), agency));
        }
        catch (ArgumentOutOfRangeException exception)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["duration"] = [exception.Message] });
        }
    }
}

/// <summary>The non-ordinary days of a year on a calendar: days off (statutory or declared) and declared working days.</summary>
internal static class CalendarDays
{
    public static List<CalendarDayView> Of(VietnamBusinessCalendar calendar, int year)
    {
        var days = calendar.Holidays.ForYear(year)
            .Select(h => h.Kind == PublicHolidayKind.Declared
                ? new CalendarDayView(h.Date, CalendarAdjustmentKinds.DayOff, h.NameVi, h.NameEn, "adjustment")
                : new CalendarDayView(h.Date, "holiday", h.NameVi, h.NameEn, "statutory"))
            .ToList();
        days.AddRange(calendar.Holidays.WorkingDays(year)
            .Select(a => new CalendarDayView(a.Date, CalendarAdjustmentKinds.WorkingDay, a.NameVi, a.NameEn, "adjustment")));
        return [.. days.OrderBy(d => d.Date)];
    }
}
