namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>The <c>/api/v1/identity</c> and <c>/api/v1/admin</c> route groups: the caller's own account, officer accounts, grants, partner clients.</summary>
internal static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
