namespace PublicServicesBpm.Host.Features.Definitions;

internal static class DefinitionsServices
{
    public static IServiceCollection AddDefinitions(this IServiceCollection services)
    {
        services.AddScoped<ProcessDeployment>();
        services.AddScoped<Forms.FormDeployment>();
        services.AddScoped<Forms.FormVersions>();
        services.AddScoped<Forms.TaskForms>();
        services.AddScoped<Designer.DesignerDrafts>();
        services.AddScoped<Designer.StudioCatalogue>();
        // Deployment accepts the psb:type names of the registered handlers: run after commit (IServiceTaskHandler) or
        // inline in the command's transaction (ITransactionalServiceTaskHandler).
        services.AddSingleton(provider => new ServiceTaskHandlerRegistry(
            provider.GetServices<Engine.IServiceTaskHandler>().Select(h => h.Type)
                .Concat(provider.GetServices<Persistence.Engine.ITransactionalServiceTaskHandler>().Select(h => h.Type))));
        return services;
    }
}
