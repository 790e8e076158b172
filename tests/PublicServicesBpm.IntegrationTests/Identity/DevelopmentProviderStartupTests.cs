using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Identity;

/// <summary>What the development provider puts in a fresh database at start: demo citizens and the portal's client registration.</summary>
public sealed class DevelopmentProviderStartupTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("psb-demo-citizens-").FullName;
    private TestPostgres _postgres = null!;
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        _connectionString = await _postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _postgres.DropDatabaseAsync(_connectionString);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TwoHostsStartingOnOneEmptyDatabase_SeedThreeDemoCitizensAndRegisterBothAddresses()
    {
        var file = Path.Combine(_directory, "demo-citizens.txt");
        var starting = Enumerable.Range(0, 2)
            .Select(_ => TestHost.StartAsync(_connectionString, $"--Identity:DevelopmentProvider:DemoCitizensFile={file}")).ToList();
        await using var first = await starting[0];
        await using var second = await starting[1];

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var citizens = await db.CitizenAccounts.OrderBy(c => c.PersonalIdNumber).ToListAsync();
        Assert.Equal(3, citizens.Count);
        Assert.Equal([1, 2, 2], citizens.Select(c => c.AssuranceLevel).Order());
        Assert.All(citizens, c => Assert.Matches("^[0-9]{12}$", c.PersonalIdNumber));

        // One random password, in a file only its owner can read, that opens every demo account.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var text = await File.ReadAllTextAsync(file);
        var password = text.Split('\n').Single(line => line.StartsWith("Password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var accounts = scope.ServiceProvider.GetRequiredService<CitizenAccounts>();
        foreach (var citizen in citizens)
        {
            Assert.Contains(citizen.PersonalIdNumber, text, StringComparison.Ordinal);
            Assert.NotNull(await accounts.VerifyPasswordAsync(citizen.PersonalIdNumber, password, CancellationToken.None));
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var portal = await applications.FindByClientIdAsync("psb-portal");
        Assert.NotNull(portal);
        var redirectUris = await applications.GetRedirectUrisAsync(portal);
        Assert.Contains(new Uri(first.BaseAddress, "/signin-vneid").ToString(), redirectUris);
        Assert.Contains(new Uri(second.BaseAddress, "/signin-vneid").ToString(), redirectUris);
        Assert.Contains(new Uri(second.BaseAddress, "/signout-callback-vneid").ToString(), await applications.GetPostLogoutRedirectUrisAsync(portal));
        Assert.True(await applications.HasConsentTypeAsync(portal, OpenIddictConstants.ConsentTypes.Explicit));
        Assert.True(await applications.HasRequirementAsync(portal, OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange));
        Assert.True(await applications.HasClientTypeAsync(portal, OpenIddictConstants.ClientTypes.Public));
    }

    [Fact]
    public async Task ExternalAuthorityConfigured_RegistersNoPortalClient()
    {
        await using var host = await TestHost.StartAsync(_connectionString,
            "--Identity:Citizen:Authority=https://sso.example.gov.vn", $"--Identity:DevelopmentProvider:DemoCitizensFile={Path.Combine(_directory, "x.txt")}");

        await using var scope = host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Null(await applications.FindByClientIdAsync("psb-portal"));
    }

    [Fact]
    public async Task ProviderDisabled_CreatesNoDemoCitizens()
    {
        var file = Path.Combine(_directory, "disabled.txt");
        await using var host = await TestHost.StartAsync(_connectionString,
            "--Identity:DevelopmentProvider:Enabled=false", $"--Identity:DevelopmentProvider:DemoCitizensFile={file}");

        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenAccounts.AnyAsync());
        Assert.False(File.Exists(file));
    }
}
