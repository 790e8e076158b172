using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>
/// Officers for browser tests: accounts with one role at one agency, and a test-only GET endpoint that signs an officer
/// in and redirects (officers' own sign-in page, with passwords and second factors, is tested in OfficerSignInTests).
/// </summary>
internal static class TestOfficers
{
    public const string SignInPath = "/test/workspace/sign-in/";

    /// <summary>Maps <c>GET /test/workspace/sign-in/{accountId}?returnUrl=</c> on a test host (pass as <c>configureApp</c>).</summary>
    public static void MapSignIn(WebApplication app) =>
        app.MapGet(SignInPath + "{accountId:guid}", async (Guid accountId, string? returnUrl, SignInManager<OfficerAccount> signIn) =>
            {
                var account = await signIn.UserManager.FindByIdAsync(accountId.ToString("D"));
                if (account is null)
                {
                    return Results.NotFound();
                }
                await signIn.SignInAsync(account, isPersistent: false);
                return Results.LocalRedirect(returnUrl ?? "/");
            })
            .AllowAnonymous();

    /// <summary>A new officer account holding <paramref name="role"/> at <paramref name="agencyCode"/> since yesterday.</summary>
    public static async Task<Guid> CreateAsync(TestHost host, string userName, string fullName, string role, string agencyCode)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OfficerAccount>>();
        var account = new OfficerAccount { Id = Guid.CreateVersion7(), UserName = userName, Email = userName + "@laocai.gov.vn", FullName = fullName, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RoleGrants.Add(new RoleGrant
        {
            Id = Guid.CreateVersion7(), AccountId = account.Id, Role = role, AgencyCode = agencyCode, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), GrantedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return account.Id;
    }
}
