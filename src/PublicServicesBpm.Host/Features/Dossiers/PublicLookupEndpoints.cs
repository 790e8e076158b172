using Microsoft.AspNetCore.Mvc;
using PublicServicesBpm.Host.Hosting;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// <c>GET /api/v1/public/dossiers/{code}?secret=</c> (P11, B8): anyone holding the slip sees where the dossier
/// stands, without signing in. Rate-limited per address (reads count); a wrong code and a wrong secret give the
/// same 404, so neither can be probed.
/// </summary>
internal static class PublicLookupEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/public/dossiers/{code}", LookupAsync).WithTags("Dossiers").WithName("LookUpDossier")
            .WithSummary("Public lookup by dossier code and lookup secret: status, dates and the plain-language timeline, no personal data")
            .Produces<PublicDossierView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous().RequireRateLimiting(RateLimits.PublicLookup);
    }

    private static async Task<IResult> LookupAsync(string code, [FromQuery] string? secret, HttpContext http)
    {
        var view = await http.RequestServices.GetRequiredService<DossierTimelines>().LookupAsync(code, secret, http.RequestAborted);
        return view is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "Không tìm thấy hồ sơ với mã số và mã tra cứu này. Kiểm tra lại giấy tiếp nhận.")
            : Results.Ok(view);
    }
}
