using System.Net;
using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// Calls the tax authority over HTTP (<see cref="TaxProtocol"/>). A refusal of the data comes back as
/// <see cref="TaxAuthorityAnswer.Rejected"/>; anything else that is not an answer (unreachable, timeout, 5xx, a wrong
/// key, an unreadable body) throws, so that the engine retries the job and, when retries run out, raises an incident.
/// </summary>
internal sealed class TaxAuthorityClient(HttpClient http, TaxEndpointAddress address, TaxApiKey apiKey, IOptions<TaxOptions> options)
{
    /// <param name="request">The household business.</param>
    /// <param name="idempotencyKey">Stable across retries of one job, so a repeated call issues no second code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<TaxAuthorityAnswer> RequestHouseholdTaxCodeAsync(HouseholdTaxCodeRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(address.BaseUrl, TaxProtocol.HouseholdTaxCodesPath))
        {
            Content = JsonContent.Create(request),
        };
        message.Headers.Add(TaxProtocol.IdempotencyKeyHeader, idempotencyKey);
        message.Headers.Add(TaxProtocol.ApiKeyHeader, apiKey.Value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The tax authority did not answer within {options.Value.Timeout.TotalSeconds:0} s.");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                var rejection = await response.Content.ReadFromJsonAsync<TaxRejection>(cancellationToken)
                    ?? throw new HttpRequestException("The tax authority refused the data without saying why.");
                return new TaxAuthorityAnswer.Rejected(rejection);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The tax authority answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
            }
            var issued = await response.Content.ReadFromJsonAsync<HouseholdTaxCodeIssued>(cancellationToken);
            return issued is { TaxCode.Length: > 0 }
                ? new TaxAuthorityAnswer.Issued(issued)
                : throw new HttpRequestException("The tax authority's answer holds no tax code.");
        }
    }
}

/// <summary>What the tax authority answered: a code, or a refusal of the data.</summary>
internal abstract record TaxAuthorityAnswer
{
    public sealed record Issued(HouseholdTaxCodeIssued Code) : TaxAuthorityAnswer;

    public sealed record Rejected(TaxRejection Rejection) : TaxAuthorityAnswer;
}
