using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PublicServicesBpm.IntegrationTests.Dossiers;
using PublicServicesBpm.IntegrationTests.Identity;
using PublicServicesBpm.Persistence.Identity;
using static PublicServicesBpm.IntegrationTests.Designer.DesignerApiFixture;

namespace PublicServicesBpm.IntegrationTests.Designer;

/// <summary>What the studio's properties panel offers (roles, agencies, forms, handlers, statuses, processes) and its FEEL syntax check.</summary>
public sealed class DesignerOptionsApiTests(DesignerApiFixture fixture) : IClassFixture<DesignerApiFixture>
{
    [Fact]
    public async Task Options_AsDesigner_OfferWhatTheRepositoryAndCataloguesHold()
    {
        using var designer = await fixture.DesignerAsync();

        using var response = await GetAsync(designer, "/api/v1/designer/options");

        var options = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var roles = options.GetProperty("roles").EnumerateArray().ToList();
        Assert.Equal(OfficerRole.All.Where(r => !OfficerRole.IsSystemWide(r)), roles.Select(r => r.GetProperty("code").GetString()));
        Assert.Contains(roles, r => r.GetProperty("code").GetString() == OfficerRole.Specialist && r.GetProperty("name").GetString() == "Chuyên viên");
        Assert.All(roles, r => Assert.DoesNotContain("Role.", r.GetProperty("name").GetString(), StringComparison.Ordinal));
        var agencies = options.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Contains(agencies, a => a.GetProperty("code").GetString() == DossierApiFixture.Ward && !string.IsNullOrWhiteSpace(a.GetProperty("name").GetString()));
        Assert.Contains(agencies, a => a.GetProperty("code").GetString() == DossierApiFixture.Justice);
        var forms = options.GetProperty("forms").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("title").GetString());
        Assert.Equal(10, forms.Count);
        Assert.Equal("Ý kiến thẩm định", forms["y-kien-tham-dinh"]);
        Assert.All(forms, f => Assert.False(string.IsNullOrWhiteSpace(f.Value)));
        Assert.Contains("dossier.receive", options.GetProperty("handlers").EnumerateArray().Select(h => h.GetString()));
        var statuses = options.GetProperty("statuses").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), statuses.Select(s => s.GetProperty("code").GetInt32()));
        Assert.All(statuses, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("name").GetString())));
        Assert.Equal(ShippedWorkflows, options.GetProperty("processes").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("= outcome = \"refuse\"")]
    [InlineData("outcome = \"refuse\"")]
    [InlineData("=receivedAtCounter = true")]
    public async Task CheckFeel_ValidExpression_IsValid(string expression)
    {
        var check = await CheckFeelAsync(expression);

        Assert.True(check.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.Null, check.GetProperty("position").ValueKind);
    }

    [Fact]
    public async Task CheckFeel_IncompleteComparison_IsInvalidWithMessageAndPosition()
    {
        const string expression = "outcome = ";

        var check = await CheckFeelAsync(expression);

        Assert.False(check.GetProperty("valid").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("message").GetString()));
        Assert.InRange(check.GetProperty("position").GetInt32(), "outcome".Length, expression.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("=")]
    [InlineData(null)]
    public async Task CheckFeel_Empty_IsInvalid(string? expression)
    {
        var check = await CheckFeelAsync(expression);

        Assert.False(check.GetProperty("valid").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task CheckFeel_AsOfficerWithoutDesignerRole_Returns403()
    {
        using var specialist = await fixture.SpecialistAsync();

        using var response = await specialist.PostAsJsonAsync(new Uri("/api/v1/designer/feel/check", UriKind.Relative), new { expression = "1 + 1" }, DossierApiFixture.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> CheckFeelAsync(string? expression)
    {
        using var designer = await fixture.DesignerAsync();
        using var response = await designer.PostAsJsonAsync(new Uri("/api/v1/designer/feel/check", UriKind.Relative), new { expression }, DossierApiFixture.Json);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }
}
