using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// Where the provider's pages go back to: only this host's authorization endpoint, so the pages can never be used
/// as an open redirect.
/// </summary>
internal static class ProviderReturnUrl
{
    public static bool IsValid(string? returnUrl) =>
        returnUrl is not null
        && (returnUrl == AuthorizationServer.AuthorizePath || returnUrl.StartsWith(AuthorizationServer.AuthorizePath + "?", StringComparison.Ordinal))
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative);

    /// <summary>The parameters of a valid return URL (the authorization request), or an empty set.</summary>
    public static Dictionary<string, StringValues> Parameters(string? returnUrl)
    {
        if (!IsValid(returnUrl))
        {
            return [];
        }
        var query = returnUrl!.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? returnUrl[at..] : string.Empty;
        return QueryHelpers.ParseQuery(query);
    }

    /// <summary>A provider page's address carrying the return URL.</summary>
    public static string PageWith(string page, string? returnUrl) =>
        IsValid(returnUrl) ? QueryHelpers.AddQueryString(page, "returnUrl", returnUrl!) : page;
}
