using Microsoft.AspNetCore.Mvc;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Workflows;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// <c>/api/v1/dossiers</c>: applicants and officers read and move dossiers (docs/dossiers.md). Every route needs a
/// signed-in officer or applicant; which dossiers each sees is <see cref="DossierAccess"/>'s rule. Commands that move
/// the workflow accept an <c>Idempotency-Key</c> header.
/// </summary>
internal static class DossierEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListDossiers").WithSummary("Dossiers I may see, newest first (applicant: mine; officer: my agencies')");
        group.MapPost("/", CreateAsync).WithName("CreateDossier").WithSummary("Create a draft (applicant: online/post; one-stop officer: counter)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetDossier").WithSummary("One dossier with components, files, open steps, history, payments, messages");
        group.MapPut("/{id:guid}", (Guid id, UpdateDossierRequest body, HttpContext http) =>
            Run(http, (viewer, commands, ct) => commands.UpdateDraftAsync(viewer, id, body, ct), id)).WithName("UpdateDossierDraft").WithSummary("Change a draft");
        Command(group, "/{id:guid}/submit", "SubmitDossier", "Submit a draft online (status 1)", (c, v, id, key, ct) => c.SubmitAsync(v, id, key, ct));
        Body<ReceiveRequest>(group, "/{id:guid}/receive", "ReceiveDossier", "Receive: counter/post draft, or online dossier at its receipt step (status 2)",
            (c, v, id, b, key, ct) => c.ReceiveAsync(v, id, b, key, ct));
        Body<RefuseRequest>(group, "/{id:guid}/refuse", "RefuseDossier", "Refuse with the reason (form 03)", (c, v, id, b, key, ct) => c.RefuseAsync(v, id, b, key, ct));
        Body<SupplementationRequest>(group, "/{id:guid}/supplementation-requests", "RequestSupplement", "Ask for components to add or fix (form 02)",
            (c, v, id, b, key, ct) => c.RequestSupplementAsync(v, id, b, key, ct));
        Body<SupplementRequest>(group, "/{id:guid}/supplement", "SendSupplement", "Applicant: send the supplement (files uploaded first)",
            (c, v, id, b, key, ct) => c.SupplementAsync(v, id, b, key, ct));
        Command(group, "/{id:guid}/confirm-draft", "ConfirmDraft", "Applicant: confirm the draft result the workflow waits for", (c, v, id, key, ct) => c.ConfirmDraftAsync(v, id, key, ct));
        Body<PaymentRequest>(group, "/{id:guid}/payments", "RequestPayment", "Ask for fees (status 6)", (c, v, id, b, key, ct) => c.RequestPaymentAsync(v, id, b, key, ct));
        group.MapPost("/{id:guid}/payments/{paymentId:guid}/record", (Guid id, Guid paymentId, RecordPaymentRequest body, HttpContext http) =>
            Run(http, (viewer, commands, ct) => commands.RecordPaymentAsync(viewer, id, paymentId, body, WorkflowsApi.IdempotencyKey(http.Request), ct), id))
            .WithName("RecordPayment").WithSummary("Record the payment; processing resumes");
        Body<WithdrawalRequest>(group, "/{id:guid}/withdrawal", "RequestWithdrawal", "Applicant: ask to withdraw (status 7)",
            (c, v, id, b, key, ct) => c.RequestWithdrawalAsync(v, id, b, key, ct));
        group.MapPost("/{id:guid}/apologies", async (Guid id, ApologyRequest body, HttpContext http) =>
        {
            Guid apologyId = Guid.Empty;
            var result = await Run(http, async (viewer, commands, ct) => apologyId = await commands.ProposeApologyAsync(viewer, id, body, ct), id);
            return result;
        }).WithName("ProposeApology").WithSummary("Propose an apology with a new appointment (form 04)");
        group.MapPost("/{id:guid}/apologies/{apologyId:guid}/decision", (Guid id, Guid apologyId, ApologyDecision body, HttpContext http) =>
            Run(http, (viewer, commands, ct) => commands.DecideApologyAsync(viewer, id, apologyId, body, ct), id))
            .WithName("DecideApology").WithSummary("Leader: approve or reject a proposed apology");
        Body<ResultRequest>(group, "/{id:guid}/result", "RecordResult", "Record the result document with its signing step",
            (c, v, id, b, key, ct) => c.RecordResultAsync(v, id, b, key, ct));
        Body<ReturnRequest>(group, "/{id:guid}/return", "ReturnResult", "Return the result (status 10)", (c, v, id, b, key, ct) => c.ReturnResultAsync(v, id, b, key, ct));
        group.MapPost("/{id:guid}/messages", PostMessageAsync).WithName("PostDossierMessage").WithSummary("Post a message to the other side");
    }

    private static async Task<IResult> ListAsync(
        [FromQuery] short? status, [FromQuery] string? procedure, [FromQuery] string? agency, [FromQuery] string? q, [FromQuery] int? limit,
        DossierAccess access, DossierQueries queries, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } viewer)
        {
            return Results.Forbid();
        }
        if (status is < 0 or > 10)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["A status code is 0 (draft) to 10."] });
        }
        return Results.Ok(await queries.ListAsync(viewer, status, procedure, agency, q, Math.Clamp(limit ?? 50, 1, 200), cancellationToken));
    }

    private static async Task<IResult> CreateAsync(CreateDossierRequest body, HttpContext http)
    {
        Guid id = Guid.Empty;
        var result = await Run(http, async (viewer, commands, ct) => id = await commands.CreateDraftAsync(viewer, body, ct), null);
        return id == Guid.Empty ? result : await ViewResultAsync(http, id, created: true);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http) => await ViewResultAsync(http, id, created: false);

    private static async Task<IResult> PostMessageAsync(Guid id, MessageRequest body, HttpContext http)
    {
        var services = http.RequestServices;
        if (await services.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            var message = await services.GetRequiredService<DossierCommands>().PostMessageAsync(viewer, id, body, http.RequestAborted);
            return Results.Created($"/api/v1/dossiers/{id}", message);
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
    }

    private delegate Task KeyedCommand(DossierCommands commands, DossierViewer viewer, Guid id, string? idempotencyKey, CancellationToken cancellationToken);

    private delegate Task BodyCommand<in TBody>(DossierCommands commands, DossierViewer viewer, Guid id, TBody body, string? idempotencyKey, CancellationToken cancellationToken);

    private static void Command(RouteGroupBuilder group, string pattern, string name, string summary, KeyedCommand command) =>
        group.MapPost(pattern, (Guid id, HttpContext http) =>
            Run(http, (viewer, commands, ct) => command(commands, viewer, id, WorkflowsApi.IdempotencyKey(http.Request), ct), id))
            .WithName(name).WithSummary(summary);

    private static void Body<TBody>(RouteGroupBuilder group, string pattern, string name, string summary, BodyCommand<TBody> command) =>
        group.MapPost(pattern, (Guid id, TBody body, HttpContext http) =>
            Run(http, (viewer, commands, ct) => command(commands, viewer, id, body, WorkflowsApi.IdempotencyKey(http.Request), ct), id))
            .WithName(name).WithSummary(summary);

    /// <summary>Runs a command for the current viewer and answers with the dossier as it is now, or the command's refusal.</summary>
    private static async Task<IResult> Run(HttpContext http, Func<DossierViewer, DossierCommands, CancellationToken, Task> work, Guid? id)
    {
        var services = http.RequestServices;
        if (await services.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        try
        {
            await work(viewer, services.GetRequiredService<DossierCommands>(), http.RequestAborted);
        }
        catch (DossierCommandException exception)
        {
            return exception.ToResult();
        }
        return id is { } dossierId ? await ViewResultAsync(http, dossierId, created: false) : Results.NoContent();
    }

    private static async Task<IResult> ViewResultAsync(HttpContext http, Guid id, bool created)
    {
        var services = http.RequestServices;
        if (await services.GetRequiredService<DossierAccess>().CurrentAsync(http.RequestAborted) is not { } viewer)
        {
            return Results.Forbid();
        }
        var queries = services.GetRequiredService<DossierQueries>();
        var dossier = await queries.FindVisibleAsync(viewer, id, http.RequestAborted);
        if (dossier is null)
        {
            return DossierCommandException.NotFound(id).ToResult();
        }
        if (viewer is DossierViewer.Officer)
        {
            await services.GetRequiredService<AuditTrail>().RecordPersonalDataReadAsync("dossier", id.ToString("D"), id, cancellationToken: http.RequestAborted);
        }
        var view = await queries.ViewAsync(dossier, viewer, http.RequestAborted);
        return created ? Results.Created($"/api/v1/dossiers/{id}", view) : Results.Ok(view);
    }
}
