using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>
/// Test-only sign-in shortcuts, mapped into the real host by the identity API tests (the login pages have their
/// own tests): officers through Identity's <see cref="SignInManager{TUser}"/>, applicants into the citizen cookie with
/// the claims the OpenID Connect sign-in would give. Both anonymous by necessity and never part of the product.
/// </summary>
public static class ApiTestSignIn
{
    public const string OfficerPath = "/test/sign-in/officer/";
    public const string ApplicantPath = "/test/sign-in/applicant/";

    public static void Map(WebApplication app)
    {
        app.MapPost(OfficerPath + "{accountId:guid}", async (Guid accountId, SignInManager<OfficerAccount> signIn) =>
                await SignInOfficerAsync(accountId, signIn) ? Results.NoContent() : Results.NotFound())
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        // The browser's way in: a plain navigation that signs in and goes on to a local page.
        app.MapGet(OfficerPath + "{accountId:guid}", async (Guid accountId, string? returnUrl, SignInManager<OfficerAccount> signIn) =>
                await SignInOfficerAsync(accountId, signIn) ? Results.LocalRedirect(returnUrl ?? "/") : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ApplicantPath + "{applicantId:guid}", async (Guid applicantId, HttpContext context, AppDbContext db) =>
            {
                var profile = await db.ApplicantProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == applicantId);
                if (profile is null)
                {
                    return Results.NotFound();
                }
                var identity = new ClaimsIdentity(Schemes.CitizenProvider, CitizenClaims.FullName, "role");
                identity.AddClaim(new Claim("sub", profile.Subject));
                identity.AddClaim(new Claim("iss", profile.Issuer));
                identity.AddClaim(new Claim(CitizenClaims.FullName, profile.FullName));
                identity.AddClaim(new Claim(CitizenClaims.ApplicantId, profile.Id.ToString("D")));
                await context.SignInAsync(Schemes.Citizen, new ClaimsPrincipal(identity));
                return Results.NoContent();
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<bool> SignInOfficerAsync(Guid accountId, SignInManager<OfficerAccount> signIn)
    {
        var account = await signIn.UserManager.FindByIdAsync(accountId.ToString("D"));
        if (account is null)
        {
            return false;
        }
        await signIn.SignInAsync(account, isPersistent: false);
        return true;
    }
}

/// <summary>
/// A host on a fresh database with two agencies and an administrator, plus helpers to make officers, applicants and
/// partner clients and to sign them in over real HTTP. One per test class.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public const string AgencyA = "000.00.31.H29";
    public const string AgencyB = "000.00.32.H29";
    public const string AgencyC = "000.00.33.H29";
    public const string AgencyAName = "Sở Tư pháp thành phố";
    private TestPostgres? _postgres;

    public string ConnectionString { get; private set; } = string.Empty;

    public TestHost Host { get; private set; } = null!;

    public Guid AdministratorId { get; private set; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        // AddOfficerSignIn: the sign-out endpoint's service, until HostApplication registers it itself (idempotent).
        Host = await TestHost.StartAsync(ConnectionString, configureServices: services => services.AddOfficerSignIn(), configureApp: ApiTestSignIn.Map);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Agencies.AddRange(
            new Agency { Code = AgencyA, Name = AgencyAName, ProvinceCode = "H29", CreatedAt = now },
            new Agency { Code = AgencyB, Name = "Ủy ban nhân dân quận Ba Đình", ParentCode = AgencyA, ProvinceCode = "H29", CreatedAt = now },
            new Agency { Code = AgencyC, Name = "Sở Xây dựng", ProvinceCode = "H29", CreatedAt = now });
        await db.SaveChangesAsync();
        AdministratorId = await CreateOfficerAsync("quantri", "Quản Trị Viên", (OfficerRole.Administrator, AgencyA));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>An officer account with the given grants, valid from yesterday (no password: they sign in through the test endpoint).</summary>
    public async Task<Guid> CreateOfficerAsync(string userName, string fullName, params (string Role, string Agency)[] grants)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            Email = userName + "@example.gov.vn",
            FullName = fullName,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (role, agency) in grants)
        {
            db.RoleGrants.Add(new RoleGrant
            {
                Id = Guid.CreateVersion7(),
                AccountId = account.Id,
                Role = role,
                AgencyCode = agency,
                ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
                GrantedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
        }
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>Changes stored rows directly (expired or revoked grants, for instance), bypassing the API.</summary>
    public async Task WithDatabaseAsync(Func<AppDbContext, Task> change)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>An HTTP client with its own cookie jar, signed in as the officer.</summary>
    public async Task<HttpClient> SignInOfficerAsync(Guid accountId)
    {
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.OfficerPath + accountId.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public Task<HttpClient> AdministratorAsync() => SignInOfficerAsync(AdministratorId);

    /// <summary>A new applicant profile and a client signed in as that applicant (citizen cookie).</summary>
    public async Task<(Guid ApplicantId, HttpClient Client)> SignInApplicantAsync(string fullName = "Trần Thị Bình")
    {
        var profile = new ApplicantProfile
        {
            Id = Guid.CreateVersion7(),
            Issuer = Host.BaseAddress.ToString(),
            Subject = Guid.NewGuid().ToString("N"),
            FullName = fullName,
            PersonalIdNumber = "001190012345",
            AssuranceLevel = 2,
            FirstSignInAt = DateTimeOffset.UtcNow,
            LastSignInAt = DateTimeOffset.UtcNow,
        };
        await WithDatabaseAsync(async db =>
        {
            db.ApplicantProfiles.Add(profile);
            await db.SaveChangesAsync();
        });
        var client = CookieClient();
        using var response = await client.PostAsync(new Uri(ApiTestSignIn.ApplicantPath + profile.Id.ToString("D"), UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (profile.Id, client);
    }

    /// <summary>Registers a partner client through the service and returns its credentials.</summary>
    internal async Task<PartnerClientCreated> CreatePartnerClientAsync(string displayName, params string[] scopes)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var outcome = await PartnerClientsService.For(scope.ServiceProvider).CreateAsync(new CreatePartnerClientRequest(displayName, scopes), CancellationToken.None);
        Assert.True(outcome.Succeeded);
        return outcome.Value!;
    }

    /// <summary>The real client-credentials exchange at /connect/token.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret, string scope)
    {
        using var client = Anonymous();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = scope,
        });
        return await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
    }

    /// <summary>A client sending a partner's bearer token (client credentials with the given scopes).</summary>
    public async Task<HttpClient> PartnerAsync(params string[] scopes)
    {
        var partner = await CreatePartnerClientAsync("Partner " + Guid.NewGuid().ToString("N")[..6], scopes);
        using var response = await RequestTokenAsync(partner.ClientId, partner.ClientSecret, string.Join(' ', scopes));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var token = JsonDocument.Parse(body);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    /// <summary>The audit log's last sequence: pass it to <see cref="AuditSinceAsync"/> to see what a command wrote.</summary>
    public Task<long> AuditPositionAsync() =>
        QueryAsync(async db => await db.AuditLog.MaxAsync(e => (long?)e.Sequence) ?? 0);

    public Task<List<AuditEntry>> AuditSinceAsync(long position) =>
        QueryAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Sequence > position).OrderBy(e => e.Sequence).ToListAsync());

    private HttpClient CookieClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
}

/// <summary>Assertions on RFC 7807 responses.</summary>
public static class ApiAssert
{
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement.Clone();
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        return root;
    }

    /// <summary>A 400 validation problem naming exactly these fields.</summary>
    public static async Task<JsonElement> ValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(fields.Order().ToArray(), errors);
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The command wrote exactly one audit entry: this action, by this officer.</summary>
    public static AuditEntry SingleEntry(IReadOnlyList<AuditEntry> entries, string action, Guid actorId)
    {
        var entry = Assert.Single(entries);
        Assert.Equal(action, entry.Action);
        Assert.Equal(AuditActorKind.Officer, entry.ActorKind);
        Assert.Equal(actorId.ToString("D"), entry.ActorId);
        Assert.Equal(AuditOutcome.Succeeded, entry.Outcome);
        return entry;
    }
}

/// <summary>JSON bodies for the API (web naming).</summary>
public static class ApiJson
{
    public static JsonContent Body(object value) => JsonContent.Create(value, options: ApiHostFixture.Json);
}
