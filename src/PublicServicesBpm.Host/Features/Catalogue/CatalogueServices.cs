using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

internal static class CatalogueServices
{
    /// <summary>The catalogues, their writers and search, and the start-up seed and procedure import.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton<SharedCatalogues>();
        services.AddScoped<CatalogueChanges>();
        services.AddScoped<ProcedureCatalogue>();
        services.AddSingleton<ProcedureSearch>();
        services.AddHostedService<CatalogueStartup>();
        return services;
    }
}
