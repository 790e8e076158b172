using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Start event count, flow references and directions, implicit splits.</summary>
internal static class StructureRules
{
    public static void Check(FlowScope scope, string scopeType, ProblemList problems)
    {
        var starts = scope.Nodes.OfType<StartEvent>().Count();
        if (starts != 1)
        {
            problems.Error(BpmnRules.StartEventCount, scope.Id, scopeType,
                $"Has {starts} none start events; a {scopeType} needs exactly one.");
        }

        foreach (var flow in scope.SequenceFlows)
        {
            CheckEnd(scope, scopeType, flow, flow.SourceRef, "sourceRef", problems);
            CheckEnd(scope, scopeType, flow, flow.TargetRef, "targetRef", problems);
            if (scope.FindNode(flow.TargetRef) is StartEvent or BoundaryEvent)
            {
                problems.Error(BpmnRules.FlowDirection, flow.Id, "sequenceFlow",
                    $"Enters '{flow.TargetRef}', but start and boundary events cannot have incoming flows.");
            }

            if (scope.FindNode(flow.SourceRef) is EndEvent)
            {
                problems.Error(BpmnRules.FlowDirection, flow.Id, "sequenceFlow",
                    $"Leaves end event '{flow.SourceRef}', but end events cannot have outgoing flows.");
            }
        }

        foreach (var node in scope.Nodes.Where(n => n is not (ExclusiveGateway or ParallelGateway or EventBasedGateway or UnsupportedNode)))
        {
            var outgoing = scope.Outgoing(node.Id);
            if (outgoing.Count > 1)
            {
                problems.Error(BpmnRules.ImplicitSplit, node.Id, node.ElementType,
                    $"Has {outgoing.Count} outgoing flows ({string.Join(", ", outgoing.Select(f => f.Id))}); split with an exclusive or parallel gateway instead.");
            }
        }
    }

    private static void CheckEnd(FlowScope scope, string scopeType, SequenceFlow flow, string nodeId, string attribute, ProblemList problems)
    {
        if (scope.FindNode(nodeId) is null)
        {
            problems.Error(BpmnRules.FlowReference, flow.Id, "sequenceFlow",
                $"{attribute} '{nodeId}' is not a flow node of this {scopeType} ('{scope.Id}'); flows cannot cross scope borders or point to missing elements.");
        }
    }
}
