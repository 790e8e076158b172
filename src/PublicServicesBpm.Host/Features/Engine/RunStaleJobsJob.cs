using Hangfire;
using Npgsql;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>
/// The safety net behind <see cref="ServiceTaskDispatcher"/>: every minute, hands Hangfire the service-task jobs that
/// have been due for over a minute without a worker holding them (lost at a crash, or their Hangfire job failed).
/// Running a job twice is harmless (see <see cref="RunServiceTaskJob"/>).
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
        return ids.Count;
    }
}
