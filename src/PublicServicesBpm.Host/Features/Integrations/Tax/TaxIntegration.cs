using Microsoft.Extensions.Options;
using PublicServicesBpm.Host.Features.Engine;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>Wires the tax-authority connector (service task <c>tax.household-tax-code</c>) and its local simulator.</summary>
internal static class TaxIntegration
{
    /// <summary>Registers the connector and its service-task handler; settings from <see cref="TaxOptions.Section"/>.</summary>
    public static IServiceCollection AddTaxIntegration(this IServiceCollection services)
    {
        services.AddOptions<TaxOptions>().BindConfiguration(TaxOptions.Section);
        services.AddSingleton<TaxApiKey>();
        services.AddSingleton<TaxEndpointAddress>();
        // The factory's handler pool, not one long-lived HttpClient; the per-call timeout is TaxOptions.Timeout.
        services.AddHttpClient<TaxAuthorityClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<IServiceTaskHandler, HouseholdTaxCodeHandler>();
        return services;
    }

    /// <summary>Maps the simulator of the tax authority when <c>Integrations:Tax:Simulator:Enabled</c> (default true).</summary>
    public static IEndpointRouteBuilder MapTaxSimulator(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<TaxOptions>>().Value.Simulator.Enabled)
        {
            return endpoints;
        }
        endpoints.MapPost("/" + TaxProtocol.HouseholdTaxCodesPath, TaxSimulator.Issue)
            // No user calls this: it stands in for another authority's system. The API key filter is its guard.
            .AllowAnonymous()
            .AddEndpointFilter<TaxApiKeyFilter>()
            .ExcludeFromDescription();
        return endpoints;
    }
}
