using System.Reflection;

namespace PublicServicesBpm.Host.Features.System;

/// <summary><c>GET /api/v1/system/about</c>: which product and version answers, and the languages it speaks.</summary>
internal static class GetAbout
{
    public sealed record Response(string Product, string Version, IReadOnlyList<string> Languages, DateTimeOffset ServerTime);

    public static RouteGroupBuilder MapGetAbout(this RouteGroupBuilder group)
    {
        group.MapGet("/about", Handle)
            .WithName("GetAbout")
            .WithSummary("Product, version and supported languages")
            .AllowAnonymous();
        return group;
    }

    private static Response Handle(TimeProvider clock) => new(
        "PublicServicesBpm",
        typeof(GetAbout).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        [.. Hosting.Localization.SupportedCultures.Select(c => c.Name)],
        clock.GetUtcNow());
}
