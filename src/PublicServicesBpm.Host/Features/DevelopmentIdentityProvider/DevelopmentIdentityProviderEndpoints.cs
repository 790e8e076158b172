using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// The built-in stand-in for VNeID: authorize (sign-in and consent), user info, sign-out. Its pages are under
/// <c>UI/Pages/Idp</c>. Nothing is mapped when <c>Identity:DevelopmentProvider:Enabled</c> is false.
/// </summary>
internal static class DevelopmentIdentityProviderEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentIdentityProvider(this IEndpointRouteBuilder endpoints)
    {
        if (!AuthorizationServer.DevelopmentProviderEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return endpoints;
        }
        // OpenIddict validates these requests before the handlers run and answers protocol errors itself.
        endpoints.MapMethods(AuthorizationServer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapMethods(AuthorizationServer.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapMethods(AuthorizationServer.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionEndpoint.HandleAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }
}
