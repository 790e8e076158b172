using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PublicServicesBpm.Host.Features.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// <c>/connect/authorize</c> (OpenIddict has already validated the client, redirect URI, PKCE and scopes): sends the
/// person to the sign-in page, then to the consent page, and finally issues the authorization code. The consent
/// page posts its decision back here together with the original request parameters.
/// </summary>
internal static class AuthorizeEndpoint
{
    /// <summary>The consent form's button: <c>accept</c> or <c>deny</c>.</summary>
    public const string DecisionField = "psb_consent";
    public const string Accept = "accept";
    public const string Deny = "deny";
    private const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IResult> HandleAsync(
        HttpContext context, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations,
        IOpenIddictScopeManager scopes, CitizenAccounts accounts, IAntiforgery antiforgery, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;
        var session = await context.AuthenticateAsync(ProviderSession.Scheme);
        var account = session.Succeeded && ProviderSession.Subject(session.Principal) is { } signedIn
            ? await accounts.FindBySubjectAsync(signedIn, cancellationToken)
            : null;
        if (account is null || MustAuthenticateAgain(request, session.Properties, clock))
        {
            return request.HasPromptValue(PromptValues.None)
                ? AuthorizationServer.Forbid(Errors.LoginRequired, "The user is not signed in.")
                : Results.Redirect(ProviderReturnUrl.PageWith(ProviderSession.LoginPath, await ReturnUrlAsync(context, forLogin: true)));
        }

        var decision = await DecisionAsync(context, antiforgery);
        if (decision == Deny)
        {
            return AuthorizationServer.Forbid(Errors.AccessDenied, "The user refused to share the requested data.");
        }
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("The client application cannot be found.");
        var applicationId = await applications.GetIdAsync(application, cancellationToken);
        var requestedScopes = request.GetScopes();
        object? authorization = null;
        await foreach (var existing in authorizations.FindAsync(account.Subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, requestedScopes, cancellationToken))
        {
            authorization = existing;
        }
        var mustAsk = await applications.HasConsentTypeAsync(application, ConsentTypes.Explicit, cancellationToken)
            && (authorization is null || request.HasPromptValue(PromptValues.Consent));
        if (mustAsk && decision != Accept)
        {
            return request.HasPromptValue(PromptValues.None)
                ? AuthorizationServer.Forbid(Errors.ConsentRequired, "The user has not agreed to share the requested data.")
                : Results.Redirect(ProviderReturnUrl.PageWith(ProviderSession.ConsentPath, await ReturnUrlAsync(context, forLogin: false)));
        }

        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(requestedScopes, cancellationToken))
        {
            resources.Add(resource);
        }
        var principal = CitizenPrincipal.Create(account, requestedScopes, resources, session.Properties?.IssuedUtc ?? clock.GetUtcNow());
        if (authorization is null || decision == Accept)
        {
            // Remembered: the next sign-in of this person at this client asks no more.
            authorization = await authorizations.CreateAsync(principal, account.Subject, applicationId!, AuthorizationTypes.Permanent, requestedScopes, cancellationToken);
        }
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, cancellationToken));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary><c>prompt=login</c>, or a session older than <c>max_age</c> seconds.</summary>
    private static bool MustAuthenticateAgain(OpenIddictRequest request, AuthenticationProperties? session, TimeProvider clock) =>
        request.HasPromptValue(PromptValues.Login)
        || (request.MaxAge is { } maxAge && session?.IssuedUtc is { } issued && clock.GetUtcNow() - issued > TimeSpan.FromSeconds(maxAge));

    /// <summary>The consent form's decision; ignored (so the question is asked again) without a valid antiforgery token.</summary>
    private static async Task<string?> DecisionAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return null;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? decision = form[DecisionField];
        return decision is Accept or Deny && await antiforgery.IsRequestValidAsync(context) ? decision : null;
    }

    /// <summary>
    /// This request again as a local GET address, without the consent form's own fields. For the sign-in page
    /// also without <c>prompt=login</c> and <c>max_age</c>, which the new sign-in satisfies (else it would loop).
    /// </summary>
    private static async Task<string> ReturnUrlAsync(HttpContext context, bool forLogin)
    {
        IEnumerable<KeyValuePair<string, StringValues>> parameters = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : context.Request.Query;
        var query = new QueryBuilder();
        foreach (var (name, values) in parameters)
        {
            if (name is DecisionField or AntiforgeryField || (forLogin && name == Parameters.MaxAge))
            {
                continue;
            }
            foreach (var value in values)
            {
                var kept = forLogin && name == Parameters.Prompt
                    ? string.Join(' ', (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != PromptValues.Login))
                    : value;
                if (!string.IsNullOrEmpty(kept))
                {
                    query.Add(name, kept);
                }
            }
        }
        return AuthorizationServer.AuthorizePath + query.ToQueryString();
    }
}
