using System.Net;
using System.Text.Json;

namespace PublicServicesBpm.IntegrationTests.Host;

public sealed class ApiDescriptionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheSystemAboutOperation()
    {
        using var client = fixture.Host.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.StartsWith("3.", body.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/api/v1/system/about", out _));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesHowEachKindOfCallerAuthenticates()
    {
        using var client = fixture.Host.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schemes = body.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("psb.officer", schemes.GetProperty("officerCookie").GetProperty("name").GetString());
        Assert.Equal("psb.citizen", schemes.GetProperty("citizenCookie").GetProperty("name").GetString());
        var flow = schemes.GetProperty("partnerToken").GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal("/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(flow.GetProperty("scopes").TryGetProperty("psb.dossiers.read", out _));
    }

    [Fact]
    public async Task ApiReferencePage_IsServed()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_ReturnsProductAndBothLanguages()
    {
        using var client = fixture.Host.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/system/about", UriKind.Relative)));

        Assert.Equal("PublicServicesBpm", body.RootElement.GetProperty("product").GetString());
        Assert.Equal(["vi-VN", "en"], body.RootElement.GetProperty("languages").EnumerateArray().Select(e => e.GetString()));
    }
}
