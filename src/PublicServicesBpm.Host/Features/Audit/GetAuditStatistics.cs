using Microsoft.AspNetCore.Mvc;
using Npgsql;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>
/// <c>GET /api/v1/audit/statistics</c> (access statistics, function P16): entries per day (Vietnam dates) and per
/// action in a period — by default the last 30 days — and the ten actors who read the most personal data.
/// </summary>
internal static class GetAuditStatistics
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;
    public const int TopActors = 10;

    public sealed record Response(
        DateTimeOffset From, DateTimeOffset To, long Total, IReadOnlyList<AuditDayCount> PerDay, IReadOnlyList<AuditActionCount> PerAction,
        IReadOnlyList<AuditActorCount> TopPersonalDataReaders);

    public static RouteGroupBuilder MapGetAuditStatistics(this RouteGroupBuilder group)
    {
        group.MapGet("/statistics", Handle)
            .WithName("GetAuditStatistics")
            .WithSummary("Access statistics")
            .WithDescription($"from and to: ISO 8601 instants with offset (default: the last {DefaultDays} days up to now; at most {MaxDays} days). Days are Vietnam dates (UTC+7).")
            .Produces<Response>()
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<IResult> Handle(
        [FromQuery(Name = "from")] string? from, [FromQuery(Name = "to")] string? to,
        NpgsqlDataSource dataSource, AppDbContext db, AuditTrail trail, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new AuditLogFilterParser.Errors();
        var period = AuditLogFilterParser.Filter(errors, null, null, null, null, null, null, null, null, from, to);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The period is not valid");
        }
        var end = period.To ?? clock.GetUtcNow();
        var start = period.From ?? end.AddDays(-DefaultDays);
        if (start > end)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["'from' must not be after 'to' (which defaults to now)."] }, title: "The period is not valid");
        }
        if (end - start > TimeSpan.FromDays(MaxDays))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"The period may span at most {MaxDays} days."] }, title: "The period is not valid");
        }
        var filter = new AuditLogFilter { From = start, To = end };
        var reader = new AuditLogReader(dataSource, db, trail);
        var perDay = await reader.CountPerDayAsync(filter, VietnamTime.LocalDate(start), VietnamTime.LocalDate(end), cancellationToken);
        var perAction = await reader.CountPerActionAsync(filter, cancellationToken);
        var top = await reader.TopPersonalDataReadersAsync(filter, TopActors, cancellationToken);
        await reader.RecordReadAsync("statistics", filter, null, cancellationToken);
        return Results.Ok(new Response(start, end, perAction.Sum(a => a.Count), perDay, perAction, top));
    }
}
