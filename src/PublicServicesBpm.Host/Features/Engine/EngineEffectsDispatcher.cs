using Hangfire;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>
/// After a command commits, hands Hangfire the work it created: each scheduled service-task job (at once when
/// due, or at its retry time) and each call activity to settle (start the child, report its end, cancel it).
/// If this is lost (a crash just after commit), the minutely scans find the rows later.
/// </summary>
internal sealed class EngineEffectsDispatcher(IBackgroundJobClient jobs, TimeProvider clock, ILogger<EngineEffectsDispatcher> logger) : ICommittedEffectsListener
{
    public void OnCommitted(Guid instanceId, string? parentCallId, IReadOnlyList<EngineEffect> effects)
    {
        try
        {
            foreach (var effect in effects)
            {
                switch (effect)
                {
                    case JobScheduled scheduled when scheduled.RunAt <= clock.GetUtcNow():
                        jobs.Enqueue<RunServiceTaskJob>(job => job.RunAsync(scheduled.JobId, CancellationToken.None));
                        break;
                    case JobScheduled scheduled:
                        jobs.Schedule<RunServiceTaskJob>(job => job.RunAsync(scheduled.JobId, CancellationToken.None), scheduled.RunAt);
                        break;
                    case CallActivityRequested requested:
                        jobs.Enqueue<SettleCalledProcessJob>(job => job.RunAsync(requested.CallId, CancellationToken.None));
                        break;
                    case CallActivityCancelled cancelled:
                        jobs.Enqueue<SettleCalledProcessJob>(job => job.RunAsync(cancelled.CallId, CancellationToken.None));
                        break;
                    case InstanceEnded when parentCallId is not null:
                        jobs.Enqueue<SettleCalledProcessJob>(job => job.RunAsync(parentCallId, CancellationToken.None));
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The command is committed; the stale-work scans will pick this up.
            logger.LogWarning(exception, "Could not hand the work of instance {InstanceId} to Hangfire", instanceId);
        }
    }
}
