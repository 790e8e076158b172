using System.Text.RegularExpressions;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// A local stand-in for the tax authority's household-tax-code endpoint, speaking <see cref="TaxProtocol"/> over
/// HTTP so that the connector is exercised exactly as against the real system. It checks the data the way the
/// authority would (owner's 12-digit personal ID, business name and address, 4-digit business lines) and answers
/// 422 with a <see cref="TaxRejection"/> otherwise; a valid request gets a 10-digit code derived from its
/// idempotency key (<see cref="HouseholdTaxCodes"/>), so repeating the request returns the same code.
/// </summary>
internal static partial class TaxSimulator
{
    public static IResult Issue(HouseholdTaxCodeRequest request, HttpContext http, TimeProvider clock)
    {
        var idempotencyKey = http.Request.Headers[TaxProtocol.IdempotencyKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency key required",
                detail: $"Send a {TaxProtocol.IdempotencyKeyHeader} header of 1 to 200 characters.");
        }
        if (Rejection(request) is { } rejection)
        {
            return Results.UnprocessableEntity(rejection);
        }
        return Results.Ok(new HouseholdTaxCodeIssued(HouseholdTaxCodes.ForKey(idempotencyKey), clock.GetUtcNow()));
    }

    private static TaxRejection? Rejection(HouseholdTaxCodeRequest request)
    {
        if (request.OwnerPersonalId is null || !PersonalId().IsMatch(request.OwnerPersonalId))
        {
            return new("invalid-owner-id", "Số định danh cá nhân của chủ hộ kinh doanh phải gồm 12 chữ số.");
        }
        if (string.IsNullOrWhiteSpace(request.OwnerName))
        {
            return new("missing-owner-name", "Thiếu họ, chữ đệm và tên của chủ hộ kinh doanh.");
        }
        if (string.IsNullOrWhiteSpace(request.BusinessName) || string.IsNullOrWhiteSpace(request.BusinessAddress))
        {
            return new("missing-business", "Thiếu tên hoặc địa chỉ trụ sở hộ kinh doanh.");
        }
        if (request.SectorCodes is not { Count: > 0 } || request.SectorCodes.Any(code => !SectorCode().IsMatch(code)))
        {
            return new("invalid-sector", "Ngành, nghề kinh doanh phải có ít nhất một mã ngành cấp 4 (4 chữ số).");
        }
        return null;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex PersonalId();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex SectorCode();
}

/// <summary>
/// Admits a call to the simulator only with the right <see cref="TaxProtocol.ApiKeyHeader"/>: the endpoint has no
/// user (the caller is a system), so it is anonymous to the user policies and guarded by this key instead.
/// </summary>
internal sealed class TaxApiKeyFilter(TaxApiKey apiKey) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        apiKey.Matches(context.HttpContext.Request.Headers[TaxProtocol.ApiKeyHeader].FirstOrDefault())
            ? await next(context)
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"A valid {TaxProtocol.ApiKeyHeader} header is required.");
}
