using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>Boundary event hosts, and whether error end events are caught by an enclosing scope.</summary>
internal static class BoundaryRules
{
    public static void Check(FlowScope scope, IReadOnlyList<SubProcessFrame> enclosing, ProblemList problems)
    {
        foreach (var boundary in scope.Nodes.OfType<BoundaryEvent>())
        {
            CheckHost(scope, boundary, problems);
        }

        foreach (var end in scope.Nodes.OfType<EndEvent>().Where(e => e.Kind == EndEventKind.Error && e.Error is not null))
        {
            var caught = enclosing.Any(frame => frame.Parent.BoundaryEventsOf(frame.SubProcess.Id)
                .Any(b => b.Trigger is ErrorTrigger trigger && (trigger.Error is null || trigger.Error.ErrorCode == end.Error!.ErrorCode)));
            if (!caught)
            {
                problems.Warning(BpmnRules.UncaughtError, end.Id, "endEvent",
                    $"No error boundary event on an enclosing sub-process catches error '{end.Error!.ErrorCode}'; unless a calling process catches it, it raises an incident.");
            }
        }
    }

    private static void CheckHost(FlowScope scope, BoundaryEvent boundary, ProblemList problems)
    {
        var host = scope.FindNode(boundary.AttachedToRef);
        string? reason = host switch
        {
            null => $"attachedToRef '{boundary.AttachedToRef}' is not an activity of the same scope",
            not Activity => $"it is attached to {host.ElementType} '{host.Id}'; boundary events attach to activities only",
            ManualTask or PlainTask => $"it is attached to {host.ElementType} '{host.Id}', which passes its token on at once, so the event could never occur",
            UserTask or ReceiveTask when boundary.Trigger is ErrorTrigger =>
                $"nothing inside {host.ElementType} '{host.Id}' throws a BPMN error; error boundary events belong on subProcess, callActivity, serviceTask or sendTask",
            _ => null,
        };
        if (reason is not null)
        {
            problems.Error(BpmnRules.BoundaryHost, boundary.Id, "boundaryEvent", $"Unsupported host: {reason}.");
        }
    }
}
