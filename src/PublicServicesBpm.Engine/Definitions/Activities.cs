namespace PublicServicesBpm.Engine.Definitions;

/// <summary>Base of all activities: the nodes that do work and may carry boundary events.</summary>
public abstract record Activity : FlowNode
{
    /// <summary>Multi-instance settings, or <see langword="null"/> for a single execution.</summary>
    public MultiInstance? MultiInstance { get; init; }
}

/// <summary>
/// System work done by a registered handler (<c>psb:type</c>), run after commit as a background job.
/// </summary>
public abstract record JobActivity : Activity
{
    /// <summary>The default number of retries before an incident is raised.</summary>
    public const int DefaultRetries = 3;

    /// <summary>The handler name (<c>psb:type</c>).</summary>
    public required string HandlerType { get; init; }

    /// <summary>Retries before an incident (<c>psb:retries</c>, default <see cref="DefaultRetries"/>).</summary>
    public int Retries { get; init; } = DefaultRetries;
}

/// <summary>A <c>serviceTask</c>: system work by a handler.</summary>
public sealed record ServiceTask : JobActivity
{
    /// <inheritdoc />
    public override string ElementType => "serviceTask";
}

/// <summary>A <c>sendTask</c>: sends something through a handler (e.g. a notification).</summary>
public sealed record SendTask : JobActivity
{
    /// <inheritdoc />
    public override string ElementType => "sendTask";
}

/// <summary>A <c>receiveTask</c>: waits for a message correlated by name and key.</summary>
public sealed record ReceiveTask : Activity
{
    /// <summary>The awaited message.</summary>
    public required MessageDeclaration Message { get; init; }

    /// <summary>FEEL expression evaluated when the subscription opens (<c>psb:correlationKey</c>).</summary>
    public ExpressionText? CorrelationKey { get; init; }

    /// <inheritdoc />
    public override string ElementType => "receiveTask";
}

/// <summary>A <c>manualTask</c>: work done outside the system; the token passes through.</summary>
public sealed record ManualTask : Activity
{
    /// <inheritdoc />
    public override string ElementType => "manualTask";
}

/// <summary>A plain (abstract) BPMN <c>task</c>: the token passes through.</summary>
public sealed record PlainTask : Activity
{
    /// <inheritdoc />
    public override string ElementType => "task";
}
