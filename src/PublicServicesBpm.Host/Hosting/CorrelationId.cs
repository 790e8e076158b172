using Serilog.Context;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// Gives every request a correlation id — the caller's <c>X-Correlation-ID</c> when it is well formed, else a
/// new one — echoed in the response, used as the problem details' traceId, and attached to every log line.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "X-Correlation-ID";
    private const int MaxLength = 64;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = context.Request.Headers[HeaderName].ToString();
        if (!IsWellFormed(id))
        {
            id = Guid.CreateVersion7().ToString("N");
        }
        context.TraceIdentifier = id;
        context.Response.Headers[HeaderName] = id;
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    });

    // Untrusted input ends up in logs and headers: accept only short, plain tokens.
    private static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
