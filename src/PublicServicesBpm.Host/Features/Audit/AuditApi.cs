using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>The <c>/api/v1/audit</c> route group: query and verify the audit log, access statistics (auditors only).</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/audit")
            .WithTags("Audit")
            .RequireAuthorization(Policies.Auditor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapSearchAuditLog();
        group.MapVerifyAuditLog();
        group.MapGetAuditStatistics();
        return endpoints;
    }
}
