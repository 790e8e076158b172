using Microsoft.AspNetCore.Mvc;
using Npgsql;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c>: entries by actor, target ("by person"), dossier, action, period and outcome, newest
/// (or oldest) first, a page at a time by sequence. The read itself is recorded as <c>audit.read</c>.
/// </summary>
internal static class SearchAuditLog
{
    public sealed record Query(
        [property: FromQuery(Name = "actorId")] string? ActorId,
        [property: FromQuery(Name = "actorKind")] string? ActorKind,
        [property: FromQuery(Name = "targetType")] string? TargetType,
        [property: FromQuery(Name = "targetId")] string? TargetId,
        [property: FromQuery(Name = "person")] string? Person,
        [property: FromQuery(Name = "dossierId")] string? DossierId,
        [property: FromQuery(Name = "action")] string? Action,
        [property: FromQuery(Name = "outcome")] string? Outcome,
        [property: FromQuery(Name = "from")] string? From,
        [property: FromQuery(Name = "to")] string? To,
        [property: FromQuery(Name = "after")] string? After,
        [property: FromQuery(Name = "limit")] string? Limit,
        [property: FromQuery(Name = "order")] string? Order);

    public static RouteGroupBuilder MapSearchAuditLog(this RouteGroupBuilder group)
    {
        group.MapGet("/", Handle)
            .WithName("SearchAuditLog")
            .WithSummary("Query the audit log")
            .WithDescription(
                "Filters (all optional, combined with AND): actorId, actorKind (officer, applicant, partner, system, anonymous), "
                + "targetType and targetId (e.g. applicant + id: every read of that person's data), person (actor or target), "
                + "dossierId, action (exact, or a family such as account.*), outcome (succeeded, denied, failed), "
                + "from and to (ISO 8601 instants with offset, inclusive). Paging: order (newest, the default, or oldest), "
                + "limit (1–200, default 50), after (the nextAfter of the previous page).")
            .Produces<AuditLogPage>()
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<IResult> Handle([AsParameters] Query query, NpgsqlDataSource dataSource, AppDbContext db, AuditTrail trail, CancellationToken cancellationToken)
    {
        var errors = new AuditLogFilterParser.Errors();
        var filter = AuditLogFilterParser.Filter(errors, query.ActorId, query.ActorKind, query.TargetType, query.TargetId, query.Person,
            query.DossierId, query.Action, query.Outcome, query.From, query.To);
        var paging = AuditLogFilterParser.Paging(errors, query.After, query.Limit, query.Order);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The audit log filter is not valid");
        }
        var reader = new AuditLogReader(dataSource, db, trail);
        var page = await reader.SearchAsync(filter, paging, cancellationToken);
        await reader.RecordReadAsync("search", filter, new Dictionary<string, object>
        {
            ["after"] = (object?)paging.After ?? "none",
            ["limit"] = paging.Limit,
            ["order"] = paging.Order == AuditOrder.NewestFirst ? "newest" : "oldest",
            ["returned"] = page.Entries.Count,
        }, cancellationToken);
        return Results.Ok(page);
    }
}
