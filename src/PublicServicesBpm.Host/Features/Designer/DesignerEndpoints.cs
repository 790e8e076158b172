using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PublicServicesBpm.Engine.Bpmn;
using PublicServicesBpm.Engine.Feel;
using PublicServicesBpm.Forms;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Host.Features.Forms;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Designer;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Designer;

/// <summary>
/// <c>/api/v1/designer</c>: what the designer studio's pages call (procedure designers only) — drafts of workflows and
/// forms (get, autosave, discard, publish), the latest published content, the versions with their dossier counts and
/// retirement, the choices the properties panel offers, and a FEEL syntax check.
/// </summary>
internal static class DesignerEndpoints
{
    public sealed record WorkflowDraftView(string Key, string Xml, int? BaseVersion, int Revision, DateTimeOffset UpdatedAt, string UpdatedBy, IReadOnlyList<BpmnProblemView> Problems);

    public sealed record FormDraftView(string Key, JsonObject Schema, int? BaseVersion, int Revision, DateTimeOffset UpdatedAt, string UpdatedBy, IReadOnlyList<FormProblemView> Problems);

    public sealed record WorkflowDraftInput(string? Xml, int? BaseVersion, int Revision);

    public sealed record FormDraftInput(JsonObject? Schema, int? BaseVersion, int Revision);

    public sealed record DraftSaved(int Revision, DateTimeOffset UpdatedAt, string UpdatedBy, IReadOnlyList<BpmnProblemView> Problems);

    public sealed record FormDraftSaved(int Revision, DateTimeOffset UpdatedAt, string UpdatedBy, IReadOnlyList<FormProblemView> Problems);

    public sealed record PublishInput(int Revision);

    public sealed record WorkflowPublished(string Key, int Version, bool IsNew, IReadOnlyList<BpmnProblemView> Warnings);

    public sealed record FormPublished(string FormKey, int Version, bool IsNew);

    public sealed record PublishedWorkflow(int Version, string Xml, bool Retired);

    public sealed record PublishedForm(int Version, JsonObject Schema);

    public sealed record BpmnProblemView(string? ElementId, string ElementType, string Code, string Severity, string Message);

    public sealed record FormProblemView(string Location, string Code, string Message);

    public sealed record Choice(string Code, string Name);

    public sealed record StatusChoice(int Code, string Name);

    public sealed record FormChoice(string Key, string Title);

    public sealed record Options(
        IReadOnlyList<Choice> Roles, IReadOnlyList<Choice> Agencies, IReadOnlyList<FormChoice> Forms, IReadOnlyList<string> Handlers,
        IReadOnlyList<StatusChoice> Statuses, IReadOnlyList<string> Processes);

    public sealed record FeelInput(string? Expression);

    public sealed record FeelCheck(bool Valid, string? Message, int? Position);

    public static IEndpointRouteBuilder MapDesignerApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/designer").WithTags("Designer studio").RequireAuthorization(Policies.Designer)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(3 * 1024 * 1024));

        group.MapGet("/workflows/{key}/draft", GetWorkflowDraftAsync).WithName("GetWorkflowDraft")
            .WithSummary("The workflow's draft with the server validator's findings (404 when there is none)");
        group.MapPut("/workflows/{key}/draft", SaveWorkflowDraftAsync).WithName("SaveWorkflowDraft")
            .WithSummary("Save the draft (autosave). The body names the revision it started from; 409 when someone saved since.");
        group.MapDelete("/workflows/{key}/draft", (string key, DesignerDrafts drafts, CancellationToken ct) => DiscardAsync(DesignerDraft.WorkflowKind, key, drafts, ct))
            .WithName("DiscardWorkflowDraft").WithSummary("Discard the draft");
        group.MapPost("/workflows/{key}/draft/publish", PublishWorkflowAsync).WithName("PublishWorkflowDraft")
            .WithSummary("Deploy the draft through the engine as the next version; 422 with the problems when it does not validate");
        group.MapGet("/workflows/{key}/published", PublishedWorkflowAsync).WithName("GetPublishedWorkflow").WithSummary("The latest published version's XML");
        group.MapGet("/workflows/{key}/versions", WorkflowVersionsAsync).WithName("ListWorkflowVersionsWithDossiers")
            .WithSummary("Every version: who published it when, retired or not, and how many dossiers run on it");
        group.MapPost("/workflows/{key}/versions/{version:int}/retire", (string key, int version, StudioCatalogue catalogue, CancellationToken ct) => RetireAsync(key, version, true, catalogue, ct))
            .WithName("RetireWorkflowVersion").WithSummary("No new dossiers start on this version (running ones go on)");
        group.MapPost("/workflows/{key}/versions/{version:int}/reinstate", (string key, int version, StudioCatalogue catalogue, CancellationToken ct) => RetireAsync(key, version, false, catalogue, ct))
            .WithName("ReinstateWorkflowVersion").WithSummary("Undo a retirement");

