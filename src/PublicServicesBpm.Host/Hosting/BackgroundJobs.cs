using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// Hangfire on the same PostgreSQL database, schema <c>hangfire</c>. It runs recurring scans (due timers, SLA,
/// outbox) and asynchronous work with retries — not one job per timer (see docs/architecture.md).
/// </summary>
internal static class BackgroundJobs
{
    /// <summary>This process's Hangfire server name (Hangfire appends a unique suffix to form the server id).</summary>
    public static readonly string ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Persistence.AppDbContext.HangfireSchema,
            PrepareSchemaIfNecessary = true,
            // LISTEN/NOTIFY wakes the workers when a job is enqueued instead of polling every 15 seconds.
            EnableLongPolling = true,
            QueuePollInterval = configuration.GetValue("Hangfire:QueuePollInterval", TimeSpan.FromSeconds(15)),
        };
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(connectionString), storageOptions));
        services.AddHangfireServer((provider, server) =>
        {
            // Jobs are created from THIS host's container. Hangfire's default activator is process-wide (static), so a
            // second host in the same process (the tests start many) would otherwise get jobs built by another
            // host's — possibly disposed — container, on another database.
            server.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            server.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount * 2));
            server.ServerName = ServerName;
        });
        return services;
    }

    /// <summary>The dashboard at /hangfire: administrators only (the fallback policy has already required a signed-in user).</summary>
    public static IApplicationBuilder UseBackgroundJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            AsyncAuthorization = [new AdministratorsOnly()],
            DashboardTitle = "PublicServicesBpm — Hangfire",
            AppPath = "/",
        });

    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var httpContext = context.GetHttpContext();
            var authorization = httpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
            return (await Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions.AuthorizeAsync(authorization, httpContext.User, Policies.Administrator)).Succeeded;
        }
    }
}
