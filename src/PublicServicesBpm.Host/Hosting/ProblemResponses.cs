using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// Every error leaves the host as an RFC 7807 problem details document, with the correlation id as
/// <c>traceId</c> and never a stack trace. A lost database becomes 503 (try again) instead of 500.
/// </summary>
internal static class ProblemResponses
{
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            // The framework adds exception details only in Development; we never send them.
            context.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }

    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();

    /// <summary>Turns "cannot reach PostgreSQL" into 503 Service Unavailable with a plain explanation.</summary>
    private sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!IsDatabaseUnavailable(exception))
            {
                // The exception handler middleware logs it and answers 500 with problem details.
                return false;
            }
            logger.LogWarning("Database unavailable: {Reason}", exception.Message);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "10";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The database is not available",
                    Detail = "The service cannot reach its database right now. Nothing was changed; please try again shortly.",
                },
            });
        }

        private static bool IsDatabaseUnavailable(Exception exception) => exception switch
        {
            NpgsqlException { IsTransient: true } => true,
            NpgsqlException { InnerException: SocketException or TimeoutException } => true,
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "3D000" } => true,
            _ when exception.InnerException is { } inner => IsDatabaseUnavailable(inner),
            _ => false,
        };
    }
}
