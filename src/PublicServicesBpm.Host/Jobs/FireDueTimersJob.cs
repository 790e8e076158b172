using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Jobs;

/// <summary>
/// The recurring scan that fires due engine timers in batches: each call claims up to <c>Engine:TimerBatchSize</c>
/// due timers (FOR UPDATE SKIP LOCKED) and fires them in one commit; a few loops run in parallel
/// (<c>Engine:TimerFiringConcurrency</c>), and other hosts may run the same job — the locks keep any timer from
/// firing twice. Not one Hangfire job per timer: timers are rows with an indexed due time, so an idle scan is one
/// cheap query.
/// </summary>
internal sealed class FireDueTimersJob(WorkflowRuntime runtime, IConfiguration configuration, ILogger<FireDueTimersJob> logger)
{
    public const string RecurringJobId = "engine-fire-due-timers";

    /// <summary>At most this many timers per run, so one run never holds workers for long; the next run continues.</summary>
    public const int MaxTimersPerRun = 20_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Measured (docs/performance.md): one commit per timer made the disk the limit; batches of 100 share a commit.
        var loops = Math.Clamp(configuration.GetValue("Engine:TimerFiringConcurrency", 2), 1, 32);
        var batchSize = Math.Clamp(configuration.GetValue("Engine:TimerBatchSize", 100), 1, 1_000);
        var fired = 0;
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            while (Volatile.Read(ref fired) < MaxTimersPerRun && await runtime.FireDueTimersAsync(batchSize, cancellationToken) is var count and > 0)
            {
                Interlocked.Add(ref fired, count);
            }
        }));
        if (fired > 0)
        {
            logger.LogInformation("Fired {Count} due timer(s) in batches of up to {BatchSize} with {Loops} parallel loop(s)", fired, batchSize, loops);
        }
        return fired;
    }
}
