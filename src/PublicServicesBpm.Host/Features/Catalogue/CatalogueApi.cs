using PublicServicesBpm.Host.Features.Workflows;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// The catalogue API: <c>/api/v1/catalogues</c> (anyone, rate-limited: procedure search and details, shared
/// catalogues as of a date), <c>/api/v1/admin/catalogues</c> (administrators: change, end, import, export) and
/// <c>/api/v1/procedures</c> (procedure designers and administrators: store, publish, withdraw versions).
/// </summary>
internal static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api/v1/catalogues").WithTags("Catalogue").AllowAnonymous().RequireRateLimiting(RateLimits.PublicLookup);
        ProcedureReadEndpoints.Map(reads);
        SharedCatalogueReadEndpoints.Map(reads);
        SharedCatalogueAdminEndpoints.Map(endpoints.MapGroup("/api/v1/admin/catalogues").WithTags("Catalogue administration").RequireAuthorization(Policies.Administrator));
        ProcedureAdminEndpoints.Map(endpoints.MapGroup("/api/v1/procedures").WithTags("Procedure administration").RequireAuthorization(WorkflowsApi.Operators));
        return endpoints;
    }

    /// <summary>Today in Vietnam, or the <c>asOf</c> date given; null when <paramref name="asOf"/> is not a date.</summary>
    public static DateOnly? AsOf(string? asOf, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return Audit.VietnamTime.LocalDate(clock.GetUtcNow());
        }
        return Audit.VietnamTime.TryParseDate(asOf, out var day) ? day : null;
    }

    public static IResult BadDate(string parameter) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = ["A date (yyyy-MM-dd)."] });

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
