namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// An <c>exclusiveGateway</c>: conditions are evaluated in document order, the first true wins, else the
/// default flow; none true and no default raises an incident.
/// </summary>
public sealed record ExclusiveGateway : FlowNode
{
    /// <summary>The id of the default flow (<c>default</c> attribute), if any.</summary>
    public string? DefaultFlowId { get; init; }

    /// <inheritdoc />
    public override string ElementType => "exclusiveGateway";
}

/// <summary>A <c>parallelGateway</c>: forks a token per outgoing flow, or joins once every incoming flow has one.</summary>
public sealed record ParallelGateway : FlowNode
{
    /// <inheritdoc />
    public override string ElementType => "parallelGateway";
}

/// <summary>An <c>eventBasedGateway</c>: the first of its target catch events to occur wins.</summary>
public sealed record EventBasedGateway : FlowNode
{
    /// <inheritdoc />
    public override string ElementType => "eventBasedGateway";
}
