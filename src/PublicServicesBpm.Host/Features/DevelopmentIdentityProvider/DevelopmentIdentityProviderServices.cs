using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>Services of the built-in stand-in for VNeID (only when <c>Identity:DevelopmentProvider:Enabled</c>).</summary>
internal static class DevelopmentIdentityProviderServices
{
    public static IServiceCollection AddDevelopmentIdentityProvider(this IServiceCollection services, IConfiguration configuration, TransportSecurity transport)
    {
        _ = configuration;
        _ = transport;
        return services;
    }
}
