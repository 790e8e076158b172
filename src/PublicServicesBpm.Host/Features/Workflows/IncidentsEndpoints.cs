using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Workflows;

/// <summary>Incidents: what stopped an instance (a failed job, an expression error, the step limit) and their retry.</summary>
internal static class IncidentsEndpoints
{
    public sealed record Incident(string Id, Guid InstanceId, string ElementId, string Kind, string Message, DateTimeOffset CreatedAt);

    public sealed record RetryRequest(JsonNode? Variables);

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization(WorkflowsApi.Operators);
        group.MapGet("/", ListAsync).WithName("ListIncidents").WithSummary("Open incidents, oldest first");
        group.MapPost("/{id}/retry", RetryAsync).WithName("RetryIncident").WithSummary("Resolve the incident and retry, optionally with corrected variables")
            .DisableAntiforgery();
    }

    /// <summary>Open incidents, oldest first, optionally of one instance or of one process's instances.</summary>
    public static Task<List<Incident>> OpenAsync(AppDbContext db, Guid? instanceId, string? processKey, int limit, CancellationToken cancellationToken)
    {
        var query = db.Incidents.AsNoTracking().Where(i => i.ResolvedAt == null);
        if (instanceId is { } instance)
        {
            query = query.Where(i => i.InstanceId == instance);
        }
        if (!string.IsNullOrEmpty(processKey))
        {
            query = query.Where(i => db.ProcessInstances.Any(p => p.Id == i.InstanceId && p.ProcessKey == processKey));
        }
        return query.OrderBy(i => i.CreatedAt).Take(limit)
            .Select(i => new Incident(i.Id, i.InstanceId, i.ElementId, i.Kind, i.Message, i.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    private static async Task<IResult> ListAsync(AppDbContext db, string? processKey, int? limit, CancellationToken cancellationToken) =>
        Results.Ok(await OpenAsync(db, instanceId: null, processKey, Math.Clamp(limit ?? 100, 1, 500), cancellationToken));

    private static async Task<IResult> RetryAsync(string id, RetryRequest? body, HttpRequest request, AppDbContext db, WorkflowRuntime runtime, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (WorkflowsApi.RejectVariables(body?.Variables) is { } rejected)
        {
            return rejected;
        }
        var instanceId = await db.Incidents.AsNoTracking().Where(i => i.Id == id && i.ResolvedAt == null).Select(i => (Guid?)i.InstanceId).SingleOrDefaultAsync(cancellationToken);
        if (instanceId is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No open incident has the id '{id}'.");
        }
        return await InstancesEndpoints.RunAsync(runtime, instanceId.Value, new RetryIncident(id, body?.Variables as JsonObject), request,
            audit.Describe(AuditActions.IncidentRetried, "incident", id), cancellationToken);
    }
}
