using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Forms;

/// <summary>
/// <c>/api/v1/forms</c>: the stored electronic forms and their versions (officers read; designers deploy a new
/// version — checked on the server, every problem reported with its location).
/// </summary>
internal static class FormsEndpoints
{
    public const string DeployedAction = "form.deployed";

    /// <summary>A form schema is small; anything bigger is refused before it is read.</summary>
    private const int MaxSchemaBytes = 1_000_000;

    public sealed record FormSummary(string FormKey, int LatestVersion, DateTimeOffset DeployedAt, string DeployedBy);

    public sealed record FormVersionSummary(int Version, string ContentHash, DateTimeOffset DeployedAt, string DeployedBy);

    public sealed record FormVersionView(string FormKey, int Version, DateTimeOffset DeployedAt, JsonObject Schema);

    public sealed record FormDeployed(string FormKey, int Version, bool IsNew);

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/forms").WithTags("Forms");
        group.MapGet("", ListAsync).RequireAuthorization(Policies.Officer)
            .WithName("ListForms").WithSummary("Every stored form with its latest version").Produces<IReadOnlyList<FormSummary>>();
        group.MapGet("/{formKey}/versions", VersionsAsync).RequireAuthorization(Policies.Officer)
            .WithName("ListFormVersions").WithSummary("The versions of one form").Produces<IReadOnlyList<FormVersionSummary>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{formKey}/versions/{version:int}", VersionAsync).RequireAuthorization(Policies.Officer)
            .WithName("GetFormVersion").WithSummary("One version's form-js schema").Produces<FormVersionView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{formKey}", DeployAsync).RequireAuthorization(Policies.Designer)
            .WithName("DeployForm").WithSummary("Deploy a form-js schema as the form's next version")
            .WithDescription("The body is the form-js schema (JSON). Identical content to the latest version is a no-op (200); a new version is 201; problems are 400 with one entry per location.")
            .Accepts<JsonObject>("application/json")
            .Produces<FormDeployed>(StatusCodes.Status201Created).Produces<FormDeployed>().ProducesValidationProblem()
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var forms = await db.FormVersions.AsNoTracking()
            .GroupBy(f => f.FormKey)
            .Select(g => g.OrderByDescending(f => f.Version).First())
            .OrderBy(f => f.FormKey)
            .Select(f => new FormSummary(f.FormKey, f.Version, f.DeployedAt, f.DeployedBy))
            .ToListAsync(cancellationToken);
        return Results.Ok(forms);
    }

    private static async Task<IResult> VersionsAsync(string formKey, AppDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.FormVersions.AsNoTracking().Where(f => f.FormKey == formKey).OrderBy(f => f.Version)
            .Select(f => new FormVersionSummary(f.Version, f.ContentHash, f.DeployedAt, f.DeployedBy))
            .ToListAsync(cancellationToken);
        return versions.Count > 0 ? Results.Ok(versions) : NotFound(formKey);
    }

    private static async Task<IResult> VersionAsync(string formKey, int version, AppDbContext db, CancellationToken cancellationToken)
    {
        var form = await db.FormVersions.AsNoTracking().SingleOrDefaultAsync(f => f.FormKey == formKey && f.Version == version, cancellationToken);
        return form is null
            ? NotFound($"{formKey} version {version}")
            : Results.Ok(new FormVersionView(form.FormKey, form.Version, form.DeployedAt, JsonNode.Parse(form.Schema)!.AsObject()));
    }

    private static async Task<IResult> DeployAsync(string formKey, HttpRequest request, FormDeployment deployment, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!FormDeployment.IsValidKey(formKey))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["formKey"] = ["A form key has lowercase letters, digits and dashes (at most 200)."] });
        }
        if (request.ContentLength > MaxSchemaBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"A form schema is at most {MaxSchemaBytes:N0} bytes.");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxSchemaBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxSchemaBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"A form schema is at most {MaxSchemaBytes:N0} bytes.");
        }
        var outcome = await deployment.DeployAsync(formKey, new string(buffer, 0, read), request.HttpContext.User.Identity?.Name ?? "unknown", cancellationToken,
            audit.Describe(DeployedAction));
        if (!outcome.Succeeded)
        {
            var english = global::System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            return Results.ValidationProblem(
                outcome.Problems.GroupBy(p => p.Location).ToDictionary(g => g.Key, g => g.Select(p => english ? p.MessageEn : p.MessageVi).ToArray()),
                title: "The form schema has problems");
        }
        var body = new FormDeployed(outcome.FormKey, outcome.Version, outcome.IsNew);
        return outcome.IsNew ? Results.Created($"/api/v1/forms/{formKey}/versions/{outcome.Version}", body) : Results.Ok(body);
    }

    private static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No stored form {what}.");
}
