using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// The identity and administration API: <c>/api/v1/identity</c> (the caller's own account, any signed-in
/// principal), <c>/api/v1/agencies</c> (officers), and <c>/api/v1/admin</c> (administrators: officer accounts,
/// their grants, integration partners' clients).
/// </summary>
internal static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/identity").WithTags("Identity").MapMe();
        endpoints.MapGroup("/api/v1/agencies").WithTags("Agencies").RequireAuthorization(Policies.Officer).MapAgencies();
        var admin = endpoints.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Administrator);
        admin.MapGroup("/accounts").WithTags("Officer accounts").MapAccounts().MapGrants();
        admin.MapGroup("/clients").WithTags("Partner clients").MapPartnerClients();
        return endpoints;
    }
}
