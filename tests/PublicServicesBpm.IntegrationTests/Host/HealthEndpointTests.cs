using System.Net;
using System.Text.Json;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Host;

public sealed class HealthEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Live_RunningHost_Returns200()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseAndHangfireUp_ReportsBothHealthy()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }
}

/// <summary>Its own host and database, because the test destroys the database.</summary>
public sealed class HealthWhenDatabaseGoneTests
{
    [Fact]
    public async Task Ready_DatabaseDropped_Returns503WithDatabaseUnhealthyAndNoStackTrace()
    {
        var postgres = await TestPostgres.InstanceAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(connectionString);
        using var client = host.CreateClient();

        await postgres.DropDatabaseAsync(connectionString);
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
