namespace PublicServicesBpm.Engine.Definitions;

/// <summary>An embedded <c>subProcess</c>: a scope with its own start event and nodes.</summary>
public sealed record SubProcess : Activity
{
    /// <summary>The nodes and flows inside the sub-process.</summary>
    public required FlowScope Scope { get; init; }

    /// <summary>The time budget (<c>psb:dueIn</c>), if any.</summary>
    public IsoDuration? DueIn { get; init; }

    /// <summary>How <see cref="DueIn"/> is counted (<c>psb:calendar</c>, default working time).</summary>
    public TimeBasis Calendar { get; init; } = TimeBasis.WorkingTime;

    /// <inheritdoc />
    public override string ElementType => "subProcess";
}

/// <summary>
/// Multi-instance loop characteristics: one inner instance per item of a FEEL list.
/// </summary>
/// <param name="IsSequential">True: one item after the other; false: all items in parallel.</param>
/// <param name="Collection">FEEL expression yielding the list (<c>psb:collection</c>).</param>
/// <param name="ElementVariable">The variable holding each item (<c>psb:elementVariable</c>), if any.</param>
/// <param name="CompletionCondition">FEEL condition that ends the loop early, if any.</param>
public sealed record MultiInstance(
    bool IsSequential,
    ExpressionText Collection,
    string? ElementVariable,
    ExpressionText? CompletionCondition);
