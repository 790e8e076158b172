using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Calendar;

namespace PublicServicesBpm.Host.Features.Calendar;

/// <summary>
/// Administrators' substitute days and swapped working days. Entering one or withdrawing one is a new fact with who
/// and when (and why, for a withdrawal); nothing is overwritten, so the calendar of any past instant can be rebuilt.
/// Each change is audited in the same transaction and clears this host's calendar cache.
/// </summary>
internal sealed class CalendarAdjustments(AppDbContext db, AuditTrail audit, AdministeredCalendars calendars, TimeProvider clock)
{
    public const string AddedAction = "calendar.adjustment-added";
    public const string WithdrawnAction = "calendar.adjustment-withdrawn";

    /// <summary>Adjustments of a year, for every agency or one, withdrawn ones included (the history).</summary>
    public async Task<List<CalendarAdjustmentView>> ListAsync(int year, string? agencyCode, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var until = new DateOnly(year, 12, 31);
        return await db.CalendarAdjustments.AsNoTracking()
            .Where(a => a.Date >= from && a.Date <= until && (agencyCode == null || a.AgencyCode == null || a.AgencyCode == agencyCode))
            .OrderBy(a => a.Date).ThenBy(a => a.RecordedAt)
            .Select(a => new CalendarAdjustmentView(a.Id, a.Date, a.Kind, a.NameVi, a.NameEn, a.AgencyCode, a.RecordedAt, a.RecordedBy, a.WithdrawnAt, a.WithdrawnBy, a.WithdrawalReason))
            .ToListAsync(cancellationToken);
    }

    public async Task<IResult> AddAsync(AddCalendarAdjustmentRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var agencyCode = string.IsNullOrWhiteSpace(request.AgencyCode) ? null : request.AgencyCode.Trim();
        if (agencyCode is not null && !await db.Agencies.AnyAsync(a => a.Code == agencyCode, cancellationToken))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["agencyCode"] = [$"No agency has the code '{agencyCode}'."] });
        }
        var record = new CalendarAdjustmentRecord
        {
            AgencyCode = agencyCode,
            Date = request.Date!.Value,
            Kind = request.Kind!,
            NameVi = request.NameVi!.Trim(),
            NameEn = request.NameEn!.Trim(),
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = actor,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CalendarAdjustments.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"An adjustment for {record.Date:yyyy-MM-dd} ({agencyCode ?? "every agency"}) is already in force; withdraw it first.");
        }
        await audit.RecordAsync(AddedAction, "calendar-adjustment", record.Id.ToString("D"),
            details: new { date = record.Date, kind = record.Kind, agencyCode, nameVi = record.NameVi }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        calendars.Invalidate();
        return Results.Created($"/api/v1/admin/calendar/adjustments/{record.Id:D}", View(record));
    }

    public async Task<IResult> WithdrawAsync(Guid id, WithdrawCalendarAdjustmentRequest request, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Give the reason for withdrawing (at most 500 characters)."] });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.CalendarAdjustments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No calendar adjustment has the id {id}.");
        }
        if (record.WithdrawnAt is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "The adjustment was already withdrawn.");
        }
        record.WithdrawnAt = clock.GetUtcNow();
        record.WithdrawnBy = actor;
        record.WithdrawalReason = request.Reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(WithdrawnAction, "calendar-adjustment", record.Id.ToString("D"),
            details: new { date = record.Date, reason = record.WithdrawalReason }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        calendars.Invalidate();
        return Results.Ok(View(record));
    }

    private static Dictionary<string, string[]> Validate(AddCalendarAdjustmentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Date is not { } date || date.Year is < 1900 or > 2199)
        {
            errors["date"] = ["Give a date between 1900-01-01 and 2199-12-31 (yyyy-MM-dd)."];
        }
        if (request.Kind is not (CalendarAdjustmentKinds.DayOff or CalendarAdjustmentKinds.WorkingDay))
        {
            errors["kind"] = ["The kind is 'day-off' or 'working-day'."];
        }
        if (string.IsNullOrWhiteSpace(request.NameVi) || request.NameVi.Length > 200)
        {
            errors["nameVi"] = ["Give the Vietnamese name (at most 200 characters)."];
        }
        if (string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > 200)
        {
            errors["nameEn"] = ["Give the English name (at most 200 characters)."];
        }
        return errors;
    }

    private static CalendarAdjustmentView View(CalendarAdjustmentRecord a) =>
        new(a.Id, a.Date, a.Kind, a.NameVi, a.NameEn, a.AgencyCode, a.RecordedAt, a.RecordedBy, a.WithdrawnAt, a.WithdrawnBy, a.WithdrawalReason);
}
