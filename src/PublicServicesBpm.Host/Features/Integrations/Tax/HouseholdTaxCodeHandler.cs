using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicServicesBpm.Host.Features.Engine;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// Service task <c>psb:type="tax.household-tax-code"</c> (workflow <c>dang-ky-ho-kinh-doanh</c>): sends the registered
/// household business — read from the variables of the request form <c>dang-ky-ho-kinh-doanh-de-nghi</c> — to the tax
/// authority and stores the code it issues in <c>taxCode</c> (and <c>taxCodeIssuedAt</c>). The job id is the
/// idempotency key, so a job that runs twice gets the same code. A refusal of the data becomes the BPMN error
/// <see cref="RejectedErrorCode"/>, which the workflow catches; a failed call throws and is retried.
/// </summary>
internal sealed class HouseholdTaxCodeHandler(TaxAuthorityClient client, ILogger<HouseholdTaxCodeHandler> logger) : IServiceTaskHandler
{
    public const string HandlerType = "tax.household-tax-code";

    /// <summary>The BPMN error code thrown when the tax authority refuses the data.</summary>
    public const string RejectedErrorCode = "tax-rejected";

    public string Type => HandlerType;

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var request = ToRequest(context);
        var answer = await client.RequestHouseholdTaxCodeAsync(request, context.JobId, cancellationToken);
        switch (answer)
        {
            case TaxAuthorityAnswer.Issued issued:
                logger.LogInformation("Tax code issued for dossier {DossierCode} (job {JobId})", request.DossierCode, context.JobId);
                return ServiceTaskResult.Completed(new JsonObject
                {
                    ["taxCode"] = issued.Code.TaxCode,
                    ["taxCodeIssuedAt"] = issued.Code.IssuedAt.ToString("O", CultureInfo.InvariantCulture),
                });
            case TaxAuthorityAnswer.Rejected rejected:
                logger.LogInformation("Tax authority refused dossier {DossierCode}: {RejectionCode}", request.DossierCode, rejected.Rejection.Code);
                return ServiceTaskResult.Error(RejectedErrorCode, $"{rejected.Rejection.Code}: {rejected.Rejection.Message}");
            default:
                throw new InvalidOperationException("Unknown tax authority answer " + answer.GetType().Name);
        }
    }

    /// <summary>The form's field keys (<c>hoKinhDoanh.ten</c>, <c>chuHo.soDinhDanh</c>, …) become nested variables.</summary>
    internal static HouseholdTaxCodeRequest ToRequest(ServiceTaskContext context)
    {
        var variables = context.Variables;
        var business = variables["hoKinhDoanh"] as JsonObject;
        var owner = variables["chuHo"] as JsonObject;
        var sectors = (variables["nganhNghe"] as JsonArray ?? [])
            .Select(line => Text(line?["maNganh"]))
            .OfType<string>()
            .ToList();
        return new HouseholdTaxCodeRequest(
            context.BusinessKey ?? Text(variables["dossierCode"]),
            Text(business?["ten"]),
            Text(business?["diaChi"]),
            Text(owner?["hoTen"]),
            Text(owner?["soDinhDanh"]),
            Number(business?["vonKinhDoanh"]),
            sectors);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    // Read through the JSON text: a node built in memory may hold an int or a double, which GetValue<decimal> refuses.
    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
