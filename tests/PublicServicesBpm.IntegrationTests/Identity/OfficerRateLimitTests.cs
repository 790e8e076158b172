using System.Net;
using System.Text.Json;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>A host that allows three sign-in posts a minute from one address.</summary>
public sealed class OfficerRateLimitFixture : OfficerHostFixture
{
    protected override string[] ExtraArguments => ["--RateLimits:SignInPerMinute=3"];
}

public sealed class OfficerRateLimitTests(OfficerRateLimitFixture fixture) : IClassFixture<OfficerRateLimitFixture>
{
    [Fact]
    public async Task Login_FourthPostInAMinute_Answers429ProblemDetails()
    {
        using var browser = fixture.NewBrowser();
        var page = await browser.GetAsync("/account/login");
        var fields = new Dictionary<string, string> { ["Input.UserName"] = "ai.do", ["Input.Password"] = "Sai-mật-khẩu-2025!" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await browser.PostFormAsync(page, "login", fields);
            statuses.Add(allowed.StatusCode);
        }
        using var fourth = await browser.PostFormAsync(page, "login", fields);
        var reading = await browser.GetAsync("/account/login");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await fourth.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(fourth.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, reading.Status); // reading the page is not limited
    }
}
