using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Jobs;

/// <summary>
/// The recurring scan that fires due engine timers, one command (one commit) each, with a few loops in parallel
/// (each timer is locked with SKIP LOCKED while it fires, so the loops — and other hosts — never fire one twice).
/// Not one Hangfire job per timer: timers are rows with an indexed due time, so an idle scan is one cheap query.
/// </summary>
internal sealed class FireDueTimersJob(WorkflowRuntime runtime, IConfiguration configuration, ILogger<FireDueTimersJob> logger)
{
    public const string RecurringJobId = "engine-fire-due-timers";

    /// <summary>At most this many timers per run, so one run never holds workers for long; the next run continues.</summary>
    public const int MaxTimersPerRun = 10_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Commits wait for the disk; several loops overlap those waits (measured: 10,000 timers in 25 s with one
        // loop, 12 s with eight — docs/performance.md).
        var loops = Math.Clamp(configuration.GetValue("Engine:TimerFiringConcurrency", 4), 1, 32);
        var fired = 0;
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            while (Volatile.Read(ref fired) < MaxTimersPerRun && await runtime.FireNextDueTimerAsync(cancellationToken))
            {
                Interlocked.Increment(ref fired);
            }
        }));
        if (fired > 0)
        {
            logger.LogInformation("Fired {Count} due timer(s) with {Loops} parallel loop(s)", fired, loops);
        }
        return fired;
    }
}
