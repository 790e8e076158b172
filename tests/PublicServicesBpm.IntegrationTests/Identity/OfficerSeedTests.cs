using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>A host on a database with no officers and no agencies: what a first start finds.</summary>
public sealed class OfficerSeedFixture : OfficerHostFixture
{
    protected override bool CreatesAgency => false;
}

public sealed partial class OfficerSeedTests(OfficerSeedFixture fixture) : IClassFixture<OfficerSeedFixture>
{
    [Fact]
    public async Task Seed_EmptyDatabaseTwoHostsAtOnce_CreatesOneAdministratorAndPrintsItsPasswordOnce()
    {
        var log = new ListLogger();
        var configuration = fixture.Host.Services.GetRequiredService<IConfiguration>();

        var created = await Task.WhenAll(
            IdentitySeed.EnsureAsync(fixture.Host.Services, configuration, log, CancellationToken.None),
            IdentitySeed.EnsureAsync(fixture.Host.Services, configuration, log, CancellationToken.None));
        var again = await IdentitySeed.EnsureAsync(fixture.Host.Services, configuration, log, CancellationToken.None);

        Assert.Equal(1, created.Count(c => c));
        Assert.False(again);
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        var password = PrintedPassword().Match(warning.Message).Groups["password"].Value;
        Assert.True(password.Length >= 12, warning.Message);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = Assert.Single(await db.Users.ToListAsync());
        Assert.Equal(("admin", "admin@localhost.localdomain", "Quản trị hệ thống", true), (admin.UserName, admin.Email, admin.FullName, admin.MustChangePassword));
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>().CheckPasswordAsync(admin, password));
        var grants = await db.RoleGrants.Where(g => g.AccountId == admin.Id).OrderBy(g => g.Role).ToListAsync();
        Assert.Equal([OfficerRole.Administrator, OfficerRole.Auditor], grants.Select(g => g.Role));
        var root = await db.Agencies.SingleAsync(a => a.ParentCode == null);
        Assert.Equal(("000.00.00.H38", "UBND tỉnh Lào Cai", "10"), (root.Code, root.Name, root.ProvinceCode));
        Assert.All(grants, g => Assert.Equal(root.Code, g.AgencyCode));
        Assert.True(await db.Agencies.CountAsync(a => a.ParentCode == root.Code) >= 2);
        var audit = await db.AuditLog.Where(e => e.ActorKind == AuditActorKind.System && (e.Action == AuditActions.AccountCreated || e.Action == AuditActions.GrantAdded)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.AccountCreated, AuditActions.GrantAdded, AuditActions.GrantAdded], audit);
        Assert.DoesNotContain(password, string.Join(" ", await db.AuditLog.Select(e => e.Canonical).ToListAsync()), StringComparison.Ordinal);

        // The printed password works once, and leads straight to choosing a new one.
        using var browser = fixture.NewBrowser();
        var page = await browser.SignInAsync("admin", password);
        Assert.Equal("/account/manage/password", page.Address.AbsolutePath);
    }

    [Fact]
    public async Task Seed_ConfiguredPassword_IsUsedAndNeverPrinted()
    {
        const string configured = "Cấu-hình-từ-môi-trường-2025!";
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        try
        {
            await using var host = await TestHost.StartAsync(connectionString, $"--Identity:Administrator:Password={configured}", "--Identity:Administrator:Email=quantri@laocai.gov.vn");
            var log = new ListLogger();

            var created = await IdentitySeed.EnsureAsync(host.Services, host.Services.GetRequiredService<IConfiguration>(), log, CancellationToken.None);

            Assert.True(created);
            Assert.DoesNotContain(log.Entries, e => e.Message.Contains(configured, StringComparison.Ordinal));
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
            var admin = await users.FindByNameAsync("admin");
            Assert.Equal("quantri@laocai.gov.vn", admin!.Email);
            Assert.True(await users.CheckPasswordAsync(admin, configured));
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void GeneratedPassword_AlwaysSatisfiesThePolicy()
    {
        var policy = new PasswordOptions { RequiredLength = 12, RequiredUniqueChars = 6 };

        var passwords = Enumerable.Range(0, 200).Select(_ => IdentitySeed.GeneratePassword(policy)).ToList();

        Assert.All(passwords, p => Assert.Matches(PolicyPattern(), p));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [GeneratedRegex(@"one-time password is:\s+(?<password>\S+)")]
    private static partial Regex PrintedPassword();

    [GeneratedRegex(@"^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{20,}$")]
    private static partial Regex PolicyPattern();

    private sealed record LogEntry(LogLevel Level, string Message);

    /// <summary>Keeps what the seed logs, formatted as the console would show it.</summary>
    private sealed class ListLogger : ILogger
    {
        private readonly Lock _gate = new();
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (_gate)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_gate)
            {
                _entries.Add(new LogEntry(logLevel, formatter(state, exception)));
            }
        }
    }
}
