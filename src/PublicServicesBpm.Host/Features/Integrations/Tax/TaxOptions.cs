namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// Settings of the tax-authority connection (section <c>Integrations:Tax</c>). With the defaults the host talks to
/// its own simulator of the tax authority on its own address, so a fresh checkout runs the household business
/// procedure end to end; production sets <see cref="BaseUrl"/> and <see cref="ApiKey"/> and disables the simulator.
/// </summary>
internal sealed class TaxOptions
{
    public const string Section = "Integrations:Tax";

    /// <summary>The tax authority's base address; null means this host's own address (its simulator).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The key sent in <see cref="TaxProtocol.ApiKeyHeader"/> and, by the simulator, expected there. When not set, a
    /// random key is made at start-up: only this process knows it, so only this process can call its simulator.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one call may take before the attempt fails (and the engine retries it). Default 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public TaxSimulatorOptions Simulator { get; set; } = new();
}

/// <summary>The local simulator of the tax authority's endpoint (section <c>Integrations:Tax:Simulator</c>).</summary>
internal sealed class TaxSimulatorOptions
{
    /// <summary>Maps the simulator's endpoint in this host. Default true (demo and tests); false in production.</summary>
    public bool Enabled { get; set; } = true;
}
