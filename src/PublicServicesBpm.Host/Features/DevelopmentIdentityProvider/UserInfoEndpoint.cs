using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PublicServicesBpm.Host.Features.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// <c>/connect/userinfo</c>: the citizen's current data (read fresh from the account), limited to the scopes the
/// access token was granted. OpenIddict has already validated the access token.
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CitizenAccounts accounts)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var account = subject is null ? null : await accounts.FindBySubjectAsync(subject, context.RequestAborted);
        if (account is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token no longer belongs to an account.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var principal = result.Principal!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = account.Subject };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = account.FullName;
            claims[Claims.Birthdate] = account.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            claims[Claims.Gender] = account.Gender;
        }
        if (principal.HasScope(CitizenClaims.CitizenScope))
        {
            claims[CitizenClaims.PersonalIdNumber] = account.PersonalIdNumber;
            claims[CitizenClaims.AccountType] = CitizenPrincipal.CitizenAccountType;
            claims[CitizenClaims.AssuranceLevel] = account.AssuranceLevel;
        }
        if (principal.HasScope(Scopes.Email) && account.Email is not null)
        {
            claims[Claims.Email] = account.Email;
        }
        if (principal.HasScope(Scopes.Phone) && account.PhoneNumber is not null)
        {
            claims[Claims.PhoneNumber] = account.PhoneNumber;
        }
        if (principal.HasScope(Scopes.Address) && account.Address is not null)
        {
            claims[Claims.Address] = CitizenPrincipal.Address(account.Address);
        }
        return Results.Ok(claims);
    }
}
