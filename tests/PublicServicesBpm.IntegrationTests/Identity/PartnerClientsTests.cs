using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed class PartnerClientsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Clients = "/api/v1/admin/clients";

    [Fact]
    public async Task Create_Returns201WithSecretOnce_AndTheClientGetsTokensForItsScopes()
    {
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.PostAsync(Relative(Clients), ApiJson.Body(new { displayName = "Cổng DVC quốc gia", scopes = new[] { PartnerScopes.DossiersRead } }));

        var created = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var clientId = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        Assert.StartsWith("partner-", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
        var entry = ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.ClientCreated, fixture.AdministratorId);
        Assert.Equal(clientId, entry.TargetId);
        Assert.DoesNotContain(secret, entry.Canonical, StringComparison.Ordinal);
        // Only a hash is stored.
        var stored = await fixture.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication<Guid>>().Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync());
        Assert.NotEqual(secret, stored);

        using var token = await fixture.RequestTokenAsync(clientId, secret, PartnerScopes.DossiersRead);
        var accessToken = (await ApiAssert.JsonAsync(token, HttpStatusCode.OK)).GetProperty("access_token").GetString();
        using var partner = fixture.Anonymous();
        partner.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        using var me = await partner.GetAsync(Relative("/api/v1/identity/me"));
        var body = await ApiAssert.JsonAsync(me, HttpStatusCode.OK);
        Assert.Equal("partner", body.GetProperty("kind").GetString());
        Assert.Equal(clientId, body.GetProperty("partner").GetProperty("clientId").GetString());
        Assert.Equal([PartnerScopes.DossiersRead], body.GetProperty("partner").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Cổng DVC quốc gia", body.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Token_ForAScopeTheClientWasNotGiven_IsRefused()
    {
        var partner = await fixture.CreatePartnerClientAsync("Chỉ đọc", PartnerScopes.CatalogueRead);

        using var response = await fixture.RequestTokenAsync(partner.ClientId, partner.ClientSecret, PartnerScopes.DossiersWrite);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("error", out _), body);
        Assert.DoesNotContain("access_token", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadRequests_Return400NamingTheFields()
    {
        using var admin = await fixture.AdministratorAsync();

        using var unknownScope = await admin.PostAsync(Relative(Clients), ApiJson.Body(new { displayName = "X", scopes = new[] { "psb.everything" } }));
        using var noScopes = await admin.PostAsync(Relative(Clients), ApiJson.Body(new { displayName = "X", scopes = Array.Empty<string>() }));
        using var noName = await admin.PostAsync(Relative(Clients), ApiJson.Body(new { scopes = new[] { PartnerScopes.DossiersRead } }));
        using var longName = await admin.PostAsync(Relative(Clients), ApiJson.Body(new { displayName = new string('n', 201), scopes = new[] { PartnerScopes.DossiersRead } }));

        await ApiAssert.ValidationProblemAsync(unknownScope, "scopes");
        await ApiAssert.ValidationProblemAsync(noScopes, "scopes");
        await ApiAssert.ValidationProblemAsync(noName, "displayName");
        await ApiAssert.ValidationProblemAsync(longName, "displayName");
    }

    [Fact]
    public async Task List_ShowsPartnerClientsOnly_AndNeverSecrets()
    {
        var partner = await fixture.CreatePartnerClientAsync("Bưu điện", PartnerScopes.DossiersRead, PartnerScopes.DossiersWrite);
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.GetAsync(Relative(Clients));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clients = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        var listed = Assert.Single(clients, c => c.GetProperty("clientId").GetString() == partner.ClientId);
        Assert.Equal([PartnerScopes.DossiersRead, PartnerScopes.DossiersWrite], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.All(clients, c => Assert.StartsWith("partner-", c.GetProperty("clientId").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("psb-portal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(partner.ClientSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheClientAndItsTokens_AuditsOnce()
    {
        var partner = await fixture.CreatePartnerClientAsync("Sẽ xóa", PartnerScopes.DossiersRead);
        string issuedToken;
        using (var token = await fixture.RequestTokenAsync(partner.ClientId, partner.ClientSecret, PartnerScopes.DossiersRead))
        {
            issuedToken = (await ApiAssert.JsonAsync(token, HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        }
        using var caller = fixture.Anonymous();
        caller.DefaultRequestHeaders.Authorization = new("Bearer", issuedToken);
        using (var before = await caller.GetAsync(Relative("/api/v1/identity/me")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var applicationId = await fixture.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication<Guid>>().Where(a => a.ClientId == partner.ClientId).Select(a => a.Id).SingleAsync());
        Assert.True(await fixture.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().AnyAsync(t => t.Application!.Id == applicationId)));
        using var admin = await fixture.AdministratorAsync();
        var position = await fixture.AuditPositionAsync();

        using var response = await admin.DeleteAsync(Relative($"{Clients}/{partner.ClientId}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = ApiAssert.SingleEntry(await fixture.AuditSinceAsync(position), AuditActions.ClientDeleted, fixture.AdministratorId);
        Assert.Equal(partner.ClientId, entry.TargetId);
        Assert.False(await fixture.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().AnyAsync(t => t.Application!.Id == applicationId)));
        using var refused = await fixture.RequestTokenAsync(partner.ClientId, partner.ClientSecret, PartnerScopes.DossiersRead);
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal("invalid_client", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        using var list = await admin.GetAsync(Relative(Clients));
        Assert.DoesNotContain(partner.ClientId, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A token issued before the deletion stops working at once, not at its expiry.
        using var after = await caller.GetAsync(Relative("/api/v1/identity/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("partner-doesnotexist")]
    [InlineData("psb-portal")]
    public async Task Delete_UnknownOrNonPartnerClient_Returns404(string clientId)
    {
        using var admin = await fixture.AdministratorAsync();

        using var response = await admin.DeleteAsync(Relative($"{Clients}/{clientId}"));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);
}
