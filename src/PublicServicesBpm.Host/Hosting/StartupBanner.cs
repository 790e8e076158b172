using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>Once the host listens, prints where each part of the system is.</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }
        var root = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        app.Logger.LogInformation(
            "PublicServicesBpm is running.{NewLine}  Home page:        {Home}{NewLine}  API reference:    {ApiReference}{NewLine}  OpenAPI document: {OpenApi}{NewLine}  Hangfire:         {Hangfire}{NewLine}  Health:           {Health}{NewLine}Press Ctrl+C to stop.",
            Environment.NewLine, root + "/", Environment.NewLine, root + "/scalar/v1", Environment.NewLine, root + "/openapi/v1.json",
            Environment.NewLine, root + "/hangfire", Environment.NewLine, root + "/health/ready", Environment.NewLine);
    });
}
