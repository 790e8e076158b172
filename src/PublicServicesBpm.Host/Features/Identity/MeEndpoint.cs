using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary><c>GET /api/v1/identity/me</c>: who the caller is — an officer, an applicant or an integration partner.</summary>
internal static class MeEndpoint
{
    public const string OfficerKind = "officer";
    public const string ApplicantKind = "applicant";
    public const string PartnerKind = "partner";

    private static readonly string[] s_otherSchemes = [Schemes.Bearer, Schemes.Citizen];

    /// <summary>
    /// Any signed-in principal: officer cookie, partner bearer token, or citizen cookie. Only the officer scheme is the
    /// policy's own (so a refusal is the officer cookie's plain 401 or 403 for an API); the requirement reads the
    /// bearer token and the citizen cookie itself, because challenging the citizen scheme would redirect an API
    /// caller to the identity provider. An officer whose account is disabled is refused at once (403), before the
    /// security stamp check ends the session.
    /// </summary>
    public static readonly AuthorizationPolicy AnySignedIn = new AuthorizationPolicyBuilder(Schemes.Officer)
        .RequireAssertion(IsSignedInAsync)
        .Build();

    internal sealed record MeResponse(string Kind, string Id, string DisplayName, MeOfficer? Officer, MeApplicant? Applicant, MePartner? Partner);

    internal sealed record MeOfficer(string UserName, bool MustChangePassword, IReadOnlyList<MeGrant> Grants, IReadOnlyList<string> CandidateGroups);

    /// <summary>A role valid now; <c>validUntil</c> is exclusive, null for open-ended.</summary>
    internal sealed record MeGrant(string Role, string AgencyCode, string AgencyName, DateTimeOffset? ValidUntil);

    internal sealed record MeApplicant(string AccountType, int AssuranceLevel, DateTimeOffset LastSignInAt);

    internal sealed record MePartner(string ClientId, IReadOnlyList<string> Scopes);

    public static RouteGroupBuilder MapMe(this RouteGroupBuilder group)
    {
        group.MapGet("/me", HandleAsync)
            .WithName("GetMe")
            .WithSummary("The signed-in caller: officer (with current roles and task groups), applicant, or partner client")
            .RequireAuthorization(AnySignedIn)
            .Produces<MeResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<bool> IsSignedInAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http)
        {
            return false;
        }
        if (IsOfficer(context.User))
        {
            return await http.RequestServices.GetRequiredService<OfficerAccess>().ForPrincipalAsync(context.User, http.RequestAborted) is not null;
        }
        foreach (var scheme in s_otherSchemes)
        {
            var result = await http.AuthenticateAsync(scheme);
            if (result.Succeeded && (scheme == Schemes.Bearer || result.Principal.FindFirst(CitizenClaims.ApplicantId) is not null))
            {
                http.User = result.Principal;
                return true;
            }
        }
        return false;
    }

    private static bool IsOfficer(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Schemes.Officer);

    private static async Task<IResult> HandleAsync(HttpContext context, AppDbContext db, OfficerAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = context.User;
        if (IsOfficer(user))
        {
            var scope = await access.CurrentAsync(cancellationToken);
            var account = scope is null ? null : await db.Users.AsNoTracking().Where(a => a.Id == scope.AccountId)
                .Select(a => new { a.UserName, a.MustChangePassword }).SingleOrDefaultAsync(cancellationToken);
            if (scope is null || account is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Account disabled", detail: "This officer account is disabled.");
            }
            var now = clock.GetUtcNow();
            var grants = await db.RoleGrants.AsNoTracking()
                .Where(g => g.AccountId == scope.AccountId && g.RevokedAt == null && g.ValidFrom <= now && (g.ValidUntil == null || now < g.ValidUntil))
                .Join(db.Agencies, g => g.AgencyCode, a => a.Code, (g, a) => new MeGrant(g.Role, g.AgencyCode, a.Name, g.ValidUntil))
                .ToListAsync(cancellationToken);
            var officer = new MeOfficer(account.UserName ?? string.Empty, account.MustChangePassword,
                [.. grants.OrderBy(g => g.AgencyCode, StringComparer.Ordinal).ThenBy(g => g.Role, StringComparer.Ordinal)], scope.CandidateGroups);
            return Results.Ok(new MeResponse(OfficerKind, scope.AccountId.ToString("D"), scope.FullName, officer, null, null));
        }
        if (Guid.TryParse(user.FindFirstValue(CitizenClaims.ApplicantId), out var applicantId))
        {
            var profile = await db.ApplicantProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == applicantId, cancellationToken);
            if (profile is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Unknown applicant", detail: "The signed-in applicant has no profile here any more. Sign in again.");
            }
            return Results.Ok(new MeResponse(ApplicantKind, profile.Id.ToString("D"), profile.FullName, null,
                new MeApplicant(profile.AccountType, profile.AssuranceLevel, profile.LastSignInAt), null));
        }
        if (user.FindFirstValue(OpenIddictConstants.Claims.ClientId) is { } clientId)
        {
            var scopes = user.GetScopes().Order(StringComparer.Ordinal).ToList();
            return Results.Ok(new MeResponse(PartnerKind, clientId, user.FindFirstValue(OpenIddictConstants.Claims.Name) ?? clientId, null, null,
                new MePartner(clientId, scopes)));
        }
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "Sign in as an officer or applicant, or send a partner access token.");
    }
}
