using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using PublicServicesBpm.Host;
using PublicServicesBpm.Host.Commands;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.IntegrationTests.Host;

/// <summary>The host on its own zero-configuration local cluster, as <c>dotnet run</c> starts it.</summary>
public sealed class LocalDatabaseRecoveryTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "psb-recovery-tests", Guid.NewGuid().ToString("N"));
    private DatabaseServer _database = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--environment", "Testing", $"--LocalPostgres:DataDirectory={Path.Combine(_root, "postgres")}",
            "--Serilog:MinimumLevel:Default=Warning"];
        var builder = HostApplication.CreateBuilder(arguments);
        _database = await DatabaseServer.ConnectAsync(builder.Configuration, NullLogger.Instance, CancellationToken.None);
        _app = HostApplication.Build(builder, _database);
        await MigrateCommand.ApplyAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Supervisor_DatabaseDropped_RecreatesItWithItsSchemaAndTheHostIsReadyAgain()
    {
        var admin = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE publicservicesbpm WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        var supervisor = _app.Services.GetServices<IHostedService>().OfType<LocalDatabaseSupervisor>().Single();

        Assert.True(await supervisor.CheckOnceAsync(CancellationToken.None));

        await using var check = new NpgsqlConnection(_database.ConnectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bpm.process_definition_versions", check);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        // The database is back with its schema; Hangfire's server re-registers at its next heartbeat.
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        using var hangfire = _app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(hangfire), j => j.Id == PublicServicesBpm.Host.Jobs.FireDueTimersJob.RecurringJobId);
    }
}
