using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using PublicServicesBpm.Host.Commands;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Jobs;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// When the host runs its own local PostgreSQL and that server goes away (killed, crashed), starts it again —
/// and if the database itself was dropped, creates it again with its schema — so the host recovers by itself.
/// Requests made meanwhile get a 503 problem response; no data is touched.
/// </summary>
internal sealed class LocalDatabaseSupervisor(
    DatabaseServer database, NpgsqlDataSource dataSource, IServiceProvider services, TimeProvider clock, ILogger<LocalDatabaseSupervisor> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.LocalCluster is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(s_interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckOnceAsync(stoppingToken);
        }
    }

    /// <summary>One check: returns true when the database was reachable or has been brought back.</summary>
    internal async Task<bool> CheckOnceAsync(CancellationToken cancellationToken)
    {
        if (database.LocalCluster is not { } cluster || await IsReachableAsync(cancellationToken))
        {
            return true;
        }
        logger.LogWarning("The local PostgreSQL database is not reachable; starting the server and restoring the database");
        try
        {
            await cluster.EnsureRunningAsync(cancellationToken);
            dataSource.Clear();
            // Both are no-ops on an intact database; they rebuild the schema of one that was dropped.
            await MigrateCommand.ApplyAsync(services, cancellationToken);
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                PostgreSqlObjectsInstaller.Install(connection, AppDbContext.HangfireSchema);
            }
            // A recreated database also needs what start-up puts there: the repository's workflows and the recurring jobs.
            await RepositoryDefinitions.DeployAsync(services, services.GetRequiredService<IConfiguration>(), cancellationToken);
            RecurringJobsRegistration.Register(services.GetRequiredService<IRecurringJobManager>());
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not restart the local PostgreSQL server");
            return false;
        }
    }

    private async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A round trip, not just a pooled connection: an idle pooled connection looks fine after the server died.
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
