namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>Wires dossier files, slips, timelines and the public lookup (called from <c>DossierServices.AddDossiers</c>).</summary>
internal static class DossierFileServices
{
    public static IServiceCollection AddDossierFilesAndSlips(this IServiceCollection services)
    {
        services.AddScoped<DossierFiles>();
        services.AddScoped<DossierSlips>();
        services.AddScoped<DossierTimelines>();
        return services;
    }
}
