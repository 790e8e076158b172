using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>What happens when a timer fires or a message arrives: catch events, event-based races and boundary events.</summary>
internal sealed partial class InstanceRun
{
    /// <summary>A timer or message wait occurred. The wait itself is consumed (no cancel effect for it).</summary>
    private void Trigger(WaitState wait)
    {
        _waits.Remove(wait);
        var token = Token(wait.TokenId);
        var node = Node(wait.ElementId);
        if (node is BoundaryEvent boundary)
        {
            TriggerBoundary(token, boundary, wait);
            return;
        }

        if (token.Wait == TokenWait.EventGateway)
        {
            // The race is won: the other events' timers and subscriptions are cancelled in the same result.
            CloseWaitsOf(token.Id);
            var gateway = Node(token.ElementId);
            Emit(new ElementLeft(gateway.Id, gateway.ElementType, token.Id, Now));
            var flow = ScopeOf(gateway.Id).Outgoing(gateway.Id).First(f => f.TargetRef == node.Id);
            token = token with { ElementId = node.Id, ArrivedVia = flow.Id };
            SetToken(token);
            Emit(new ElementEntered(node.Id, node.ElementType, token.Id, Now));
            EmitDossierStatus(node);
        }

        CompleteNode(token);
    }

    private void TriggerBoundary(TokenState host, BoundaryEvent boundary, WaitState wait)
    {
        if (boundary.CancelActivity)
        {
            Interrupt(host, boundary);
            return;
        }

        // Non-interrupting: the host stays; a cycle timer schedules its next firing.
        if (boundary.Trigger is TimerTrigger timer && wait.CycleRepetitions is { } repetitions && repetitions != 0
            && IsoDuration.TryParse(wait.CycleInterval, out var interval))
        {
            var next = new TimerPlan(wait.DueAt!.Value, repetitions, interval).Next(timer.Calendar, _env.Calendar);
            ScheduleTimer(host.Id, boundary.Id, next.DueAt, next);
        }

        var token = new TokenState(NextId("token"), boundary.Id, host.ScopeId, host.Wait);
        SetToken(token);
        Emit(new ElementEntered(boundary.Id, boundary.ElementType, token.Id, Now));
        EmitDossierStatus(boundary);
        TakeFlows(token, ScopeOf(boundary.Id).Outgoing(boundary.Id));
    }
}
