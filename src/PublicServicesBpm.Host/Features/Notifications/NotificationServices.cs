using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>Wires notifications: the notifier (outbox writer), the dispatcher and its job, email, SMS and the API.</summary>
internal static class NotificationServices
{
    /// <summary>Registers the notifier, dispatcher, senders and the SMS simulator's memory; settings from <see cref="NotificationOptions.Section"/>.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddScoped<NotificationAddressBook>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<DispatchNotificationsJob>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<SmsApiKey>();
        services.AddSingleton<SmsEndpointAddress>();
        services.AddSingleton<SmsSimulatorInbox>();
        // The factory's handler pool, not one long-lived HttpClient; the per-call timeout is SmsOptions.Timeout.
        services.AddHttpClient<ISmsGateway, HttpSmsGateway>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }

    /// <summary>
    /// <c>/api/v1/notifications</c>: each signed-in officer or applicant reads their own notifications and preferences;
    /// administrators read the delivery log.
    /// </summary>
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var deliveries = endpoints.MapGroup("/api/v1/notifications/deliveries").WithTags("Notifications").RequireAuthorization(Policies.Administrator);
        DeliveryLogEndpoints.Map(deliveries);
        var group = endpoints.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.DossierParticipant);
        InAppNotificationEndpoints.Map(group);
        NotificationPreferenceEndpoints.Map(group);
        return endpoints;
    }
}
