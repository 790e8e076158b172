using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Testing;

namespace PublicServicesBpm.IntegrationTests.Engine;

/// <summary>
/// The real host (Hangfire workers included) on a fresh database with the test's BPMN deployed: for engine work
/// that happens after commit, on other threads (service tasks, call activities).
/// </summary>
public abstract class HostedEngineTestBase : IAsyncLifetime
{
    private TestPostgres _postgres = null!;

    protected string ConnectionString { get; private set; } = string.Empty;

    protected TestHost Host { get; private set; } = null!;

    protected WorkflowRuntime Runtime => Host.Services.GetRequiredService<WorkflowRuntime>();

    /// <summary>The BPMN file deployed before each test.</summary>
    protected abstract string Bpmn { get; }

    /// <summary>Adds the test's services (e.g. service-task handlers) to the host.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.InstanceAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Host = await TestHost.StartAsync(ConnectionString, ConfigureServices);
        using var scope = Host.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetRequiredService<ServiceTaskHandlerRegistry>().HandlerTypes;
        var context = new RepositoryDeploymentContext(new HashSet<string>(), handlers, new HashSet<string>());
        var outcome = await scope.ServiceProvider.GetRequiredService<ProcessDeployment>().DeployAsync(Bpmn, "tester", context, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres.DropDatabaseAsync(ConnectionString);
    }

    protected async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    /// <summary>Waits for the host's background workers (other threads) to do their part; fails after 30 s.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the background job");
            await Task.Delay(50);
        }
    }
}
