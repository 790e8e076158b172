using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// <c>/connect/endsession</c>: ends the provider's session, then OpenIddict sends the browser back to the client's
/// validated <c>post_logout_redirect_uri</c> (or to the home page when the client gave none).
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        await context.SignOutAsync(ProviderSession.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
