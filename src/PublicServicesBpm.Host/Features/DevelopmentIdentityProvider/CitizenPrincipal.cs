using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// The claims the provider vouches for, as VNeID describes a citizen, and which token carries each: everything in
/// the access token (for user info), and in the identity token only what the granted scopes ask for.
/// </summary>
internal static class CitizenPrincipal
{
    public const string CitizenAccountType = "citizen";

    public static ClaimsPrincipal Create(CitizenAccount account, ImmutableArray<string> scopes, IEnumerable<string> resources, DateTimeOffset authenticatedAt)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Subject)
            .SetClaim(Claims.Name, account.FullName)
            .SetClaim(Claims.Birthdate, account.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .SetClaim(Claims.Gender, account.Gender)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(Claims.PhoneNumber, account.PhoneNumber)
            .SetClaim(CitizenClaims.PersonalIdNumber, account.PersonalIdNumber)
            .SetClaim(CitizenClaims.AccountType, CitizenAccountType)
            .SetClaim(CitizenClaims.AssuranceLevel, account.AssuranceLevel)
            .SetClaim(Claims.AuthenticationTime, authenticatedAt.ToUnixTimeSeconds());
        if (account.Address is not null)
        {
            identity.SetClaim(Claims.Address, Address(account.Address));
        }
        identity.SetScopes(scopes);
        identity.SetResources(resources);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The OpenID Connect <c>address</c> claim: a JSON object; the provider keeps one formatted line.</summary>
    public static JsonElement Address(string formatted) => JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["formatted"] = formatted });

    /// <summary>The scope that releases a claim; null for claims every token carries.</summary>
    public static string? ScopeOf(string claimType) => claimType switch
    {
        Claims.Name or Claims.Birthdate or Claims.Gender => Scopes.Profile,
        CitizenClaims.PersonalIdNumber or CitizenClaims.AccountType or CitizenClaims.AssuranceLevel => CitizenClaims.CitizenScope,
        Claims.Email => Scopes.Email,
        Claims.PhoneNumber => Scopes.Phone,
        Claims.Address => Scopes.Address,
        _ => null,
    };

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        switch (claim.Type)
        {
            case Claims.Subject:
                return [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken];
            case Claims.AuthenticationTime:
                return [OpenIddictConstants.Destinations.IdentityToken];
            default:
                var scope = ScopeOf(claim.Type);
                return scope is not null && identity.HasScope(scope)
                    ? [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken]
                    : [OpenIddictConstants.Destinations.AccessToken];
        }
    }
}
