using Hangfire;
using PublicServicesBpm.Host.Features.Engine;

namespace PublicServicesBpm.Host.Jobs;

/// <summary>Registers (or updates) the recurring jobs when the host starts. Idempotent across hosts and restarts.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Register(recurringJobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Register(IRecurringJobManager recurringJobs)
    {
        recurringJobs.AddOrUpdate<FireDueTimersJob>(FireDueTimersJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<RunStaleJobsJob>(RunStaleJobsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<Features.Notifications.DispatchNotificationsJob>(Features.Notifications.DispatchNotificationsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<Features.Deadlines.DeadlineMonitorJob>(Features.Deadlines.DeadlineMonitorJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<Features.Deadlines.NotificationRelayJob>(Features.Deadlines.NotificationRelayJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}
