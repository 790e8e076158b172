using Hangfire;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Engine;

/// <summary>
/// After a command commits, hands each scheduled service-task job to Hangfire: at once when it is due, or at its
/// retry time. If this is lost (a crash just after commit), <see cref="RunStaleJobsJob"/> finds the job row later.
/// </summary>
internal sealed class ServiceTaskDispatcher(IBackgroundJobClient jobs, TimeProvider clock, ILogger<ServiceTaskDispatcher> logger) : ICommittedEffectsListener
{
    public void OnCommitted(Guid instanceId, IReadOnlyList<EngineEffect> effects)
    {
        foreach (var scheduled in effects.OfType<JobScheduled>())
        {
            try
            {
                if (scheduled.RunAt <= clock.GetUtcNow())
                {
                    jobs.Enqueue<RunServiceTaskJob>(job => job.RunAsync(scheduled.JobId, CancellationToken.None));
                }
                else
                {
                    jobs.Schedule<RunServiceTaskJob>(job => job.RunAsync(scheduled.JobId, CancellationToken.None), scheduled.RunAt);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The command is committed; the stale-job scan will run this job.
                logger.LogWarning(exception, "Could not hand job {JobId} of instance {InstanceId} to Hangfire", scheduled.JobId, instanceId);
            }
        }
    }
}
