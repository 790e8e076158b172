namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// One BPMN <c>process</c> in executable form. Its <see cref="Key"/> (the process id) is the procedure
/// key that versions, call activities and instances refer to.
/// </summary>
/// <param name="Key">The process id, used as the procedure key.</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="IsExecutable">
/// The <c>isExecutable</c> attribute. Non-executable processes (e.g. a documentary pool) are parsed
/// leniently and never run.
/// </param>
/// <param name="Scope">The top-level nodes and flows.</param>
/// <param name="Lanes">The lanes, outer before inner, in document order.</param>
public sealed record ProcessDefinition(
    string Key,
    string? Name,
    bool IsExecutable,
    FlowScope Scope,
    IReadOnlyList<Lane> Lanes)
{
    /// <summary>Finds a node by id in the process or any nested sub-process.</summary>
    public FlowNode? FindNode(string id) => FindScopeOf(id)?.FindNode(id);

    /// <summary>
    /// Finds the scope that directly contains a node: the process scope or a sub-process scope;
    /// <see langword="null"/> for an unknown id.
    /// </summary>
    public FlowScope? FindScopeOf(string nodeId) => FindScopeOf(Scope, nodeId);

    private static FlowScope? FindScopeOf(FlowScope scope, string nodeId)
    {
        if (scope.FindNode(nodeId) is not null)
        {
            return scope;
        }

        return scope.Nodes.OfType<SubProcess>().Select(s => FindScopeOf(s.Scope, nodeId)).FirstOrDefault(s => s is not null);
    }
}
