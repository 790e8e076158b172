using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Workflows;

/// <summary>
/// The workflow engine's HTTP API: definitions and versions, instances, tasks and incidents under <c>/api/v1</c>.
/// Designers deploy; designers and administrators operate instances and incidents; officers work on the tasks
/// of their groups. Every command is audited in the engine's own commit.
/// </summary>
internal static class WorkflowsApi
{
    /// <summary>Procedure designers and administrators: the technical view of instances and incidents.</summary>
    public static readonly AuthorizationPolicy Operators = new AuthorizationPolicyBuilder()
        .AddAuthenticationSchemes(Schemes.Officer)
        .AddRequirements(new OfficerRoleRequirement([OfficerRole.ProcedureDesigner, OfficerRole.Administrator]))
        .Build();

    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder endpoints)
    {
        DefinitionsEndpoints.Map(endpoints.MapGroup("/api/v1/definitions").WithTags("Definitions"));
        InstancesEndpoints.Map(endpoints.MapGroup("/api/v1/instances").WithTags("Instances"));
        TasksEndpoints.Map(endpoints.MapGroup("/api/v1/tasks").WithTags("Tasks"));
        IncidentsEndpoints.Map(endpoints.MapGroup("/api/v1/incidents").WithTags("Incidents"));
        endpoints.MapPost("/api/v1/messages", InstancesEndpoints.CorrelateAsync)
            .WithTags("Instances").WithName("CorrelateMessage").WithSummary("Deliver a message to the instance waiting for it")
            .RequireAuthorization(Operators);
        return endpoints;
    }

    /// <summary>An engine refusal as problem details: not found 404, conflict 409, invalid 422.</summary>
    public static IResult Problem(EngineCommandException exception) => exception.Reason switch
    {
        CommandRejection.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: exception.Message),
        CommandRejection.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: exception.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The command cannot be applied", detail: exception.Message),
    };

    /// <summary>The optional <c>Idempotency-Key</c> header: a repeated command with the same key is answered, not re-applied.</summary>
    public static string? IdempotencyKey(HttpRequest request)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        return string.IsNullOrWhiteSpace(key) ? null : key.Length <= 200 ? key : throw new BadHttpRequestException("Idempotency-Key is longer than 200 characters.");
    }

    /// <summary>Variables of a request body must be a JSON object (or absent).</summary>
    public static IResult? RejectVariables(JsonNode? variables) =>
        variables is null or JsonObject ? null
        : Results.ValidationProblem(new Dictionary<string, string[]> { ["variables"] = ["Variables must be a JSON object."] });
}
