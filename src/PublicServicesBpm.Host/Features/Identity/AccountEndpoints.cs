namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>Plain form-post endpoints of the account pages (sign-out for officers and citizens).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
