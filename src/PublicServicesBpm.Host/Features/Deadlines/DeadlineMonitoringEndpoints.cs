using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary><c>GET /api/v1/monitoring/deadlines?by=agency|procedure|officer</c>: near-due and overdue counts (H8, H26).</summary>
internal static class DeadlineMonitoringEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineMonitoringApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/monitoring/deadlines", CountAsync).WithTags("Monitoring").RequireAuthorization(Policies.Officer)
            .WithName("GetDeadlineCounts")
            .WithSummary("Open steps and dossiers with their near-due and overdue counts, by agency, procedure or officer (the caller's agencies)")
            .Produces<DeadlineMonitoring.Report>().ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> CountAsync(string? by, OfficerAccess access, DeadlineMonitoring monitoring, CancellationToken cancellationToken)
    {
        by ??= "agency";
        if (!DeadlineMonitoring.Dimensions.Contains(by))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown grouping",
                detail: "'by' is one of: " + string.Join(", ", DeadlineMonitoring.Dimensions) + ".");
        }
        if (await access.CurrentAsync(cancellationToken) is not { } officer)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Sign in as an officer.");
        }
        return Results.Ok(await monitoring.CountAsync(officer, by, cancellationToken));
    }
}
