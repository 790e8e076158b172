using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Workflows;

/// <summary>Deployed workflow definitions: list, versions, the BPMN XML, and deployment of a new file (designers).</summary>
internal static class DefinitionsEndpoints
{
    /// <summary>Largest BPMN file accepted for deployment (the importer has its own size and depth limits too).</summary>
    public const int MaxBpmnBytes = 2 * 1024 * 1024;

    public sealed record DefinitionSummary(string Key, string? Name, int LatestVersion, DateTimeOffset DeployedAt, string DeployedBy);

    public sealed record VersionSummary(string Key, int Version, string? Name, string ContentHash, DateTimeOffset DeployedAt, string DeployedBy, DateTimeOffset? RetiredAt);

    public sealed record DeployedProcess(string Key, int Version, bool IsNew);

    public sealed record DeploymentResult(IReadOnlyList<DeployedProcess> Processes, IReadOnlyList<Problem> Warnings);

    public sealed record Problem(string? ElementId, string ElementType, string Code, string Severity, string Message);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListDefinitions").WithSummary("Deployed processes with their latest version").RequireAuthorization(Policies.Officer);
        group.MapGet("/{key}/versions", VersionsAsync).WithName("ListDefinitionVersions").WithSummary("Every version of one process").RequireAuthorization(Policies.Officer);
        group.MapGet("/{key}/versions/{version:int}/xml", XmlAsync).WithName("GetDefinitionXml").WithSummary("The BPMN XML of one version (with its diagram)")
            .Produces<string>(StatusCodes.Status200OK, "application/xml").RequireAuthorization(Policies.Officer);
        group.MapPost("/", DeployAsync).WithName("DeployDefinition")
            .WithSummary("Deploy a BPMN file (body: the XML). Unchanged content keeps its version; a change creates a new one.")
            .Accepts<string>("application/xml", "text/xml")
            .Produces<DeploymentResult>(StatusCodes.Status201Created).Produces<DeploymentResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Designer)
            .DisableAntiforgery();
    }

    private static async Task<IResult> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.ProcessDefinitionVersions.AsNoTracking()
            .GroupBy(v => v.Key)
            .Select(g => g.OrderByDescending(v => v.Version).First())
            .OrderBy(v => v.Key)
            .Select(v => new DefinitionSummary(v.Key, v.Name, v.Version, v.DeployedAt, v.DeployedBy))
            .ToListAsync(cancellationToken);
        return Results.Ok(latest);
    }

    private static async Task<IResult> VersionsAsync(string key, AppDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ProcessDefinitionVersions.AsNoTracking()
            .Where(v => v.Key == key)
            .OrderByDescending(v => v.Version)
            .Select(v => new VersionSummary(v.Key, v.Version, v.Name, v.ContentHash, v.DeployedAt, v.DeployedBy, v.RetiredAt))
            .ToListAsync(cancellationToken);
        return versions.Count == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No process with the key '{key}' is deployed.")
            : Results.Ok(versions);
    }

    private static async Task<IResult> XmlAsync(string key, int version, AppDbContext db, CancellationToken cancellationToken)
    {
        var xml = await db.ProcessDefinitionVersions.AsNoTracking()
            .Where(v => v.Key == key && v.Version == version)
            .Select(v => v.BpmnXml)
            .SingleOrDefaultAsync(cancellationToken);
        return xml is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Process '{key}' has no version {version}.")
            : Results.Text(xml, "application/xml", Encoding.UTF8);
    }

    private static async Task<IResult> DeployAsync(
        HttpRequest request, IServiceProvider services, IConfiguration configuration, ProcessDeployment deployment, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var xml = await ReadBodyAsync(request, cancellationToken);
        if (xml is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large", detail: $"A BPMN file may have at most {MaxBpmnBytes / 1024 / 1024} MB.");
        }
        if (string.IsNullOrWhiteSpace(xml))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty body", detail: "Send the BPMN XML as the request body.");
        }
        var context = await RepositoryDefinitions.ContextAsync(services, configuration, [], cancellationToken);
        var deployedBy = AuditTrail.Actor(request.HttpContext.User).Name ?? "designer";
        var outcome = await deployment.DeployAsync(xml, deployedBy, context, cancellationToken, audit: audit.Describe(AuditActions.DefinitionDeployed));
        var problems = outcome.Problems.Select(p => new Problem(p.ElementId, p.ElementType, p.Code, p.Severity.ToString().ToLowerInvariant(), p.Message)).ToList();
        if (!outcome.Succeeded)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The BPMN file is not valid",
                detail: $"{problems.Count(p => p.Severity == "error")} problem(s) must be fixed before it can be deployed.",
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        }
        var processes = outcome.Processes.Select(p => new DeployedProcess(p.Key, p.Version, p.IsNew)).ToList();
        var result = new DeploymentResult(processes, problems);
        return processes.Any(p => p.IsNew) ? Results.Created($"/api/v1/definitions/{processes[0].Key}/versions", result) : Results.Ok(result);
    }

    /// <summary>The body as text, or null when it exceeds <see cref="MaxBpmnBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBpmnBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBpmnBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
