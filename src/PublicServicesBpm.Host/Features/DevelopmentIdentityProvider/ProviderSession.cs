using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// The provider's own sign-in session, in its own cookie: separate from the portal's citizen cookie, as VNeID's
/// session is separate from every service that signs in there.
/// </summary>
internal static class ProviderSession
{
    public const string Scheme = "idp";
    public const string CookieName = "psb.idp";
    public const string LoginPath = "/idp/login";
    public const string ConsentPath = "/idp/consent";
    public const string RegisterPath = "/idp/register";

    public static AuthenticationBuilder AddProviderSession(this AuthenticationBuilder authentication, TransportSecurity transport) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = transport.CookiePolicy;
            options.ExpireTimeSpan = TimeSpan.FromHours(1);
            options.SlidingExpiration = false;
            options.LoginPath = LoginPath;
        });

    /// <summary>Starts the provider session for an account whose password was just checked.</summary>
    public static Task SignInAsync(HttpContext context, CitizenAccount account, DateTimeOffset now)
    {
        var identity = new ClaimsIdentity(Scheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Subject));
        identity.AddClaim(new Claim(Claims.Name, account.FullName));
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IssuedUtc = now, IsPersistent = false });
    }

    public static string? Subject(ClaimsPrincipal? principal) => principal?.FindFirst(Claims.Subject)?.Value;
}
