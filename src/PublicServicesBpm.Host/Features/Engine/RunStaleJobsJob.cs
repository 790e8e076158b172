using Hangfire;
using Npgsql;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>
/// The safety net behind <see cref="EngineEffectsDispatcher"/>: every minute, hands Hangfire the service-task jobs
/// that have been due for over a minute without a worker holding them, and the call activities that have waited
/// over a minute for a step (lost at a crash, or their Hangfire job failed). Running either twice is harmless.
/// </summary>
internal sealed class RunStaleJobsJob(NpgsqlDataSource dataSource, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "engine-run-stale-jobs";
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var command = dataSource.CreateCommand("""
            SELECT id FROM bpm.jobs WHERE run_at <= @stale AND (locked_until IS NULL OR locked_until < @now) ORDER BY run_at LIMIT @limit
            """);
        command.Parameters.AddWithValue("stale", now - TimeSpan.FromMinutes(1));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", BatchSize);
        var ids = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }
        foreach (var id in ids)
        {
            jobs.Enqueue<RunServiceTaskJob>(job => job.RunAsync(id, CancellationToken.None));
        }
        var calls = await StaleCallsAsync(now, cancellationToken);
        foreach (var call in calls)
        {
            jobs.Enqueue<SettleCalledProcessJob>(job => job.RunAsync(call, CancellationToken.None));
        }
        return ids.Count + calls.Count;
    }

    /// <summary>Calls with a step to do: no child yet, a child that ended, or a caller that stopped waiting.</summary>
    private async Task<List<string>> StaleCallsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT call_id FROM bpm.called_processes
            WHERE requested_at <= @stale AND (child_instance_id IS NULL OR cancelled OR child_ended_at IS NOT NULL)
            ORDER BY requested_at LIMIT @limit
            """);
        command.Parameters.AddWithValue("stale", now - TimeSpan.FromMinutes(1));
        command.Parameters.AddWithValue("limit", BatchSize);
        var calls = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add(reader.GetString(0));
        }
        return calls;
    }
}
