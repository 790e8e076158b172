using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests;

/// <summary>A fresh database (from the migrated template) and the real host on it, shared by one test class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private TestPostgres? _postgres;

    public string ConnectionString { get; private set; } = string.Empty;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DropDatabaseAsync(ConnectionString);
    }
}
