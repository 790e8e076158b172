namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>The built-in stand-in for VNeID: authorize (sign-in and consent), user info, sign-out.</summary>
internal static class DevelopmentIdentityProviderEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentIdentityProvider(this IEndpointRouteBuilder endpoints) => endpoints;
}
