using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>One role the officer holds now, at one agency.</summary>
internal sealed record ActiveGrant(string Role, string AgencyCode);

/// <summary>
/// What the signed-in officer may do right now: the grants valid at this instant (not revoked, inside their period)
/// of an enabled account. Read from the database once per request, so a revocation or expiry applies at once
/// on every host — nothing is cached in the cookie.
/// </summary>
internal sealed class OfficerScope(Guid accountId, string fullName, IReadOnlyList<ActiveGrant> grants, bool mustChangePassword = false)
{
    /// <summary>The password was set by someone else: until it is changed, no role opens anything.</summary>
    public bool MustChangePassword { get; } = mustChangePassword;

    public Guid AccountId { get; } = accountId;

    public string FullName { get; } = fullName;

    public IReadOnlyList<ActiveGrant> Grants { get; } = grants;

    public bool HasRole(string role) => Grants.Any(g => g.Role == role);

    /// <summary>The agencies where the officer holds any dossier-handling role: the dossiers they may see.</summary>
    public IReadOnlySet<string> Agencies => Grants.Where(g => !OfficerRole.IsSystemWide(g.Role)).Select(g => g.AgencyCode).ToHashSet(StringComparer.Ordinal);

    /// <summary>Candidate groups of workflow tasks this officer may take: <c>role@agency</c> for each grant (see docs/security.md).</summary>
    public IReadOnlyList<string> CandidateGroups => [.. Grants.Select(g => $"{g.Role}@{g.AgencyCode}")];

    public bool CanHandleDossiersOf(string agencyCode) => Agencies.Contains(agencyCode);
}

internal sealed class OfficerAccess(AppDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    private OfficerScope? _scope;
    private bool _loaded;

    /// <summary>The current request's officer, or null when the caller is not a signed-in, enabled officer.</summary>
    public async Task<OfficerScope?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _scope;
        }
        _loaded = true;
        var user = httpContextAccessor.HttpContext?.User;
        _scope = user is null ? null : await ForPrincipalAsync(user, cancellationToken);
        return _scope;
    }

    public async Task<OfficerScope?> ForPrincipalAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: var type } || type != Hosting.Schemes.Officer
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
        {
            return null;
        }
        return await ForAccountAsync(accountId, cancellationToken);
    }

    public async Task<OfficerScope?> ForAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking()
            .Where(a => a.Id == accountId && a.DisabledAt == null)
            .Select(a => new { a.Id, a.FullName, a.MustChangePassword })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.AccountId == accountId && g.RevokedAt == null && g.ValidFrom <= now && (g.ValidUntil == null || now < g.ValidUntil))
            .Select(g => new ActiveGrant(g.Role, g.AgencyCode))
            .ToListAsync(cancellationToken);
        return new OfficerScope(account.Id, account.FullName, grants, account.MustChangePassword);
    }
}

/// <summary>Requires an officer holding, now, any of <see cref="Roles"/> (any role at all when empty).</summary>
internal sealed record OfficerRoleRequirement(IReadOnlyList<string> Roles) : IAuthorizationRequirement;

internal sealed class OfficerRoleHandler(OfficerAccess access) : AuthorizationHandler<OfficerRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OfficerRoleRequirement requirement)
    {
        var scope = await access.ForPrincipalAsync(context.User, CancellationToken.None);
        // A temporary password (first administrator, reset by an administrator) opens only the account pages,
        // which need no role, so the officer's first act is to choose their own password.
        if (scope is null || scope.MustChangePassword)
        {
            return;
        }
        if (requirement.Roles.Count == 0 ? scope.Grants.Count > 0 : requirement.Roles.Any(scope.HasRole))
        {
            context.Succeed(requirement);
        }
    }
}
