using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Workflows;

/// <summary>
/// An officer's user tasks: the inbox (mine / my groups), one task with its instance's variables, and the work on
/// it — claim, give back, complete with variables and an outcome, assign (department heads and unit leaders of
/// the agency), delegate and take back. A task the officer may not see answers 404, like one that does not exist.
/// </summary>
internal static class TasksEndpoints
{
    public sealed record TaskDetails(TaskItem Task, JsonObject Variables);

    public sealed record CompleteRequest(string? Outcome, JsonNode? Variables);

    public sealed record PersonRequest(Guid AccountId);

    public sealed record TaskFormView(string FormKey, int Version, JsonObject Schema);

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Officer);
        group.MapGet("/", ListAsync).WithName("ListTasks").WithSummary("Open tasks: view=mine (assigned to me), group (unclaimed in my groups) or all");
        group.MapGet("/{id}", GetAsync).WithName("GetTask").WithSummary("One task with its instance's variables");
        group.MapPost("/{id}/claim", (string id, HttpContext http, CancellationToken ct) =>
            ChangeAsync(http, id, AuditActions.TaskClaimed, (scope, task, assignments, audit) =>
                IsVisibleCandidate(scope, task) ? assignments.ClaimAsync(id, Me(scope), ct, audit) : null))
            .WithName("ClaimTask").WithSummary("Take an unclaimed task of my groups").DisableAntiforgery();
        group.MapPost("/{id}/unclaim", (string id, HttpContext http, CancellationToken ct) =>
            ChangeAsync(http, id, AuditActions.TaskUnclaimed, (scope, task, assignments, audit) => assignments.UnclaimAsync(id, Me(scope), ct, audit)))
            .WithName("UnclaimTask").WithSummary("Give my task back to its groups").DisableAntiforgery();
        group.MapPost("/{id}/assign", (string id, PersonRequest body, HttpContext http, CancellationToken ct) =>
            ChangeAsync(http, id, AuditActions.TaskAssigned, (scope, task, assignments, audit) =>
                MayAssign(scope, task) ? assignments.AssignAsync(id, body.AccountId.ToString("D"), Me(scope), ct, audit with { Details = $"{{\"assignee\":\"{body.AccountId:D}\"}}" }) : null))
            .WithName("AssignTask").WithSummary("Give the task to an officer (department heads and unit leaders of the task's agency)").DisableAntiforgery();
        group.MapPost("/{id}/delegate", (string id, PersonRequest body, HttpContext http, CancellationToken ct) =>
            ChangeAsync(http, id, AuditActions.TaskDelegated, (scope, task, assignments, audit) =>
                assignments.DelegateAsync(id, body.AccountId.ToString("D"), Me(scope), ct, audit with { Details = $"{{\"delegate\":\"{body.AccountId:D}\"}}" })))
            .WithName("DelegateTask").WithSummary("Ask another officer to do my task; I stay its owner").DisableAntiforgery();
        group.MapPost("/{id}/resolve", (string id, HttpContext http, CancellationToken ct) =>
            ChangeAsync(http, id, AuditActions.TaskDelegated, (scope, task, assignments, audit) => assignments.ResolveDelegationAsync(id, Me(scope), ct, audit)))
            .WithName("ResolveTask").WithSummary("Hand a delegated task back to its owner").DisableAntiforgery();
        group.MapPost("/{id}/complete", CompleteAsync).WithName("CompleteTask")
            .WithSummary("Complete my task with form data and an outcome (Idempotency-Key header honoured)")
            .WithDescription("When the task has a form, the variables are checked against it on the server with the browser's rules; only visible, known fields are kept. Errors come back per field path (400).")
            .DisableAntiforgery();
        group.MapGet("/{id}/form", FormAsync).WithName("GetTaskForm")
            .WithSummary("The task's form-js schema (the version its binding selects)")
            .Produces<TaskFormView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string? view, int? limit, OfficerAccess access, TaskInbox inbox, CancellationToken cancellationToken)
    {
        var scope = await access.CurrentAsync(cancellationToken);
        if (scope is null)
        {
            return Results.Forbid();
        }
        view ??= "all";
        if (view is not ("all" or "mine" or "group"))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["view"] = ["One of: all, mine, group."] });
        }
        return Results.Ok(await inbox.ListAsync(scope, view, Math.Clamp(limit ?? 50, 1, 200), cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, OfficerAccess access, TaskInbox inbox, AppDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var scope = await access.CurrentAsync(cancellationToken);
        var task = scope is null ? null : await inbox.FindVisibleAsync(scope, id, cancellationToken);
        if (task is null)
        {
            return NotFound(id);
        }
        var state = await db.ProcessInstances.FindAsync([task.InstanceId], cancellationToken);
        await audit.RecordPersonalDataReadAsync("process-instance", task.InstanceId.ToString("D"), details: new { taskId = id }, cancellationToken: cancellationToken);
        return Results.Ok(new TaskDetails(task, ProcessInstanceState.FromJson(state!.State).Variables));
    }

    private static async Task<IResult> CompleteAsync(
        string id, CompleteRequest body, HttpRequest request, OfficerAccess access, TaskInbox inbox, WorkflowRuntime runtime, AuditTrail audit,
        Forms.TaskForms taskForms, AppDbContext db, CancellationToken cancellationToken)
    {
        if (WorkflowsApi.RejectVariables(body.Variables) is { } rejected)
        {
            return rejected;
        }
        var scope = await access.CurrentAsync(cancellationToken);
        var task = scope is null ? null : await inbox.FindVisibleAsync(scope, id, cancellationToken);
        if (task is null)
        {
            return NotFound(id);
        }
        if (task.Assignee != Me(scope!))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not your task",
                detail: task.Assignee is null ? "Claim the task before completing it." : "The task is held by another officer.");
        }
        var variables = body.Variables as JsonObject;
        if (await taskForms.ResolveAsync(task, cancellationToken) is { } form)
        {
            var instance = await db.ProcessInstances.FindAsync([task.InstanceId], cancellationToken);
            var check = taskForms.Validate(form, variables, ProcessInstanceState.FromJson(instance!.State).Variables,
                await taskForms.DossierAttachmentsAsync(task.InstanceId, cancellationToken));
            if (check.Errors is not null)
            {
                return Results.ValidationProblem(check.Errors, title: "The form data is not valid");
            }
            variables = check.CleanedData;
        }
        else if (task.FormKey is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Form not deployed",
                detail: $"The task's form '{task.FormKey}' is not deployed; the designer must deploy it before the task can be completed.");
        }
        return await InstancesEndpoints.RunAsync(runtime, task.InstanceId, new CompleteUserTask(id, body.Outcome, variables), request,
            audit.Describe(AuditActions.TaskCompleted, "task", id, details: new { instanceId = task.InstanceId, outcome = body.Outcome }), cancellationToken);
    }

    private static async Task<IResult> FormAsync(string id, OfficerAccess access, TaskInbox inbox, Forms.TaskForms taskForms, CancellationToken cancellationToken)
    {
        var scope = await access.CurrentAsync(cancellationToken);
        var task = scope is null ? null : await inbox.FindVisibleAsync(scope, id, cancellationToken);
        if (task is null)
        {
            return NotFound(id);
        }
        return await taskForms.ResolveAsync(task, cancellationToken) is { } form
            ? Results.Ok(new TaskFormView(form.FormKey, form.Version, JsonNode.Parse(form.Schema)!.AsObject()))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No form",
                detail: task.FormKey is null ? "The task has no form." : $"The task's form '{task.FormKey}' is not deployed.");
    }

    /// <summary>Shared shape of the assignment commands: find the visible task, check, run with the audit record, map refusals.</summary>
    private static async Task<IResult> ChangeAsync(
        HttpContext http, string id, string action, Func<OfficerScope, TaskItem, TaskAssignments, Persistence.Audit.AuditRecord, Task?> change)
    {
        var services = http.RequestServices;
        var scope = await services.GetRequiredService<OfficerAccess>().CurrentAsync(http.RequestAborted);
        var task = scope is null ? null : await services.GetRequiredService<TaskInbox>().FindVisibleAsync(scope, id, http.RequestAborted);
        if (task is null)
        {
            return NotFound(id);
        }
        var audit = services.GetRequiredService<AuditTrail>().Describe(action, "task", id);
        var work = change(scope!, task, services.GetRequiredService<TaskAssignments>(), audit);
        if (work is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Your roles do not allow this on this task.");
        }
        try
        {
            await work;
            return Results.NoContent();
        }
        catch (EngineCommandException exception)
        {
            return WorkflowsApi.Problem(exception);
        }
    }

    private static bool IsVisibleCandidate(OfficerScope scope, TaskItem task) => TaskInbox.IsCandidate(scope, task);

    private static bool MayAssign(OfficerScope scope, TaskItem task) =>
        task.AgencyCode is { } agency && scope.Grants.Any(g => g.AgencyCode == agency && g.Role is OfficerRole.DepartmentHead or OfficerRole.UnitLeader);

    private static string Me(OfficerScope scope) => scope.AccountId.ToString("D");

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No task '{id}' is open for you.");
}
