namespace PublicServicesBpm.Engine.Definitions;

/// <summary>A none <c>startEvent</c>: where a scope's single initial token is created.</summary>
public sealed record StartEvent : FlowNode
{
    /// <summary>The start form key (<c>psb:formKey</c>), if any.</summary>
    public string? FormKey { get; init; }

    /// <summary>Which version of the form to use (<c>psb:formBinding</c>, default deployment).</summary>
    public FormBinding FormBinding { get; init; } = FormBinding.Deployment;

    /// <inheritdoc />
    public override string ElementType => "startEvent";
}

/// <summary>An <c>endEvent</c>: consumes the token; terminate and error ends affect the whole scope.</summary>
public sealed record EndEvent : FlowNode
{
    /// <summary>What the end event does beyond consuming the token.</summary>
    public EndEventKind Kind { get; init; } = EndEventKind.None;

    /// <summary>The thrown error when <see cref="Kind"/> is <see cref="EndEventKind.Error"/>.</summary>
    public ErrorDeclaration? Error { get; init; }

    /// <inheritdoc />
    public override string ElementType => "endEvent";
}

/// <summary>The kinds of end event in the supported subset.</summary>
public enum EndEventKind
{
    /// <summary>Consumes the token only.</summary>
    None,

    /// <summary>Ends the enclosing scope (the whole instance at process level).</summary>
    Terminate,

    /// <summary>Throws a BPMN error caught by an error boundary event on an enclosing scope.</summary>
    Error,
}

/// <summary>An <c>intermediateCatchEvent</c>: waits for a timer or a message.</summary>
public sealed record IntermediateCatchEvent : FlowNode
{
    /// <summary>What the event waits for: a <see cref="TimerTrigger"/> or a <see cref="MessageTrigger"/>.</summary>
    public required EventTrigger Trigger { get; init; }

    /// <inheritdoc />
    public override string ElementType => "intermediateCatchEvent";
}

/// <summary>A <c>boundaryEvent</c> attached to an activity.</summary>
public sealed record BoundaryEvent : FlowNode
{
    /// <summary>The id of the host activity (<c>attachedToRef</c>), in the same scope.</summary>
    public required string AttachedToRef { get; init; }

    /// <summary>True (the default): the host is interrupted; false: a new token starts alongside it.</summary>
    public bool CancelActivity { get; init; } = true;

    /// <summary>What the event reacts to: timer, message or error.</summary>
    public required EventTrigger Trigger { get; init; }

    /// <inheritdoc />
    public override string ElementType => "boundaryEvent";
}
