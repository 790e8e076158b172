using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependencies checked). <c>/health/ready</c>: the database is reachable
/// with its schema up to date and a Hangfire server is beating — what a load balancer should route on.
/// Both are public by design: they reveal no data, only check names and states.
/// </summary>
internal static class Health
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<BackgroundJobsHealthCheck>("hangfire", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync })
            .AllowAnonymous();
        return endpoints;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                return pending == 0
                    ? HealthCheckResult.Healthy("PostgreSQL reachable, schema up to date")
                    : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied; run the 'migrate' command");
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL not reachable: " + exception.Message);
            }
        }
    }

    private sealed class BackgroundJobsHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
    {
        private static readonly TimeSpan s_heartbeatTolerance = TimeSpan.FromMinutes(1);

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                // This process's own server, not any server sharing the database: each host must be able to do its part.
                var now = clock.GetUtcNow().UtcDateTime;
                var own = storage.GetMonitoringApi().Servers()
                    .Where(s => s.Name.StartsWith(BackgroundJobs.ServerName + ":", StringComparison.OrdinalIgnoreCase))
                    .Any(s => s.Heartbeat is { } beat && now - beat < s_heartbeatTolerance);
                return Task.FromResult(own
                    ? HealthCheckResult.Healthy("This host's Hangfire server is running")
                    : HealthCheckResult.Unhealthy("This host's Hangfire server has not reported in the last minute"));
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage not reachable: " + exception.Message));
            }
        }
    }
}
