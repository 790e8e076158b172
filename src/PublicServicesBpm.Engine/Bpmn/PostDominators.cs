using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Post-dominator sets of a scope graph: d post-dominates n when every path from n to the end of the
/// scope passes d. Terminate and error end events abort the scope, so paths into them are ignored: a
/// branch that aborts need not reach the join. Dead ends count as normal ends (reported elsewhere).
/// </summary>
internal sealed class PostDominators
{
    /// <summary>The virtual node every normal end flows into.</summary>
    public const string Exit = "\u0000exit";

    // null stands for "every node" (the lattice top): the node only leads to aborts or never ends.
    private readonly Dictionary<string, HashSet<string>?> _sets = new(StringComparer.Ordinal);

    private readonly bool _terminateIsExit;

    /// <param name="graph">The scope.</param>
    /// <param name="terminateIsExit">
    /// Count terminate end events as normal ends (error ends still abort): for a scope in which every path ends in a
    /// terminate end, where ignoring aborts would leave nothing to post-dominate.
    /// </param>
    public PostDominators(ScopeGraph graph, bool terminateIsExit = false)
    {
        _terminateIsExit = terminateIsExit;
        var nodes = graph.Scope.Nodes;
        foreach (var node in nodes)
        {
            _sets[node.Id] = null;
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var node in nodes.Reverse())
            {
                var next = Compute(graph, node);
                if (!SameSet(next, _sets[node.Id]))
                {
                    _sets[node.Id] = next;
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// The nearest post-dominator other than the node itself, <see cref="Exit"/>, or null when the node
    /// only leads to aborts (or never ends).
    /// </summary>
    public string? Immediate(string id)
    {
        var set = _sets[id];
        if (set is null)
        {
            return null;
        }

        // Post-dominators form a chain, so the nearest one is the one with the largest set of its own.
        return set.Where(d => d != id)
            .OrderByDescending(d => d == Exit ? 1 : _sets[d]?.Count ?? int.MaxValue)
            .FirstOrDefault();
    }

    private HashSet<string>? Compute(ScopeGraph graph, FlowNode node)
    {
        if (node is EndEvent { Kind: EndEventKind.Error } || node is EndEvent { Kind: EndEventKind.Terminate } && !_terminateIsExit)
        {
            return null;
        }

        var successors = graph.Successors(node.Id);
        HashSet<string>? result;
        if (node is EndEvent || successors.Count == 0)
        {
            result = [Exit];
        }
        else
        {
            result = null;
            foreach (var successor in successors)
            {
                var set = _sets[successor];
                if (set is null)
                {
                    continue;
                }

                if (result is null)
                {
                    result = new HashSet<string>(set, StringComparer.Ordinal);
                }
                else
                {
                    result.IntersectWith(set);
                }
            }
        }

        result?.Add(node.Id);
        return result;
    }

    private static bool SameSet(HashSet<string>? a, HashSet<string>? b) =>
        a is null ? b is null : b is not null && a.SetEquals(b);
}
