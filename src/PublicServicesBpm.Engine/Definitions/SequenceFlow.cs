namespace PublicServicesBpm.Engine.Definitions;

/// <summary>A <c>sequenceFlow</c> between two nodes of the same scope.</summary>
/// <param name="Id">The flow id.</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="SourceRef">The id of the source node.</param>
/// <param name="TargetRef">The id of the target node.</param>
/// <param name="Condition">The FEEL condition (<c>conditionExpression</c>), if any.</param>
public sealed record SequenceFlow(
    string Id,
    string? Name,
    string SourceRef,
    string TargetRef,
    ExpressionText? Condition);
