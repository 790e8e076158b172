using Serilog;
using Serilog.Formatting.Compact;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// Serilog: readable console lines by default, compact JSON when <c>Logging:Format</c> is <c>json</c>;
/// levels from the <c>Serilog</c> configuration section; every line carries the request's correlation id. With
/// <c>Logging:StandardError</c> (set for every command but <c>serve</c>) all lines go to standard error.
/// </summary>
internal static class Logging
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The logger used before the host is built (start-up, the local database, sub-commands).</summary>
    public static Serilog.ILogger CreateBootstrapLogger(IConfiguration configuration) =>
        Configure(new LoggerConfiguration(), configuration).CreateBootstrapLogger();

    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => Configure(logger, builder.Configuration).ReadFrom.Services(services));
        return builder;
    }

    private static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Npgsql", Serilog.Events.LogEventLevel.Warning)
            // EF logs a failed command at Error before the exception reaches the code that handles it (e.g. the
            // first migration probing its history table); real failures are logged where they are handled.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "PublicServicesBpm");
        // Commands print their result on standard output (JSON a script can read): their logs go to standard error.
        Serilog.Events.LogEventLevel? toStandardError = configuration.GetValue("Logging:StandardError", false) ? Serilog.Events.LogEventLevel.Verbose : null;
        return string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase)
            ? logger.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: toStandardError)
            : logger.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: toStandardError);
    }
}
