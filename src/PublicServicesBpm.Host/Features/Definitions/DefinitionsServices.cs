namespace PublicServicesBpm.Host.Features.Definitions;

internal static class DefinitionsServices
{
    public static IServiceCollection AddDefinitions(this IServiceCollection services)
    {
        services.AddScoped<ProcessDeployment>();
        // Deployment accepts the psb:type names of the registered IServiceTaskHandler implementations.
        services.AddSingleton(provider => new ServiceTaskHandlerRegistry(provider.GetServices<Engine.IServiceTaskHandler>().Select(h => h.Type)));
        return services;
    }
}
