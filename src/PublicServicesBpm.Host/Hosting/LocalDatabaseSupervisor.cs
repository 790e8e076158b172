using Npgsql;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// When the host runs its own local PostgreSQL and that server goes away (killed, crashed), starts it again,
/// so the host recovers by itself. Requests made meanwhile get a 503 problem response; no data is touched.
/// </summary>
internal sealed class LocalDatabaseSupervisor(DatabaseServer database, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LocalDatabaseSupervisor> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.LocalCluster is not { } cluster)
        {
            return;
        }
        using var timer = new PeriodicTimer(s_interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (await IsReachableAsync(stoppingToken))
            {
                continue;
            }
            logger.LogWarning("The local PostgreSQL server is not reachable; starting it again");
            try
            {
                await cluster.EnsureRunningAsync(stoppingToken);
                dataSource.Clear();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not restart the local PostgreSQL server");
            }
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
