using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// The token graph of one scope, for the structural checks. An interrupting boundary event is an
/// alternative successor of its host (the token moves there). A non-interrupting one is not: it starts
/// an extra token, so it is a separate entry point. Flows to unknown ids are left out (reported elsewhere).
/// </summary>
internal sealed class ScopeGraph
{
    private readonly Dictionary<string, List<string>> _successors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _predecessors = new(StringComparer.Ordinal);

    public ScopeGraph(FlowScope scope)
    {
        Scope = scope;
        foreach (var node in scope.Nodes)
        {
            _successors[node.Id] = [];
            _predecessors[node.Id] = [];
        }

        foreach (var flow in scope.SequenceFlows)
        {
            if (_successors.ContainsKey(flow.SourceRef) && _successors.ContainsKey(flow.TargetRef))
            {
                Link(flow.SourceRef, flow.TargetRef);
            }
        }

        foreach (var boundary in scope.Nodes.OfType<BoundaryEvent>())
        {
            if (boundary.CancelActivity && _successors.ContainsKey(boundary.AttachedToRef))
            {
                Link(boundary.AttachedToRef, boundary.Id);
            }
        }
    }

    public FlowScope Scope { get; }

    public IReadOnlyList<string> Successors(string id) => _successors[id];

    public IReadOnlyList<string> Predecessors(string id) => _predecessors[id];

    /// <summary>
    /// The nodes reachable from <paramref name="starts"/> (included), never expanding <paramref name="stop"/>;
    /// ids that are not nodes of the scope are skipped.
    /// </summary>
    public HashSet<string> Reachable(IEnumerable<string> starts, string? stop = null, bool backwards = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(starts);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!_successors.ContainsKey(id) || !seen.Add(id) || id == stop)
            {
                continue;
            }

            foreach (var next in backwards ? _predecessors[id] : _successors[id])
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    private void Link(string from, string to)
    {
        _successors[from].Add(to);
        _predecessors[to].Add(from);
    }
}
