using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Host;

/// <summary>What the host refuses before any feature code runs: forged tokens and cookies, oversized headers, floods of sign-in attempts.</summary>
public sealed class HardeningTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ForgedBearerToken_OnAnApi_Returns401()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GarbageOfficerCookie_OnAnApi_Returns401AndOnAPage_RedirectsToSignIn()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = fixture.Host.BaseAddress };
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
        api.Headers.Add("Cookie", "psb.officer=CfDJ8forged-cookie-value");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin/accounts");
        page.Headers.Add("Cookie", "psb.officer=CfDJ8forged-cookie-value");

        using var apiResponse = await client.SendAsync(api);
        using var pageResponse = await client.SendAsync(page);

        Assert.Equal(HttpStatusCode.Unauthorized, apiResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.StartsWith("/account/login", pageResponse.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedHeaders_AreRefusedWith431()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('a', 64 * 1024));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task TokenEndpoint_BeyondTheSignInRateLimit_Returns429ProblemDetails()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        try
        {
            await using var host = await TestHost.StartAsync(connectionString, "--RateLimits:SignInPerMinute=2");
            using var client = host.CreateClient();
            var statuses = new List<HttpStatusCode>();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "wrong",
                });
                using var response = await client.PostAsync("/connect/token", form);
                statuses.Add(response.StatusCode);
                if (attempt == 2)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
                }
            }

            Assert.All(statuses.Take(2), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        }
        finally
        {
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task TokenEndpoint_UnknownClient_IsRefusedWithAnOAuthError()
    {
        using var client = fixture.Host.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "partner-unknown", ["client_secret"] = "guess",
        });

        using var response = await client.PostAsync("/connect/token", form);

        // RFC 6749 §5.2: a failed client authentication may answer 401 with error invalid_client.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
    }
}
