using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>Wires dossier handling (issue 5): the status projection and the receipt handler inside the engine's transaction, the commands and reads.</summary>
internal static class DossierServices
{
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddSingleton<DossierStatusProjection>();
        services.AddSingleton<IEngineTransactionParticipant>(provider => provider.GetRequiredService<DossierStatusProjection>());
        services.AddSingleton<ReceiveDossierHandler>();
        services.AddSingleton<ITransactionalServiceTaskHandler>(provider => provider.GetRequiredService<ReceiveDossierHandler>());
        services.AddScoped<DossierAccess>();
        services.AddScoped<DossierQueries>();
        services.AddScoped<DossierCommands>();
        services.AddScoped<DossierPath>();
        services.AddDossierFilesAndSlips();
        return services;
    }
}

/// <summary>The dossier API: <c>/api/v1/dossiers</c> (applicants and officers) and the public lookup.</summary>
internal static class DossiersApi
{
    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/dossiers").WithTags("Dossiers").RequireAuthorization(Hosting.Policies.DossierParticipant);
        DossierEndpoints.Map(group);
        DossierFileEndpoints.Map(group);
        DossierSlipEndpoints.Map(group);
        DossierTimelineEndpoints.Map(group);
        DossierPathEndpoints.Map(group);
        PublicLookupEndpoints.Map(endpoints);
        return endpoints;
    }
}
