using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Conditions and default flows of exclusive gateways; targets of event-based gateways.</summary>
internal static class GatewayRules
{
    public static void Check(FlowScope scope, ProblemList problems)
    {
        foreach (var flow in scope.SequenceFlows.Where(f => f.Condition is not null))
        {
            if (scope.FindNode(flow.SourceRef) is { } source and not (ExclusiveGateway or UnsupportedNode))
            {
                problems.Error(BpmnRules.Condition, flow.Id, "sequenceFlow",
                    $"Has a condition but leaves {source.ElementType} '{source.Id}'; conditions are only evaluated on flows leaving an exclusive gateway.");
            }
        }

        foreach (var gateway in scope.Nodes.OfType<ExclusiveGateway>())
        {
            CheckExclusive(scope, gateway, problems);
        }

        foreach (var gateway in scope.Nodes.OfType<EventBasedGateway>())
        {
            CheckEventBased(scope, gateway, problems);
        }
    }

    private static void CheckExclusive(FlowScope scope, ExclusiveGateway gateway, ProblemList problems)
    {
        var outgoing = scope.Outgoing(gateway.Id);
        if (gateway.DefaultFlowId is { Length: > 0 } defaultId && outgoing.All(f => f.Id != defaultId))
        {
            problems.Error(BpmnRules.Condition, gateway.Id, "exclusiveGateway",
                $"The default flow '{defaultId}' does not leave this gateway.");
        }

        foreach (var flow in outgoing)
        {
            var isDefault = flow.Id == gateway.DefaultFlowId;
            if (isDefault && flow.Condition is not null)
            {
                problems.Warning(BpmnRules.Condition, flow.Id, "sequenceFlow",
                    $"Is the default flow of '{gateway.Id}', so its condition is never evaluated.");
            }
            else if (!isDefault && flow.Condition is null && outgoing.Count > 1)
            {
                problems.Error(BpmnRules.Condition, flow.Id, "sequenceFlow",
                    $"Leaves exclusive gateway '{gateway.Id}' without a condition and is not its default flow.");
            }
        }
    }

    private static void CheckEventBased(FlowScope scope, EventBasedGateway gateway, ProblemList problems)
    {
        var outgoing = scope.Outgoing(gateway.Id);
        if (outgoing.Count < 2)
        {
            problems.Error(BpmnRules.EventGateway, gateway.Id, "eventBasedGateway",
                $"Has {outgoing.Count} outgoing flows; an event-based gateway races at least two events.");
        }

        foreach (var flow in outgoing)
        {
            var target = scope.FindNode(flow.TargetRef);
            if (target is null)
            {
                continue;
            }

            var isCatch = target is ReceiveTask or IntermediateCatchEvent { Trigger: TimerTrigger or MessageTrigger };
            if (!isCatch)
            {
                problems.Error(BpmnRules.EventGateway, gateway.Id, "eventBasedGateway",
                    $"Target {target.ElementType} '{target.Id}' is not a message or timer intermediate catch event or a receive task.");
            }
            else if (scope.Incoming(target.Id).Count > 1)
            {
                problems.Error(BpmnRules.EventGateway, target.Id, target.ElementType,
                    $"Follows event-based gateway '{gateway.Id}' and so must have no other incoming flow.");
            }
        }
    }
}
