using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Audit;

/// <summary>
/// The real host on a fresh database with an auditor and a specialist, and a known set of audit entries in January
/// 2026 (times in Vietnam, UTC+7). Officers sign in through a test-only endpoint added by a startup filter, so the
/// tests do not depend on the login page.
/// </summary>
public sealed class AuditHostFixture : IAsyncLifetime
{
    public const string Agency = "000.00.20.H29";
    public const string OfficerA = "officer-a";
    public const string OfficerB = "officer-b";
    public const string ApplicantP1 = "applicant-p1";
    public const string ApplicantP2 = "applicant-p2";
    public static readonly Guid DossierD1 = Guid.Parse("0190a3c2-5b7e-7c1d-9f00-0000000000d1");
    public static readonly Guid DossierD2 = Guid.Parse("0190a3c2-5b7e-7c1d-9f00-0000000000d2");
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private TestPostgres? _postgres;

    public string ConnectionString { get; private set; } = string.Empty;

    public TestHost Host { get; private set; } = null!;

    public Guid AuditorId { get; private set; }

    public Guid SpecialistId { get; private set; }

    /// <summary>
    /// Entries 1–5, in this order: A reads P1 (D1) on 10/01 09:00; A reads P2 (D2) on 11/01 09:00; B reads P1 (D1) on
    /// 12/01 23:30; B updates A's account on 13/01 00:30; partner client is denied a token on 14/01 10:00.
    /// </summary>
    public static IReadOnlyList<(AuditRecord Record, DateTimeOffset At)> Seed { get; } =
    [
        (new(AuditActorKind.Officer, OfficerA, "Nguyễn Văn A", "personal-data.read", "applicant", ApplicantP1, DossierD1, "192.0.2.1", "Firefox", AuditOutcome.Succeeded, """{"fields":["fullName","birthDate"]}"""),
            new(2026, 1, 10, 9, 0, 0, Vietnam)),
        (new(AuditActorKind.Officer, OfficerA, "Nguyễn Văn A", "personal-data.read", "applicant", ApplicantP2, DossierD2, "192.0.2.1", "Firefox", AuditOutcome.Succeeded, """{"fields":["address"]}"""),
            new(2026, 1, 11, 9, 0, 0, Vietnam)),
        (new(AuditActorKind.Officer, OfficerB, "Trần Thị B", "personal-data.read", "applicant", ApplicantP1, DossierD1, "192.0.2.2", "Chromium", AuditOutcome.Succeeded, """{"fields":["phone"]}"""),
            new(2026, 1, 12, 23, 30, 0, Vietnam)),
        (new(AuditActorKind.Officer, OfficerB, "Trần Thị B", "account.updated", "officer", OfficerA, null, "192.0.2.2", "Chromium", AuditOutcome.Succeeded, """{"changed":["email"]}"""),
            new(2026, 1, 13, 0, 30, 0, Vietnam)),
        (new(AuditActorKind.Partner, "lgsp-client", null, "client.token-issued", "client", "lgsp-client", null, "198.51.100.7", null, AuditOutcome.Denied, """{"reason":"invalid_scope"}"""),
            new(2026, 1, 14, 10, 0, 0, Vietnam)),
    ];

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(ConnectionString, services => services.AddSingleton<IStartupFilter, TestSignIn>());
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Agencies.Add(new Agency { Code = Agency, Name = "Sở Thông tin và Truyền thông", ProvinceCode = "H29", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        AuditorId = await AddOfficerAsync(scope.ServiceProvider, "auditor", OfficerRole.Auditor);
        SpecialistId = await AddOfficerAsync(scope.ServiceProvider, "specialist", OfficerRole.Specialist);
        foreach (var (record, at) in Seed)
        {
            await AuditLogWriter.AppendAsync(db, record, at, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>A client with the officer's session cookie; redirects are not followed, so tests see them.</summary>
    public async Task<HttpClient> SignInAsync(Guid accountId)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        using var response = await client.GetAsync(new Uri($"{TestSignIn.Path}?account={accountId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    /// <summary>Appends one entry as the application does (for tests that need the log to grow meanwhile).</summary>
    public async Task<long> AppendAsync(AuditRecord record, DateTimeOffset at)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await AuditLogWriter.AppendAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), record, at, CancellationToken.None);
    }

    private static async Task<Guid> AddOfficerAsync(IServiceProvider services, string userName, string role)
    {
        var users = services.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@example.gov.vn", FullName = "Cán bộ " + userName, CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = services.GetRequiredService<AppDbContext>();
        db.RoleGrants.Add(new RoleGrant
        {
            Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = Agency, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>
    /// Test-only: <c>GET /test/sign-in?account={id}[&amp;returnUrl=/local]</c> signs that officer in with the real
    /// Identity cookie (204, or a redirect to the local return URL). It runs before the host's own pipeline.
    /// </summary>
    private sealed class TestSignIn : IStartupFilter
    {
        public const string Path = "/test/sign-in";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // A plain middleware rather than app.Map: Map would set PathBase, and the cookie would be scoped to it.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != Path)
                {
                    await nextMiddleware(context);
                    return;
                }
                var signIn = context.RequestServices.GetRequiredService<SignInManager<OfficerAccount>>();
                var account = await signIn.UserManager.FindByIdAsync(context.Request.Query["account"].ToString());
                if (account is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await signIn.SignInAsync(account, isPersistent: false);
                var returnUrl = context.Request.Query["returnUrl"].ToString();
                if (returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal))
                {
                    context.Response.Redirect(returnUrl);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                }
            });
            next(app);
        };
    }
}