        group.MapGet("/forms/{key}/draft", GetFormDraftAsync).WithName("GetFormDraft").WithSummary("The form's draft (404 when there is none)");
        group.MapPut("/forms/{key}/draft", SaveFormDraftAsync).WithName("SaveFormDraft").WithSummary("Save the form draft (autosave); 409 when someone saved since");
        group.MapDelete("/forms/{key}/draft", (string key, DesignerDrafts drafts, CancellationToken ct) => DiscardAsync(DesignerDraft.FormKind, key, drafts, ct))
            .WithName("DiscardFormDraft").WithSummary("Discard the form draft");
        group.MapPost("/forms/{key}/draft/publish", PublishFormAsync).WithName("PublishFormDraft").WithSummary("Deploy the form draft as the form's next version");
        group.MapGet("/forms/{key}/published", PublishedFormAsync).WithName("GetPublishedForm").WithSummary("The latest published version's schema");

        group.MapGet("/options", OptionsAsync).WithName("GetDesignerOptions")
            .WithSummary("What the properties panel offers: roles, agencies, forms, service-task handlers, dossier statuses, processes");
        group.MapPost("/feel/check", CheckFeel).WithName("CheckFeel").WithSummary("Whether a FEEL expression parses (a leading '=' is ignored)");
        return endpoints;
    }

    private static async Task<IResult> GetWorkflowDraftAsync(string key, DesignerDrafts drafts, CancellationToken cancellationToken)
    {
        if (!DesignerDrafts.IsValidWorkflowKey(key))
        {
            return BadKey();
        }
        if (await drafts.FindAsync(DesignerDraft.WorkflowKind, key, cancellationToken) is not { } draft)
        {
            return NoDraft();
        }
        var problems = await drafts.CheckWorkflowAsync(key, draft.Content, cancellationToken);
        return Results.Ok(new WorkflowDraftView(key, draft.Content, draft.BaseVersion, draft.Revision, draft.UpdatedAt, draft.UpdatedBy, View(problems)));
    }

    private static async Task<IResult> SaveWorkflowDraftAsync(string key, WorkflowDraftInput input, HttpContext http, DesignerDrafts drafts, CancellationToken cancellationToken)
    {
        if (!DesignerDrafts.IsValidWorkflowKey(key))
        {
            return BadKey();
        }
        if (string.IsNullOrWhiteSpace(input.Xml))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty draft", detail: "Send the diagram's BPMN XML in 'xml'.");
        }
        if (input.Xml.Length > DesignerDrafts.MaxContentChars)
        {
            return TooLarge();
        }
        if (input.Revision < 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad revision", detail: "'revision' is the draft revision the editor started from (0 for none).");
        }
        try
        {
            var saved = await drafts.SaveAsync(DesignerDraft.WorkflowKind, key, input.Xml, input.BaseVersion, input.Revision, User(http), cancellationToken);
            if (saved.WorkflowProblems.Any(p => p.Code is "xml-malformed" or "xml-dtd" or "not-bpmn"))
            {
                // Kept anyway (the designer's work is never thrown away), but the editor should know it cannot be read back as a diagram.
                http.Response.Headers["X-Draft-Unreadable"] = "true";
            }
            return Results.Ok(new DraftSaved(saved.Draft.Revision, saved.Draft.UpdatedAt, saved.Draft.UpdatedBy, View(saved.WorkflowProblems)));
        }
        catch (DraftConflictException conflict)
        {
            return Conflict(conflict);
        }
    }

    private static async Task<IResult> PublishWorkflowAsync(string key, PublishInput input, HttpContext http, DesignerDrafts drafts, CancellationToken cancellationToken)
    {
        if (!DesignerDrafts.IsValidWorkflowKey(key))
        {
            return BadKey();
        }
        try
        {
            var (published, problems) = await drafts.PublishWorkflowAsync(key, input.Revision, User(http), cancellationToken);
            if (published is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The workflow is not valid",
                    detail: $"{problems.Count(p => p.Severity == BpmnProblemSeverity.Error)} problem(s) must be fixed before it can be published.",
                    extensions: new Dictionary<string, object?> { ["problems"] = View(problems) });
            }
            var body = new WorkflowPublished(key, published.Version, published.IsNew, View(published.Warnings));
            return published.IsNew ? Results.Created($"/api/v1/definitions/{key}/versions", body) : Results.Ok(body);
        }
        catch (DraftConflictException conflict)
        {
            return Conflict(conflict);
        }
        catch (DraftNotFoundException)
        {
            return NoDraft();
        }
    }

    private static async Task<IResult> PublishedWorkflowAsync(string key, AppDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.ProcessDefinitionVersions.AsNoTracking().Where(v => v.Key == key).OrderByDescending(v => v.Version)
            .Select(v => new PublishedWorkflow(v.Version, v.BpmnXml, v.RetiredAt != null)).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? NotPublished(key) : Results.Ok(latest);
    }

    private static async Task<IResult> WorkflowVersionsAsync(string key, StudioCatalogue catalogue, CancellationToken cancellationToken)
    {
        var versions = await catalogue.WorkflowVersionsAsync(key, cancellationToken);
        return versions.Count == 0 ? NotPublished(key) : Results.Ok(versions);
    }

    private static async Task<IResult> RetireAsync(string key, int version, bool retire, StudioCatalogue catalogue, CancellationToken cancellationToken) =>
        await catalogue.SetRetiredAsync(key, version, retire, cancellationToken) switch
        {
            RetireOutcome.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Process '{key}' has no version {version}."),
            RetireOutcome.LastActive => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last version in use",
                detail: $"Version {version} is the only version of '{key}' that new dossiers can start on; publish or reinstate another version first."),
            _ => Results.NoContent(),
        };

    private static async Task<IResult> GetFormDraftAsync(string key, DesignerDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        if (!FormDeployment.IsValidKey(key))
        {
            return BadKey();
        }
        if (await drafts.FindAsync(DesignerDraft.FormKind, key, cancellationToken) is not { } draft)
        {
            return NoDraft();
        }
        var schema = JsonNode.Parse(draft.Content) as JsonObject ?? [];
        return Results.Ok(new FormDraftView(key, schema, draft.BaseVersion, draft.Revision, draft.UpdatedAt, draft.UpdatedBy, View(FormSchema.Parse(draft.Content).Problems)));
    }

    private static async Task<IResult> SaveFormDraftAsync(string key, FormDraftInput input, HttpContext http, DesignerDrafts drafts, CancellationToken cancellationToken)
    {
        if (!FormDeployment.IsValidKey(key))
        {
            return BadKey();
        }
        if (input.Schema is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty draft", detail: "Send the form-js schema (a JSON object) in 'schema'.");
        }
        var content = DesignerDrafts.SchemaText(input.Schema);
        if (content.Length > DesignerDrafts.MaxContentChars)
        {
            return TooLarge();
        }
        try
        {
            var saved = await drafts.SaveAsync(DesignerDraft.FormKind, key, content, input.BaseVersion, input.Revision, User(http), cancellationToken);
            return Results.Ok(new FormDraftSaved(saved.Draft.Revision, saved.Draft.UpdatedAt, saved.Draft.UpdatedBy, View(saved.FormProblems)));
        }
        catch (DraftConflictException conflict)
        {
            return Conflict(conflict);
        }
    }

    private static async Task<IResult> PublishFormAsync(string key, PublishInput input, HttpContext http, DesignerDrafts drafts, CancellationToken cancellationToken)
    {
        if (!FormDeployment.IsValidKey(key))
        {
            return BadKey();
        }
        try
        {
            var (published, problems) = await drafts.PublishFormAsync(key, input.Revision, User(http), cancellationToken);
            if (published is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The form is not valid",
                    detail: $"{problems.Count} problem(s) must be fixed before it can be published.",
                    extensions: new Dictionary<string, object?> { ["problems"] = View(problems) });
            }
            var body = new FormPublished(key, published.Version, published.IsNew);
            return published.IsNew ? Results.Created($"/api/v1/forms/{key}/versions/{published.Version}", body) : Results.Ok(body);
        }
        catch (DraftConflictException conflict)
        {
            return Conflict(conflict);
        }
        catch (DraftNotFoundException)
        {
            return NoDraft();
        }
    }

    private static async Task<IResult> PublishedFormAsync(string key, AppDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.FormVersions.AsNoTracking().Where(f => f.FormKey == key).OrderByDescending(f => f.Version)
            .Select(f => new { f.Version, f.Schema }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? NotPublished(key) : Results.Ok(new PublishedForm(latest.Version, JsonNode.Parse(latest.Schema) as JsonObject ?? []));
    }

    private static async Task<IResult> OptionsAsync(
        AppDbContext db, StudioCatalogue catalogue, ServiceTaskHandlerRegistry handlers, IStringLocalizer<AdminResource> admin, CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var roles = OfficerRole.All.Where(r => !OfficerRole.IsSystemWide(r)).Select(r => new Choice(r, admin["Role." + r])).ToList();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new Choice(a.Code, a.Name)).ToListAsync(cancellationToken);
        var forms = (await catalogue.FormsAsync(cancellationToken)).Where(f => f.LatestVersion > 0).Select(f => new FormChoice(f.Key, f.Title)).ToList();
        var statuses = Enumerable.Range(1, 10).Select(code => new StatusChoice(code, DossierStatuses.Name((short)code, english))).ToList();
        var processes = await db.ProcessDefinitionVersions.AsNoTracking().Select(v => v.Key).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);
        return Results.Ok(new Options(roles, agencies, forms, [.. handlers.HandlerTypes.Order(StringComparer.Ordinal)], statuses, processes));
    }

    private static IResult CheckFeel(FeelInput input)
    {
        // Positions count in the text as the designer wrote it, so what is cut off in front (spaces, the "=") is added back.
        var written = input.Expression ?? string.Empty;
        var text = written.TrimStart();
        if (text.StartsWith('='))
        {
            text = text[1..].TrimStart();
        }
        var offset = written.Length - text.Length;
        text = text.TrimEnd();
        if (text.Length == 0)
        {
            return Results.Ok(new FeelCheck(false, "The expression is empty.", offset));
        }
        try
        {
            FeelExpression.ParseUncached(text, FeelLimits.Default);
            return Results.Ok(new FeelCheck(true, null, null));
        }
        catch (FeelException exception)
        {
            return Results.Ok(new FeelCheck(false, exception.Message, exception.Position + offset));
        }
    }

    private static async Task<IResult> DiscardAsync(string kind, string key, DesignerDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.DiscardAsync(kind, key, cancellationToken) ? Results.NoContent() : NoDraft();

    private static string User(HttpContext http) => AuditTrail.Actor(http.User).Name ?? "designer";

    private static List<BpmnProblemView> View(IEnumerable<BpmnProblem> problems) =>
        [.. problems.Select(p => new BpmnProblemView(p.ElementId, p.ElementType, p.Code, p.Severity == BpmnProblemSeverity.Error ? "error" : "warning", p.Message))];

    private static List<FormProblemView> View(IEnumerable<FormProblem> problems)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return [.. problems.Select(p => new FormProblemView(p.Location, p.Code, english ? p.MessageEn : p.MessageVi))];
    }

    private static IResult Conflict(DraftConflictException conflict) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The draft changed",
            detail: "Someone saved this draft after you opened it. Load their version before saving again.",
            extensions: new Dictionary<string, object?> { ["currentRevision"] = conflict.CurrentRevision });

    private static IResult NoDraft() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No draft", detail: "There is no draft to open, discard or publish.");

    private static IResult NotPublished(string key) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not published", detail: $"'{key}' has no published version yet.");

    private static IResult BadKey() => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad key",
        detail: "A key has letters, digits and dashes (at most 200 characters).");

    private static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
        detail: $"A draft may have at most {DesignerDrafts.MaxContentChars / 1024 / 1024} MB.");
}
