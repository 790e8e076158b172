using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Catalogue;

/// <summary>
/// The real host on a fresh database with the start-up seed switched on: demo catalogues, and the procedures of a
/// workflows folder of the fixture's own (<see cref="ProcedureFixtures"/>). Officers: an administrator, a procedure
/// designer, a specialist; they sign in through the test-only endpoint over real HTTP.
/// </summary>
public sealed class CatalogueFixture : IAsyncLifetime
{
    public const string RootAgency = "000.00.00.H38";
    private TestPostgres? _postgres;
    private readonly Dictionary<string, Guid> _officers = [];

    public string ConnectionString { get; private set; } = string.Empty;

    public string WorkflowsDirectory { get; } = Path.Combine(Path.GetTempPath(), "psb-catalogue-" + Guid.NewGuid().ToString("N"));

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ProcedureFixtures.WriteFolder(WorkflowsDirectory);
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(ConnectionString, configureServices: null, configureApp: ApiTestSignIn.Map,
            "--Catalogues:SeedOnStart=true", $"--Definitions:WorkflowsDirectory={WorkflowsDirectory}");
        foreach (var (name, role) in new[] { ("quantri", OfficerRole.Administrator), ("thietke", OfficerRole.ProcedureDesigner), ("chuyenvien", OfficerRole.Specialist) })
        {
            _officers[name] = await CreateOfficerAsync(name, role);
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
        Directory.Delete(WorkflowsDirectory, recursive: true);
    }

    public Task<HttpClient> AdministratorAsync() => SignInAsync("quantri");

    public Task<HttpClient> DesignerAsync() => SignInAsync("thietke");

    public Task<HttpClient> SpecialistAsync() => SignInAsync("chuyenvien");

    public HttpClient Anonymous() => new() { BaseAddress = Host.BaseAddress };

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.OfficerPath + _officers[userName].ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    private async Task<Guid> CreateOfficerAsync(string userName, string role)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount { Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@laocai.gov.vn", FullName = "Cán bộ " + userName, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Agencies.AnyAsync(a => a.Code == RootAgency), "the seed creates the root agency");
        db.RoleGrants.Add(new RoleGrant { Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = RootAgency, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow.AddDays(-1) });
        await db.SaveChangesAsync();
        return account.Id;
    }
}
