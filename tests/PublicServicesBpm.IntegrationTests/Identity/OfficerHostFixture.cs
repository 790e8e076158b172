using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>
/// The real host on a fresh database with one agency, mail going into a pickup directory of its own; helpers to
/// create officers (through UserManager, as an administrator would) and to read what the host recorded.
/// </summary>
public class OfficerHostFixture : IAsyncLifetime
{
    public const string AgencyCode = "000.00.11.H38";
    public const string AgencyName = "Sở Tư pháp tỉnh Lào Cai";
    public const string Password = "Mật-khẩu-2025-An toàn!";
    private TestPostgres? _postgres;
    private string _connectionString = string.Empty;

    public TestHost Host { get; private set; } = null!;

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "psb-mail-" + Guid.NewGuid().ToString("N"));

    protected virtual string[] ExtraArguments => [];

    /// <summary>Whether to create the agency <see cref="AgencyCode"/> (the first-start seed tests want no agencies at all).</summary>
    protected virtual bool CreatesAgency => true;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(_connectionString, services => services.AddOfficerSignIn(), [$"--Mail:PickupDirectory={MailDirectory}", .. ExtraArguments]);
        if (!CreatesAgency)
        {
            return;
        }
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Agencies.Add(new Agency { Code = AgencyCode, Name = AgencyName, ProvinceCode = "10", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public OfficerBrowser NewBrowser() => new(Host.BaseAddress);

    /// <summary>An officer with the given roles at <see cref="AgencyCode"/> and the password <see cref="Password"/>.</summary>
    public async Task<OfficerAccount> CreateOfficerAsync(string userName, string fullName, string[]? roles = null, bool mustChangePassword = false, bool disabled = false)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var now = DateTimeOffset.UtcNow;
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            Email = userName + "@stp.laocai.gov.vn",
            EmailConfirmed = true,
            FullName = fullName,
            CreatedAt = now,
            MustChangePassword = mustChangePassword,
            DisabledAt = disabled ? now : null,
        };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var role in roles ?? [])
        {
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, AgencyCode = AgencyCode, Role = role, ValidFrom = now.AddDays(-1), GrantedAt = now });
        }
        await db.SaveChangesAsync();
        return account;
    }

    public async Task<OfficerAccount> FindOfficerAsync(Guid id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>The audit entries with this action (and target, when given), oldest first.</summary>
    public async Task<List<AuditEntry>> AuditAsync(string action, string? targetId = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditLog.AsNoTracking()
            .Where(e => e.Action == action && (targetId == null || e.TargetId == targetId))
            .OrderBy(e => e.Sequence)
            .ToListAsync();
    }

    /// <summary>The mails in the pickup directory addressed to <paramref name="to"/>, as text.</summary>
    public IReadOnlyList<string> MailsTo(string to) =>
        !Directory.Exists(MailDirectory)
            ? []
            : [.. Directory.GetFiles(MailDirectory, "*.eml").Select(File.ReadAllText).Where(m => m.Contains($"To: <{to}>", StringComparison.Ordinal))];

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(_connectionString);
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}
