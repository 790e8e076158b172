using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PublicServicesBpm.IntegrationTests.Host;

public sealed class ProblemDetailsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task UnknownApiRoute_Anonymous_Returns401ProblemDetailsWithCorrelationIdAsTraceId()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-Correlation-ID", "test-correlation-42");

        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // The fallback policy closes every path to anonymous callers, so not even the existence of a route leaks.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("test-correlation-42", body.RootElement.GetProperty("traceId").GetString());
        Assert.Equal("test-correlation-42", response.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has spaces and <script>")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task MalformedCorrelationId_IsReplacedByAGeneratedOne(string supplied)
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", supplied);

        using var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.NotEqual(supplied, echoed);
        Assert.Equal(32, echoed.Length);
    }

    [Fact]
    public async Task LanguageSwitch_UnsupportedCulture_Returns400Problem()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/language?culture=xx-YY", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unsupported language", body.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/scalar/v1", "/scalar/v1")]
    public async Task LanguageSwitch_ReturnUrl_OnlyLocalPathsAreFollowed(string returnUrl, string expectedLocation)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = fixture.Host.BaseAddress };

        using var response = await client.GetAsync(new Uri($"/language?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomePage_CarriesStrictContentSecurityPolicy()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
