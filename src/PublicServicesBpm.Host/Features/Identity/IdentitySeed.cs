using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// First start on an empty database: demo agencies (when there are none) and the administrator account <c>admin</c>
/// with roles administrator and auditor at the root agency. Its password is <c>Identity:Administrator:Password</c>
/// when configured (from the environment in production), otherwise generated and printed once in the log; either
/// way it must be changed at first sign-in. Hosts starting together serialize on an advisory lock, so exactly one
/// creates the account.
/// </summary>
internal static class IdentitySeed
{
    public const string AdministratorUserName = "admin";
    public const string DefaultAdministratorEmail = "admin@localhost.localdomain";
    public const string AdministratorFullName = "Quản trị hệ thống";

    // Any constant unique to this purpose: pg_advisory_xact_lock keys are shared by the whole database.
    private const long SeedLockKey = 0x5053_4249_4453_4545;
    private const string SeedActorName = "first-start seed";
    private const string Banner = "================================================================================";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The demo agency tree: a province's people's committee, two of its departments and a commune.</summary>
    internal static readonly IReadOnlyList<Agency> DemoAgencies =
    [
        new() { Code = "000.00.00.H38", Name = "UBND tỉnh Lào Cai", ParentCode = null, ProvinceCode = "10" },
        new() { Code = "000.00.11.H38", Name = "Sở Tư pháp tỉnh Lào Cai", ParentCode = "000.00.00.H38", ProvinceCode = "10" },
        new() { Code = "000.00.12.H38", Name = "Sở Nội vụ tỉnh Lào Cai", ParentCode = "000.00.00.H38", ProvinceCode = "10" },
        new() { Code = "000.21.30.H38", Name = "UBND phường Cam Đường", ParentCode = "000.00.00.H38", ProvinceCode = "10" },
    ];

    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentitySeed).FullName!);
        await EnsureAsync(services, configuration, logger, cancellationToken);
    }

    /// <summary>Creates what is missing; returns whether this call created the administrator.</summary>
    internal static async Task<bool> EnsureAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false; // another host seeded while this one waited for the lock
        }
        var now = clock.GetUtcNow();
        var rootAgency = await EnsureAgenciesAsync(db, now, cancellationToken);

        var configured = configuration["Identity:Administrator:Password"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword(users.Options.Password) : configured;
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = AdministratorUserName,
            Email = configuration["Identity:Administrator:Email"] ?? DefaultAdministratorEmail,
            EmailConfirmed = true,
            FullName = AdministratorFullName,
            CreatedAt = now,
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "Cannot create the administrator account: " + string.Join(" ", created.Errors.Select(e => e.Description))
                + (string.IsNullOrEmpty(configured) ? string.Empty : " (check Identity:Administrator:Password against the password policy)"));
        }
        var system = new AuditRecord(AuditActorKind.System, null, SeedActorName, AuditActions.AccountCreated, "officer", account.Id.ToString("D"),
            Details: JsonSerializer.Serialize(new { userName = AdministratorUserName, source = "first-start" }, JsonOptions));
        await AuditLogWriter.AppendAsync(db, system, now, cancellationToken);
        foreach (var role in new[] { OfficerRole.Administrator, OfficerRole.Auditor })
        {
            var grant = new RoleGrant
            {
                Id = Guid.CreateVersion7(),
                AccountId = account.Id,
                AgencyCode = rootAgency,
                Role = role,
                ValidFrom = now,
                GrantedAt = now,
            };
            db.RoleGrants.Add(grant);
            await db.SaveChangesAsync(cancellationToken);
            await AuditLogWriter.AppendAsync(db, system with
            {
                Action = AuditActions.GrantAdded,
                TargetType = "grant",
                TargetId = grant.Id.ToString("D"),
                Details = JsonSerializer.Serialize(new { accountId = account.Id, role, agencyCode = rootAgency }, JsonOptions),
            }, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        if (string.IsNullOrEmpty(configured))
        {
            logger.LogWarning(
                "{NewLine}{Banner}{NewLine}  First start: created the administrator account '{UserName}'. Its one-time password is:{NewLine}{NewLine}      {Password}{NewLine}{NewLine}"
                + "  It is shown only this once. Sign in at /account/login; you will be asked to choose your own password.{NewLine}{Banner}",
                Environment.NewLine, Banner, Environment.NewLine, AdministratorUserName, Environment.NewLine, Environment.NewLine, password,
                Environment.NewLine, Environment.NewLine, Environment.NewLine, Banner);
        }
        else
        {
            logger.LogInformation("First start: created the administrator account {UserName} with the configured password (Identity:Administrator:Password); it must be changed at first sign-in", AdministratorUserName);
        }
        return true;
    }

    /// <summary>The demo tree when there are no agencies; returns the code of the root agency (the first without a parent).</summary>
    private static async Task<string> EnsureAgenciesAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Agencies.AnyAsync(cancellationToken))
        {
            db.Agencies.AddRange(DemoAgencies.Select(a => new Agency { Code = a.Code, Name = a.Name, ParentCode = a.ParentCode, ProvinceCode = a.ProvinceCode, CreatedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
        }
        return await db.Agencies.Where(a => a.ParentCode == null).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync(cancellationToken);
    }

    /// <summary>20 random characters from an unambiguous alphabet, with every class the policy asks for.</summary>
    internal static string GeneratePassword(PasswordOptions policy)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!#$%&*+-=?@^_~";
        const string all = upper + lower + digits + symbols;
        var length = Math.Max(20, policy.RequiredLength);
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(all, length);
            if (candidate.Any(upper.Contains) && candidate.Any(lower.Contains) && candidate.Any(digits.Contains) && candidate.Any(symbols.Contains)
                && candidate.Distinct().Count() >= policy.RequiredUniqueChars)
            {
                return candidate;
            }
        }
    }
}
