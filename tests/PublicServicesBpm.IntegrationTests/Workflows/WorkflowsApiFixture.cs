using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Workflows;

/// <summary>
/// A host on a fresh database with two agencies and officers in the roles the workflow API tests need. Officers
/// sign in through a test-only endpoint (the login page has its own tests), so each client below is a real
/// cookie session over HTTP.
/// </summary>
public sealed class WorkflowsApiFixture : IAsyncLifetime
{
    public const string AgencyA = "000.00.15.H29";
    public const string AgencyB = "000.00.16.H29";
    private TestPostgres? _postgres;
    private readonly Dictionary<string, Guid> _accounts = [];

    public string ConnectionString { get; private set; } = string.Empty;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(ConnectionString, configureServices: null, configureApp: MapTestSignIn);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Agencies.AddRange(
            new Agency { Code = AgencyA, Name = "Sở Tư pháp A", ProvinceCode = "H29", CreatedAt = DateTimeOffset.UtcNow },
            new Agency { Code = AgencyB, Name = "Sở Tư pháp B", ProvinceCode = "H29", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await AddOfficerAsync(scope.ServiceProvider, "designer", (OfficerRole.ProcedureDesigner, AgencyA));
        await AddOfficerAsync(scope.ServiceProvider, "specialist-a", (OfficerRole.Specialist, AgencyA));
        await AddOfficerAsync(scope.ServiceProvider, "specialist-a2", (OfficerRole.Specialist, AgencyA));
        await AddOfficerAsync(scope.ServiceProvider, "specialist-b", (OfficerRole.Specialist, AgencyB));
        await AddOfficerAsync(scope.ServiceProvider, "head-a", (OfficerRole.DepartmentHead, AgencyA));
        await AddOfficerAsync(scope.ServiceProvider, "head-b", (OfficerRole.DepartmentHead, AgencyB));
        await AddOfficerAsync(scope.ServiceProvider, "temporary-password", (OfficerRole.Specialist, AgencyA));
    }

    public Guid AccountId(string userName) => _accounts[userName];

    /// <summary>An HTTP client signed in as <paramref name="userName"/> (cookies kept).</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        using var response = await client.PostAsync($"/test/sign-in/{_accounts[userName]}", content: null);
        response.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient Anonymous() => new() { BaseAddress = Host.BaseAddress };

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
    }

    private async Task AddOfficerAsync(IServiceProvider services, string userName, params (string Role, string Agency)[] grants)
    {
        var users = services.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@example.gov.vn", FullName = "Cán bộ " + userName, CreatedAt = DateTimeOffset.UtcNow,
            MustChangePassword = userName == "temporary-password",
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = services.GetRequiredService<AppDbContext>();
        foreach (var (role, agency) in grants)
        {
            db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = agency, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();
        _accounts[userName] = account.Id;
    }

    /// <summary>Test-only: POST /test/sign-in/{accountId} signs that officer in with the real cookie.</summary>
    private static void MapTestSignIn(WebApplication app) =>
        app.MapPost("/test/sign-in/{accountId:guid}", async (Guid accountId, SignInManager<OfficerAccount> signIn) =>
        {
            var account = await signIn.UserManager.FindByIdAsync(accountId.ToString());
            await signIn.SignInAsync(account!, isPersistent: false);
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery();
}
