using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Every node is reachable from the start event and can reach an end event. Dead ends (no outgoing flow)
/// are reported once, at the dead end, rather than at every node leading to it.
/// </summary>
internal static class ReachabilityRules
{
    public static void Check(ScopeGraph graph, ProblemList problems)
    {
        var scope = graph.Scope;
        CheckReachable(graph, problems);

        var deadEnds = new List<string>();
        foreach (var node in scope.Nodes.Where(n => n is not EndEvent && scope.Outgoing(n.Id).Count == 0))
        {
            deadEnds.Add(node.Id);
            if (node is UnsupportedNode)
            {
                continue; // already reported as unsupported
            }

            problems.Error(BpmnRules.NoPathToEnd, node.Id, node.ElementType,
                "Has no outgoing sequence flow; only end events may end a path (implicit ends are not supported).");
        }

        var ends = scope.Nodes.OfType<EndEvent>().Select(e => e.Id).Concat(deadEnds);
        var canFinish = graph.Reachable(ends, backwards: true);
        foreach (var node in scope.Nodes.Where(n => n is not UnsupportedNode && !canFinish.Contains(n.Id)))
        {
            problems.Error(BpmnRules.NoPathToEnd, node.Id, node.ElementType,
                "No path from here reaches an end event; tokens would circle or wait here forever.");
        }
    }

    private static void CheckReachable(ScopeGraph graph, ProblemList problems)
    {
        var scope = graph.Scope;
        foreach (var node in scope.Nodes.Where(n => n is not (StartEvent or BoundaryEvent or UnsupportedNode) && scope.Incoming(n.Id).Count == 0))
        {
            problems.Error(BpmnRules.Unreachable, node.Id, node.ElementType,
                "Has no incoming sequence flow, so no token can ever reach it.");
        }

        if (scope.StartEvent is not { } start)
        {
            return;
        }

        // Placeholders for unsupported elements count as reached, so what follows them is not reported twice.
        // Non-interrupting boundary events start extra tokens once their host is reached.
        var reached = graph.Reachable([start.Id, .. scope.Nodes.OfType<UnsupportedNode>().Select(n => n.Id)]);
        while (true)
        {
            var extra = scope.Nodes.OfType<BoundaryEvent>()
                .Where(b => !b.CancelActivity && reached.Contains(b.AttachedToRef) && !reached.Contains(b.Id))
                .Select(b => b.Id)
                .ToList();
            if (extra.Count == 0)
            {
                break;
            }

            reached.UnionWith(graph.Reachable(extra));
        }

        foreach (var node in scope.Nodes.Where(n => n is not UnsupportedNode && !reached.Contains(n.Id) && scope.Incoming(n.Id).Count > 0))
        {
            problems.Error(BpmnRules.Unreachable, node.Id, node.ElementType,
                $"Cannot be reached from start event '{start.Id}'.");
        }
    }
}
