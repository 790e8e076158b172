using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>The callers of the authorization matrix.</summary>
public static class Callers
{
    public const string Anonymous = "anonymous";
    public const string OneStopA = "one-stop officer at A";
    public const string SpecialistB = "specialist at B";
    public const string Designer = "procedure designer";
    public const string Administrator = "administrator";
    public const string Auditor = "auditor";
    public const string Expired = "officer whose grant expired";
    public const string Revoked = "officer whose grant was revoked";
    public const string Disabled = "disabled officer (signed in before)";
    public const string Applicant = "applicant";
    public const string Partner = "partner token (psb.dossiers.read)";

    public static readonly IReadOnlyList<string> All = [Anonymous, OneStopA, SpecialistB, Designer, Administrator, Auditor, Expired, Revoked, Disabled, Applicant, Partner];

    /// <summary>Callers holding an officer session cookie (whatever their grants or account state).</summary>
    public static readonly IReadOnlySet<string> Officers = new HashSet<string> { OneStopA, SpecialistB, Designer, Administrator, Auditor, Expired, Revoked, Disabled };

    /// <summary>Officers with an enabled account and a grant valid now.</summary>
    public static readonly IReadOnlySet<string> ActiveOfficers = new HashSet<string> { OneStopA, SpecialistB, Designer, Administrator, Auditor };
}

/// <summary>
/// One host for the whole matrix, with an officer for each situation. Each row gets fresh sessions and fresh
/// targets (an account with a grant, a disabled account, a partner client), so no row depends on another.
/// </summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Guid> _officers = [];
    private string _partnerToken = string.Empty;

    public ApiHostFixture Api { get; } = new();

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        _officers[Callers.Administrator] = Api.AdministratorId;
        _officers[Callers.OneStopA] = await Api.CreateOfficerAsync("mot.cua.a", "Một Cửa A", (OfficerRole.OneStopOfficer, ApiHostFixture.AgencyA));
        _officers[Callers.SpecialistB] = await Api.CreateOfficerAsync("chuyen.vien.b", "Chuyên Viên B", (OfficerRole.Specialist, ApiHostFixture.AgencyB));
        _officers[Callers.Designer] = await Api.CreateOfficerAsync("thiet.ke", "Thiết Kế", (OfficerRole.ProcedureDesigner, ApiHostFixture.AgencyA));
        _officers[Callers.Auditor] = await Api.CreateOfficerAsync("kiem.toan", "Kiểm Toán", (OfficerRole.Auditor, ApiHostFixture.AgencyA));
        var expired = await Api.CreateOfficerAsync("het.han", "Hết Hạn", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
        var revoked = await Api.CreateOfficerAsync("da.thu.hoi", "Đã Thu Hồi", (OfficerRole.Administrator, ApiHostFixture.AgencyA));
        var now = DateTimeOffset.UtcNow;
        await Api.WithDatabaseAsync(async db =>
        {
            await db.RoleGrants.Where(g => g.AccountId == expired).ExecuteUpdateAsync(s => s.SetProperty(g => g.ValidUntil, now.AddHours(-1)));
            await db.RoleGrants.Where(g => g.AccountId == revoked)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now.AddHours(-1)).SetProperty(g => g.RevocationReason, "matrix"));
        });
        _officers[Callers.Expired] = expired;
        _officers[Callers.Revoked] = revoked;
        using var partner = await Api.PartnerAsync(PartnerScopes.DossiersRead);
        _partnerToken = partner.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    public Task DisposeAsync() => Api.DisposeAsync();

    /// <summary>A fresh HTTP client for the caller (its own cookies; a disabled officer is signed in, then disabled).</summary>
    public async Task<HttpClient> ClientAsync(string caller)
    {
        switch (caller)
        {
            case Callers.Anonymous:
                return Api.Anonymous();
            case Callers.Applicant:
                return (await Api.SignInApplicantAsync()).Client;
            case Callers.Partner:
                var partner = Api.Anonymous();
                partner.DefaultRequestHeaders.Authorization = new("Bearer", _partnerToken);
                return partner;
            case Callers.Disabled:
                var officer = await Api.CreateOfficerAsync("khoa." + Unique(), "Bị Khóa", (OfficerRole.Specialist, ApiHostFixture.AgencyA));
                var client = await Api.SignInOfficerAsync(officer);
                await DisableAsync(officer);
                return client;
            default:
                return await Api.SignInOfficerAsync(_officers[caller]);
        }
    }

    /// <summary>Fills the placeholders of a row's path and body with targets made for this row only.</summary>
    public async Task<(string Path, string? Body)> ResolveAsync(string path, string? body)
    {
        var text = path + "\n" + body;
        var unique = Unique();
        if (text.Contains("{account}", StringComparison.Ordinal))
        {
            var account = await Api.CreateOfficerAsync("dich." + unique, "Đích " + unique, (OfficerRole.Specialist, ApiHostFixture.AgencyA));
            var grant = await Api.QueryAsync(db => db.RoleGrants.Where(g => g.AccountId == account).Select(g => g.Id).SingleAsync());
            text = text.Replace("{account}", account.ToString("D"), StringComparison.Ordinal).Replace("{grant}", grant.ToString("D"), StringComparison.Ordinal);
        }
        if (text.Contains("{disabled-account}", StringComparison.Ordinal))
        {
            var account = await Api.CreateOfficerAsync("tat." + unique, "Tắt " + unique);
            await DisableAsync(account);
            text = text.Replace("{disabled-account}", account.ToString("D"), StringComparison.Ordinal);
        }
        if (text.Contains("{client}", StringComparison.Ordinal))
        {
            var client = await Api.CreatePartnerClientAsync("Đích " + unique, PartnerScopes.CatalogueRead);
            text = text.Replace("{client}", client.ClientId, StringComparison.Ordinal);
        }
        text = text
            .Replace("{catalogue}", "sectors", StringComparison.Ordinal)
            .Replace("{new-sector}", "matrix-" + unique, StringComparison.Ordinal)
            .Replace("{no-sector}", "matrix-none", StringComparison.Ordinal)
            .Replace("{unique}", unique, StringComparison.Ordinal)
            .Replace("{missing}", Guid.NewGuid().ToString("D"), StringComparison.Ordinal);
        var parts = text.Split('\n', 2);
        return (parts[0], body is null ? null : parts[1]);
    }

    private async Task DisableAsync(Guid accountId)
    {
        await using var scope = Api.Host.Services.CreateAsyncScope();
        var outcome = await AccountsService.For(scope.ServiceProvider).DisableAsync(accountId, Api.AdministratorId, CancellationToken.None);
        Assert.True(outcome.Succeeded);
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];
}
