namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// A node of a process graph (event, activity or gateway) in the executable model. Nodes are immutable;
/// their incoming and outgoing sequence flows are looked up on the <see cref="FlowScope"/> that owns them.
/// </summary>
public abstract record FlowNode
{
    /// <summary>The BPMN element id, unique within the document.</summary>
    public required string Id { get; init; }

    /// <summary>The display name (<c>name</c> attribute), if any.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The dossier status code (1..10) to set when a token enters the node (<c>psb:dossierStatus</c>);
    /// <see langword="null"/> leaves the status unchanged.
    /// </summary>
    public int? DossierStatus { get; init; }

    /// <summary>The BPMN element local name, e.g. <c>userTask</c>; used in problems and history.</summary>
    public abstract string ElementType { get; }
}

/// <summary>
/// Stands in for an element the engine does not support, so that graph checks do not report follow-up
/// problems (e.g. "missing node") for it. A document that contains one never passes validation.
/// </summary>
public sealed record UnsupportedNode : FlowNode
{
    /// <summary>The local name of the unsupported BPMN element.</summary>
    public required string OriginalType { get; init; }

    /// <inheritdoc />
    public override string ElementType => OriginalType;
}
