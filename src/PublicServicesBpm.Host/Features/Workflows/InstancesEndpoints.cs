using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Workflows;

/// <summary>Process instances: start, read (state, active elements, variables, history), cancel, suspend, resume; messages.</summary>
internal static class InstancesEndpoints
{
    public sealed record StartRequest(string ProcessKey, string? BusinessKey, JsonNode? Variables);

    public sealed record CommandResult(Guid InstanceId, string Status, bool Repeated);

    public sealed record CancelRequest(string? Reason);

    public sealed record MessageRequest(string MessageName, string? CorrelationKey, JsonNode? Variables);

    public sealed record InstanceSummary(Guid Id, string ProcessKey, int ProcessVersion, string? BusinessKey, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

    public sealed record InstanceDetails(
        Guid Id, string ProcessKey, int ProcessVersion, string? BusinessKey, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
        IReadOnlyList<string> ActiveElementIds, JsonObject Variables, IReadOnlyList<string> OpenTaskIds, IReadOnlyList<IncidentsEndpoints.Incident> OpenIncidents);

    public sealed record HistoryEvent(long Id, DateTimeOffset At, string Type, string? ElementId, JsonNode? Data);

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization(WorkflowsApi.Operators);
        group.MapPost("/", StartAsync).WithName("StartInstance").WithSummary("Start an instance of the latest version of a process (Idempotency-Key header honoured)")
            .Produces<CommandResult>(StatusCodes.Status201Created).DisableAntiforgery();
        group.MapGet("/", ListAsync).WithName("ListInstances").WithSummary("Instances, newest first, by process key and status");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInstance").WithSummary("State, active element ids, variables, open tasks and incidents");
        group.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetInstanceHistory").WithSummary("The instance's history events in order");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelInstance").WithSummary("Cancel the instance (reason kept in history)").DisableAntiforgery();
        group.MapPost("/{id:guid}/suspend", (Guid id, HttpRequest request, WorkflowRuntime runtime, AuditTrail audit, CancellationToken ct) =>
            RunAsync(runtime, id, new SuspendInstance(), request, audit.Describe(AuditActions.InstanceSuspended, "process-instance", id.ToString("D")), ct))
            .WithName("SuspendInstance").WithSummary("Suspend the instance").DisableAntiforgery();
        group.MapPost("/{id:guid}/resume", (Guid id, HttpRequest request, WorkflowRuntime runtime, AuditTrail audit, CancellationToken ct) =>
            RunAsync(runtime, id, new ResumeInstance(), request, audit.Describe(AuditActions.InstanceResumed, "process-instance", id.ToString("D")), ct))
            .WithName("ResumeInstance").WithSummary("Resume a suspended instance").DisableAntiforgery();
    }

    private static async Task<IResult> StartAsync(StartRequest body, HttpRequest request, WorkflowRuntime runtime, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.ProcessKey) || body.ProcessKey.Length > 200)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["processKey"] = ["A process key (at most 200 characters) is required."] });
        }
        if (body.BusinessKey is { Length: > 200 })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["businessKey"] = ["At most 200 characters."] });
        }
        if (WorkflowsApi.RejectVariables(body.Variables) is { } rejected)
        {
            return rejected;
        }
        try
        {
            var outcome = await runtime.StartAsync(body.ProcessKey, body.Variables as JsonObject, body.BusinessKey, WorkflowsApi.IdempotencyKey(request),
                audit.Describe(AuditActions.InstanceStarted, details: new { body.ProcessKey, body.BusinessKey }), cancellationToken);
            return Results.Created($"/api/v1/instances/{outcome.InstanceId}", Result(outcome));
        }
        catch (EngineCommandException exception)
        {
            return WorkflowsApi.Problem(exception);
        }
    }

    private static async Task<IResult> ListAsync(AppDbContext db, string? processKey, string? status, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, 200);
        var query = db.ProcessInstances.AsNoTracking();
        if (!string.IsNullOrEmpty(processKey))
        {
            query = query.Where(i => i.ProcessKey == processKey);
        }
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(i => i.Status == status);
        }
        var instances = await query.OrderByDescending(i => i.StartedAt).Take(take)
            .Select(i => new InstanceSummary(i.Id, i.ProcessKey, i.ProcessVersion, i.BusinessKey, i.Status, i.StartedAt, i.EndedAt))
            .ToListAsync(cancellationToken);
        return Results.Ok(instances);
    }

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var instance = await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null)
        {
            return NotFound(id);
        }
        var state = ProcessInstanceState.FromJson(instance.State);
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == "open").Select(t => t.Id).ToListAsync(cancellationToken);
        var incidents = await IncidentsEndpoints.OpenAsync(db, id, processKey: null, limit: 100, cancellationToken);
        // Variables hold the applicant's data: reading them is a personal-data read.
        await audit.RecordPersonalDataReadAsync("process-instance", id.ToString("D"), cancellationToken: cancellationToken);
        return Results.Ok(new InstanceDetails(
            instance.Id, instance.ProcessKey, instance.ProcessVersion, instance.BusinessKey, instance.Status, instance.StartedAt, instance.EndedAt,
            [.. state.Tokens.Select(t => t.ElementId).Distinct()], state.Variables, tasks, incidents));
    }

    private static async Task<IResult> HistoryAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.ProcessInstances.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound(id);
        }
        var events = await db.HistoryEvents.AsNoTracking().Where(e => e.InstanceId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return Results.Ok(events.Select(e => new HistoryEvent(e.Id, e.At, e.Type, e.ElementId, JsonNode.Parse(e.Data))));
    }

    private static Task<IResult> CancelAsync(Guid id, CancelRequest? body, HttpRequest request, WorkflowRuntime runtime, AuditTrail audit, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? "cancelled through the API" : body.Reason.Trim();
        if (reason.Length > 500)
        {
            return Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 500 characters."] }));
        }
        return RunAsync(runtime, id, new CancelInstance(reason), request,
            audit.Describe(AuditActions.InstanceCancelled, "process-instance", id.ToString("D"), details: new { reason }), cancellationToken);
    }

    public static async Task<IResult> CorrelateAsync(MessageRequest body, HttpRequest request, WorkflowRuntime runtime, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.MessageName))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["messageName"] = ["A message name is required."] });
        }
        if (WorkflowsApi.RejectVariables(body.Variables) is { } rejected)
        {
            return rejected;
        }
        try
        {
            var outcome = await runtime.CorrelateMessageAsync(body.MessageName, body.CorrelationKey, body.Variables as JsonObject, WorkflowsApi.IdempotencyKey(request),
                audit.Describe(AuditActions.MessageCorrelated, details: new { body.MessageName, body.CorrelationKey }), cancellationToken);
            return Results.Ok(Result(outcome));
        }
        catch (EngineCommandException exception)
        {
            return WorkflowsApi.Problem(exception);
        }
    }

    internal static async Task<IResult> RunAsync(WorkflowRuntime runtime, Guid id, EngineCommand command, HttpRequest request, Persistence.Audit.AuditRecord audit, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(Result(await runtime.ExecuteAsync(id, command, WorkflowsApi.IdempotencyKey(request), audit, cancellationToken)));
        }
        catch (EngineCommandException exception)
        {
            return WorkflowsApi.Problem(exception);
        }
    }

    private static CommandResult Result(CommandOutcome outcome) => new(outcome.InstanceId, outcome.Status.ToString().ToLowerInvariant(), outcome.Repeated);

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Process instance {id} does not exist.");
}
