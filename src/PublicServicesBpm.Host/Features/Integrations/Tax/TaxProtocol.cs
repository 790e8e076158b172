namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// The protocol spoken with the tax authority for household tax codes: <c>POST {base}/tax-authority/v1/household-tax-codes</c>
/// with <see cref="HouseholdTaxCodeRequest"/>; 200 with <see cref="HouseholdTaxCodeIssued"/>, or 422 with
/// <see cref="TaxRejection"/> when the data is refused (a business error), 401 for a wrong key, 5xx when the
/// authority fails (try again). Repeating a request with the same <see cref="IdempotencyKeyHeader"/> returns the
/// first answer.
/// </summary>
internal static class TaxProtocol
{
    public const string HouseholdTaxCodesPath = "tax-authority/v1/household-tax-codes";

    public const string ApiKeyHeader = "X-Api-Key";

    public const string IdempotencyKeyHeader = "Idempotency-Key";
}

/// <summary>The household business registered by the business-registration office.</summary>
/// <param name="DossierCode">The dossier code of the registration.</param>
/// <param name="BusinessName">Tên hộ kinh doanh.</param>
/// <param name="BusinessAddress">Địa chỉ trụ sở.</param>
/// <param name="OwnerName">The owner's full name.</param>
/// <param name="OwnerPersonalId">The owner's 12-digit personal identification number.</param>
/// <param name="Capital">Vốn kinh doanh in đồng, if declared.</param>
/// <param name="SectorCodes">The 4-digit codes of the declared business lines.</param>
internal sealed record HouseholdTaxCodeRequest(
    string? DossierCode, string? BusinessName, string? BusinessAddress, string? OwnerName, string? OwnerPersonalId,
    decimal? Capital, IReadOnlyList<string> SectorCodes);

/// <summary>The tax code issued (10 digits) and when.</summary>
internal sealed record HouseholdTaxCodeIssued(string TaxCode, DateTimeOffset IssuedAt);

/// <summary>Why the tax authority refused the data: a stable code and a message for the officer.</summary>
internal sealed record TaxRejection(string Code, string Message);
