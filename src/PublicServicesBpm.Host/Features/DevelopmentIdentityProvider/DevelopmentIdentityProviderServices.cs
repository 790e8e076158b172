using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>Services of the built-in stand-in for VNeID (only when <c>Identity:DevelopmentProvider:Enabled</c>).</summary>
internal static class DevelopmentIdentityProviderServices
{
    public static IServiceCollection AddDevelopmentIdentityProvider(this IServiceCollection services, IConfiguration configuration, TransportSecurity transport)
    {
        _ = configuration; // its settings (demo file, external authority) are read by the hosted services when they run
        services.AddAuthentication().AddProviderSession(transport);
        services.AddScoped<CitizenAccounts>();
        services.AddHostedService<DemoCitizenSeeder>();
        // Also as IHostedLifecycleService: registered through AddHostedService, the host calls its StartedAsync.
        services.AddHostedService<PortalClientRegistration>();
        return services;
    }
}
