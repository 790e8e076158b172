using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>The key the connector sends and the simulator expects: the configured one, else a random one of this process.</summary>
internal sealed class TaxApiKey(IOptions<TaxOptions> options)
{
    public string Value { get; } = string.IsNullOrWhiteSpace(options.Value.ApiKey)
        ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32))
        : options.Value.ApiKey;

    /// <summary>Compares in constant time, so the response time does not tell how much of a guess was right.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}
