using System.Net;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Dossiers;

/// <summary>Guessing lookup secrets is rate-limited per address (its own host with a low limit).</summary>
public sealed class PublicLookupRateLimitTests : IAsyncLifetime
{
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
        _host = await TestHost.StartAsync(_connectionString, "--RateLimits:PublicLookupPerMinute=3");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _postgres.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Lookup_MoreGuessesThanTheLimit_AreRefusedWith429()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess < 4; guess++)
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/public/dossiers/000.21.30.H38-261127-0001?secret=GUESS{guess:D3}", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
