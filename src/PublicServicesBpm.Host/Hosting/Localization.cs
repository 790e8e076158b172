using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>
/// Vietnamese (vi-VN) by default, English available. The choice comes from <c>?culture=</c>, then the culture
/// cookie set by <c>/language</c>. The browser's Accept-Language is deliberately not used: a public service
/// speaks Vietnamese unless the person asks otherwise (many officers' browsers are set to English).
/// </summary>
internal static class Localization
{
    public static readonly CultureInfo[] SupportedCultures = [new("vi-VN"), new("en")];

    public static IServiceCollection AddUiLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>GET /language?culture=en&amp;returnUrl=/</c> remembers the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!SupportedCultures.Any(c => c.Name == culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported language",
                    detail: $"Supported: {string.Join(", ", SupportedCultures.Select(c => c.Name))}.");
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            // Only local paths: never an open redirect.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
