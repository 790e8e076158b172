namespace PublicServicesBpm.Engine.Definitions;

/// <summary>A <c>message</c> declared at definitions level; correlation uses its name.</summary>
/// <param name="Id">The element id referenced by <c>messageRef</c>.</param>
/// <param name="Name">The message name used for correlation.</param>
public sealed record MessageDeclaration(string Id, string Name);

/// <summary>An <c>error</c> declared at definitions level; catching matches its error code.</summary>
/// <param name="Id">The element id referenced by <c>errorRef</c>.</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="ErrorCode">The code handlers and error end events throw.</param>
public sealed record ErrorDeclaration(string Id, string? Name, string ErrorCode);

/// <summary>A lane: a display grouping of nodes that may give user tasks default candidate groups.</summary>
/// <param name="Id">The lane id.</param>
/// <param name="Name">The lane name, if any.</param>
/// <param name="CandidateGroups">Default candidate groups for user tasks in the lane (<c>psb:candidateGroups</c>).</param>
/// <param name="FlowNodeIds">The ids listed in its <c>flowNodeRef</c> elements.</param>
/// <param name="ParentLaneId">The enclosing lane for a nested lane, if any.</param>
public sealed record Lane(
    string Id,
    string? Name,
    CandidateGroups? CandidateGroups,
    IReadOnlyList<string> FlowNodeIds,
    string? ParentLaneId);
