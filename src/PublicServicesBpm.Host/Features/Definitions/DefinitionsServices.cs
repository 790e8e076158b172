namespace PublicServicesBpm.Host.Features.Definitions;

internal static class DefinitionsServices
{
    public static IServiceCollection AddDefinitions(this IServiceCollection services)
    {
        services.AddScoped<ProcessDeployment>();
        // No service-task handlers exist yet; integrations add theirs here.
        services.AddSingleton(new ServiceTaskHandlerRegistry([]));
        return services;
    }
}
