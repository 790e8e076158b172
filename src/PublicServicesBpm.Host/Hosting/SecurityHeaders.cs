namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// Browser hardening on every response. Our own pages get a strict content security policy (no inline
/// script or style); the third-party dashboards under /hangfire and /scalar bring inline code and are exempt.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/hangfire") && !path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        return next(context);
    });
}
