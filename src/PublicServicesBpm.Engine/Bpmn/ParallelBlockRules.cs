using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Parallel blocks must be properly nested: each fork's branches meet at one join (its nearest
/// post-dominator), the block is entered only through the fork, and each branch arrives at the join on
/// exactly one flow. Loops through exclusive gateways inside a branch, or around the whole block, are
/// fine. Joins that close no fork are refused: the tokens they wait for may never all come.
/// </summary>
internal static class ParallelBlockRules
{
    public static void Check(ScopeGraph graph, ProblemList problems)
    {
        var scope = graph.Scope;
        var gateways = scope.Nodes.OfType<ParallelGateway>().ToList();
        if (gateways.Count == 0)
        {
            return;
        }

        var postDominators = new PostDominators(graph);
        var terminateAsEnd = new Lazy<PostDominators>(() => new PostDominators(graph, terminateIsExit: true));
        var closedJoins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gateway in gateways)
        {
            var incoming = scope.Incoming(gateway.Id).Count;
            var outgoing = scope.Outgoing(gateway.Id).Count;
            if (incoming > 1 && outgoing > 1)
            {
                problems.Error(BpmnRules.ParallelBlock, gateway.Id, "parallelGateway",
                    $"Both joins ({incoming} incoming) and forks ({outgoing} outgoing); use one gateway to join and another to fork.");
            }
            else if (outgoing > 1)
            {
                CheckFork(graph, gateway, postDominators, terminateAsEnd, closedJoins, problems);
            }
        }

        foreach (var join in gateways.Where(g => scope.Incoming(g.Id).Count > 1 && scope.Outgoing(g.Id).Count <= 1 && !closedJoins.Contains(g.Id)))
        {
            problems.Error(BpmnRules.ParallelBlock, join.Id, "parallelGateway",
                "This parallel join closes no parallel fork; it waits for a token on every incoming flow, which alternative paths never all deliver.");
        }
    }

    private static void CheckFork(
        ScopeGraph graph, ParallelGateway fork, PostDominators postDominators, Lazy<PostDominators> terminateAsEnd, HashSet<string> closedJoins, ProblemList problems)
    {
        var scope = graph.Scope;
        var joinId = postDominators.Immediate(fork.Id);
        if (joinId is null)
        {
            // Every path from the fork aborts. When the branches meet at a join and only then reach terminate end
            // events, the join does close this fork (terminate is how such a process ends); otherwise nothing to check
            // here: a scope that never ends is reported by other rules.
            joinId = terminateAsEnd.Value.Immediate(fork.Id);
            if (joinId is null || scope.FindNode(joinId) is not ParallelGateway || scope.Incoming(joinId).Count < 2)
            {
                return;
            }
        }

        var join = scope.FindNode(joinId);
        if (join is not ParallelGateway || scope.Incoming(joinId).Count < 2)
        {
            var where = join is null ? "a branch ends before they meet" : $"they first meet at {join.ElementType} '{join.Id}'";
            problems.Error(BpmnRules.ParallelBlock, fork.Id, "parallelGateway",
                $"The branches of this parallel fork do not meet at one parallel join ({where}).");
            return;
        }

        closedJoins.Add(joinId);
        var region = graph.Reachable(graph.Successors(fork.Id), stop: joinId);
        region.Remove(joinId);
        if (region.Contains(fork.Id))
        {
            problems.Error(BpmnRules.ParallelBlock, fork.Id, "parallelGateway",
                $"A branch loops back to the fork without passing its join '{joinId}'.");
            return;
        }

        foreach (var node in region.Append(joinId))
        {
            foreach (var predecessor in graph.Predecessors(node).Where(p => p != fork.Id && !region.Contains(p)))
            {
                problems.Error(BpmnRules.ParallelBlock, fork.Id, "parallelGateway",
                    $"'{node}' inside the block from this fork to join '{joinId}' is also entered from '{predecessor}' outside it; blocks must be entered through their fork.");
            }
        }

        CheckBranchArrivals(graph, fork, joinId, region, problems);
    }

    // Each branch must deliver its token on its own incoming flow of the join, exactly once.
    private static void CheckBranchArrivals(ScopeGraph graph, ParallelGateway fork, string joinId, HashSet<string> region, ProblemList problems)
    {
        var scope = graph.Scope;
        var joinFlows = scope.Incoming(joinId);
        var claimedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var branch in scope.Outgoing(fork.Id))
        {
            var reached = branch.TargetRef == joinId ? [] : graph.Reachable([branch.TargetRef], stop: joinId);
            var arrivals = joinFlows
                .Where(f => f.Id == branch.Id || (reached.Contains(f.SourceRef) && region.Contains(f.SourceRef)))
                .ToList();
            if (arrivals.Count > 1)
            {
                problems.Error(BpmnRules.ParallelBlock, fork.Id, "parallelGateway",
                    $"Branch '{branch.Id}' reaches join '{joinId}' on {arrivals.Count} flows ({string.Join(", ", arrivals.Select(f => f.Id))}); merge its alternative paths with an exclusive gateway before the join.");
            }

            foreach (var arrival in arrivals)
            {
                if (claimedBy.TryGetValue(arrival.Id, out var other))
                {
                    problems.Error(BpmnRules.ParallelBlock, fork.Id, "parallelGateway",
                        $"Branches '{other}' and '{branch.Id}' share the flow '{arrival.Id}' into join '{joinId}'; each branch needs its own.");
                }
                else
                {
                    claimedBy[arrival.Id] = branch.Id;
                }
            }
        }
    }
}
