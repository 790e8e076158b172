namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// The recurring job (every minute, <see cref="RecurringJobId"/>) that sends the outbox's due notifications in batches
/// until none is due or <see cref="MaxNotificationsPerRun"/> were claimed. Other hosts may run it at the same time: the
/// claim skips what another host holds. Callable directly (tests, an operator).
/// </summary>
internal sealed class DispatchNotificationsJob(NotificationDispatcher dispatcher, ILogger<DispatchNotificationsJob> logger)
{
    public const string RecurringJobId = "notifications-dispatch";

    /// <summary>At most this many per run, so one run never holds a worker for long; the next run continues.</summary>
    public const int MaxNotificationsPerRun = 2_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < MaxNotificationsPerRun && await dispatcher.DispatchBatchAsync(cancellationToken) is var claimed and > 0)
        {
            total += claimed;
        }
        if (total > 0)
        {
            logger.LogInformation("Dispatched {Count} notification(s)", total);
        }
        return total;
    }
}
