using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Jobs;

/// <summary>
/// The recurring scan that fires due engine timers, one command (one commit) each. Not one Hangfire job per
/// timer: timers are rows with an indexed due time, so an idle scan is one cheap query. Safe on several hosts at
/// once (each timer is locked with SKIP LOCKED while it fires) and safe to run twice.
/// </summary>
internal sealed class FireDueTimersJob(WorkflowRuntime runtime, ILogger<FireDueTimersJob> logger)
{
    public const string RecurringJobId = "engine-fire-due-timers";

    /// <summary>At most this many timers per run, so one run never holds a worker for long; the next run continues.</summary>
    public const int MaxTimersPerRun = 1000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        while (fired < MaxTimersPerRun && await runtime.FireNextDueTimerAsync(cancellationToken))
        {
            fired++;
        }
        if (fired > 0)
        {
            logger.LogInformation("Fired {Count} due timer(s)", fired);
        }
        return fired;
    }
}
