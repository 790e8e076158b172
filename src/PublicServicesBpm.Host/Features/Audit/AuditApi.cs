namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>The <c>/api/v1/audit</c> route group: query and verify the audit log (auditors).</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
