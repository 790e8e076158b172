using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// Roles of officers at agencies, with validity periods (function H1): grant, revoke, transfer between agencies,
/// history. Grants are never deleted or back-dated, so "who could do what, when" stays answerable; each command
/// and its audit entry commit in one transaction.
/// </summary>
internal sealed class GrantsService(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The revocation reason of grants ended by a transfer.</summary>
    public const string TransferReason = "transfer";

    /// <summary>How far in the past a start instant may lie (clock differences between the caller and the server).</summary>
    private static readonly TimeSpan s_clockTolerance = TimeSpan.FromMinutes(5);

    public static GrantsService For(IServiceProvider services) => ActivatorUtilities.GetServiceOrCreateInstance<GrantsService>(services);

    /// <summary>Every grant the account ever had, newest first, with its status now. Null when the account does not exist.</summary>
    public async Task<IReadOnlyList<GrantView>?> HistoryAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return null;
        }
        var rows = await db.RoleGrants.AsNoTracking()
            .Where(g => g.AccountId == accountId)
            .OrderByDescending(g => g.GrantedAt).ThenBy(g => g.Role)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(rows, cancellationToken);
    }

    public async Task<AdminOutcome<GrantView>> AddAsync(Guid accountId, AddGrantRequest request, Guid actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new List<AdminError>();
        var role = AccountsValidation.Clean(request.Role);
        if (role is null)
        {
            errors.Add(new("role", "RoleRequired", "The role is required."));
        }
        else if (!OfficerRole.All.Contains(role))
        {
            errors.Add(AccountsValidation.UnknownRole("role"));
        }
        var agencyCode = await ExistingAgencyAsync(request.AgencyCode, "agencyCode", errors, cancellationToken);
        var validFrom = request.ValidFrom ?? now;
        if (validFrom < now - s_clockTolerance)
        {
            errors.Add(new("validFrom", "ValidFromInPast", "A grant cannot start in the past (history is not rewritten); leave it empty to start now."));
        }
        if (request.ValidUntil is { } until && until <= validFrom)
        {
            errors.Add(new("validUntil", "ValidUntilBeforeValidFrom", "The end of validity must be after its start."));
        }
        if (errors.Count > 0)
        {
            return AdminOutcome<GrantView>.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return AccountsService.AccountNotFound<GrantView>();
        }
        if (await OverlappingAsync(accountId, role!, agencyCode!, validFrom, request.ValidUntil, cancellationToken))
        {
            return AdminOutcome<GrantView>.Conflict("DuplicateGrant", "The officer already holds this role at this agency for (part of) this period.");
        }
        var grant = new RoleGrant
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Role = role!,
            AgencyCode = agencyCode!,
            ValidFrom = validFrom,
            ValidUntil = request.ValidUntil,
            GrantedAt = now,
            GrantedBy = actorId,
        };
        db.RoleGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.GrantAdded, AccountsService.AuditTargetType, accountId.ToString("D"),
            details: new { grantId = grant.Id, grant.Role, grant.AgencyCode, grant.ValidFrom, grant.ValidUntil }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<GrantView>.Success((await ViewsAsync([grant], cancellationToken))[0]);
    }

    public async Task<AdminOutcome<GrantView>> RevokeAsync(Guid accountId, Guid grantId, RevokeGrantRequest request, Guid actorId, CancellationToken cancellationToken)
    {
        var reason = AccountsValidation.Clean(request.Reason);
        if (reason is null)
        {
            return AdminOutcome<GrantView>.Invalid([new("reason", "ReasonRequired", "Say why the grant is revoked.")]);
        }
        if (reason.Length > AccountsValidation.MaxReasonLength)
        {
            return AdminOutcome<GrantView>.Invalid([new("reason", "ReasonTooLong", $"The reason can be at most {AccountsValidation.MaxReasonLength} characters.")]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.AccountId == accountId, cancellationToken);
        if (grant is null)
        {
            return AdminOutcome<GrantView>.NotFound("GrantNotFound", "This account has no grant with this id.");
        }
        if (grant.RevokedAt is not null)
        {
            return AdminOutcome<GrantView>.Conflict("AlreadyRevoked", "The grant is already revoked.");
        }
        var now = clock.GetUtcNow();
        if (accountId == actorId && grant.Role == OfficerRole.Administrator && grant.IsActiveAt(now))
        {
            // Another administrator must do it, so nobody locks the last administrator out by mistake.
            return AdminOutcome<GrantView>.Conflict("CannotRevokeOwnAdministrator", "An administrator cannot revoke their own administrator role.");
        }
        grant.RevokedAt = now;
        grant.RevokedBy = actorId;
        grant.RevocationReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.GrantRevoked, AccountsService.AuditTargetType, accountId.ToString("D"),
            details: new { grantId, grant.Role, grant.AgencyCode, reason }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<GrantView>.Success((await ViewsAsync([grant], cancellationToken))[0]);
    }

    /// <summary>
    /// Moves the officer's roles at one agency to another. Effective now: the source grants are revoked (reason
    /// "transfer"). Effective later: they end at that instant (validity cut, reason "transfer") and the new ones
    /// start then, so the officer keeps working at the old agency until the move.
    /// </summary>
    public async Task<AdminOutcome<TransferResult>> TransferAsync(Guid accountId, TransferAccountRequest request, Guid actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new List<AdminError>();
        var from = await ExistingAgencyAsync(request.FromAgencyCode, "fromAgencyCode", errors, cancellationToken);
        var to = await ExistingAgencyAsync(request.ToAgencyCode, "toAgencyCode", errors, cancellationToken);
        if (from is not null && from == to)
        {
            errors.Add(new("toAgencyCode", "SameAgency", "The target agency must differ from the source agency."));
        }
        var effective = request.EffectiveAt ?? now;
        if (effective < now - s_clockTolerance)
        {
            errors.Add(new("effectiveAt", "EffectiveInPast", "A transfer cannot take effect in the past; leave it empty to transfer now."));
        }
        if (effective < now)
        {
            effective = now;
        }
        if (errors.Count > 0)
        {
            return AdminOutcome<TransferResult>.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return AccountsService.AccountNotFound<TransferResult>();
        }
        var sources = await db.RoleGrants
            .Where(g => g.AccountId == accountId && g.AgencyCode == from && g.RevokedAt == null && (g.ValidUntil == null || g.ValidUntil > effective))
            .OrderBy(g => g.Role)
            .ToListAsync(cancellationToken);
        if (sources.Count == 0)
        {
            return AdminOutcome<TransferResult>.Conflict("NothingToTransfer", "The officer holds no current or upcoming role at the source agency.");
        }
        var created = new List<RoleGrant>();
        foreach (var source in sources)
        {
            var start = source.ValidFrom > effective ? source.ValidFrom : effective;
            var end = source.ValidUntil;
            source.RevocationReason = TransferReason;
            if (effective <= now || source.ValidFrom >= effective)
            {
                source.RevokedAt = now;
                source.RevokedBy = actorId;
            }
            else
            {
                source.ValidUntil = effective;
            }
            if (created.Any(g => g.Role == source.Role && Overlaps(g.ValidFrom, g.ValidUntil, start, end))
                || await OverlappingAsync(accountId, source.Role, to!, start, end, cancellationToken))
            {
                continue; // already holds this role there for that time
            }
            var grant = new RoleGrant
            {
                Id = Guid.CreateVersion7(),
                AccountId = accountId,
                Role = source.Role,
                AgencyCode = to!,
                ValidFrom = start,
                ValidUntil = end,
                GrantedAt = now,
                GrantedBy = actorId,
            };
            created.Add(grant);
            db.RoleGrants.Add(grant);
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.AccountTransferred, AccountsService.AuditTargetType, accountId.ToString("D"),
            details: new
            {
                fromAgencyCode = from,
                toAgencyCode = to,
                effectiveAt = effective,
                endedGrantIds = sources.Select(g => g.Id),
                createdGrantIds = created.Select(g => g.Id),
                roles = sources.Select(g => g.Role).Distinct(),
            },
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<TransferResult>.Success(new TransferResult(await ViewsAsync(sources, cancellationToken), await ViewsAsync(created, cancellationToken)));
    }

    internal static string StatusAt(RoleGrant grant, DateTimeOffset now) =>
        grant.RevokedAt is not null ? GrantStatus.Revoked
        : grant.ValidUntil is { } until && until <= now ? GrantStatus.Expired
        : grant.ValidFrom > now ? GrantStatus.Scheduled
        : GrantStatus.Active;

    private async Task<string?> ExistingAgencyAsync(string? value, string field, List<AdminError> errors, CancellationToken cancellationToken)
    {
        var code = AccountsValidation.Clean(value);
        if (code is null)
        {
            errors.Add(new(field, "AgencyRequired", "The agency code is required."));
            return null;
        }
        if (code.Length > AccountsValidation.MaxAgencyCodeLength || !await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken))
        {
            errors.Add(new(field, "AgencyUnknown", "No agency has this code."));
            return null;
        }
        return code;
    }

    private Task<bool> OverlappingAsync(Guid accountId, string role, string agencyCode, DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken) =>
        db.RoleGrants.AnyAsync(g => g.AccountId == accountId && g.Role == role && g.AgencyCode == agencyCode && g.RevokedAt == null
            && (until == null || g.ValidFrom < until) && (g.ValidUntil == null || g.ValidUntil > from), cancellationToken);

    private static bool Overlaps(DateTimeOffset fromA, DateTimeOffset? untilA, DateTimeOffset fromB, DateTimeOffset? untilB) =>
        (untilB is null || fromA < untilB) && (untilA is null || untilA > fromB);

    private async Task<IReadOnlyList<GrantView>> ViewsAsync(IReadOnlyCollection<RoleGrant> grants, CancellationToken cancellationToken)
    {
        var codes = grants.Select(g => g.AgencyCode).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return [.. grants.Select(g => new GrantView(
            g.Id, g.Role, g.AgencyCode, names.GetValueOrDefault(g.AgencyCode, g.AgencyCode), g.ValidFrom, g.ValidUntil,
            g.GrantedAt, g.GrantedBy, g.RevokedAt, g.RevokedBy, g.RevocationReason, StatusAt(g, now)))];
    }
}
