namespace PublicServicesBpm.Host.Features.Deadlines;

/// <summary>
/// The recurring Hangfire jobs of this feature: the deadline monitor and the notification relay, every minute. Each run
/// claims its rows with <c>SKIP LOCKED</c>, so runs of several hosts at the same minute share the work.
/// </summary>
internal sealed class DeadlineMonitorJob(DeadlineMonitor monitor)
{
    public const string RecurringJobId = "deadlines-monitor";

    public Task<DeadlineMonitor.ScanResult> RunAsync(CancellationToken cancellationToken) => monitor.ScanAsync(cancellationToken);
}

/// <inheritdoc cref="DeadlineMonitorJob"/>
internal sealed class NotificationRelayJob(NotificationRelay relay)
{
    public const string RecurringJobId = "notifications-relay";

    public Task<int> RunAsync(CancellationToken cancellationToken) => relay.RunAsync(cancellationToken);
}

internal static class DeadlinesServices
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeadlineOptions>(configuration.GetSection(DeadlineOptions.Section));
        services.AddScoped<DeadlineMonitor>();
        services.AddScoped<NotificationRelay>();
        services.AddScoped<DeadlineMonitorJob>();
        services.AddScoped<NotificationRelayJob>();
        services.AddScoped<DeadlineMonitoring>();
        return services;
    }
}
