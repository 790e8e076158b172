using System.Net;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>The provider's sign-in page under the sign-in rate limit (its own host with a low limit).</summary>
public sealed class DevelopmentProviderRateLimitTests : IAsyncLifetime
{
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        _host = await TestHost.StartAsync(_connectionString, "--RateLimits:SignInPerMinute=2");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _postgres.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Login_MorePostsThanTheLimit_AreRefusedWith429ButThePageStillOpens()
    {
        using var browser = new CitizenBrowser(_host.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var login = await browser.GetAsync("/idp/login");
            statuses.Add((await CitizenSignInFlow.LogInAsync(browser, login, CitizenSignInFlow.NewPersonalId(), "khong-phai-mat-khau")).Status);
        }
        var page = await browser.GetAsync("/idp/login");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }
}
