using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>Moving tokens: the agenda, entering nodes, leaving them over sequence flows, and gateways.</summary>
internal sealed partial class InstanceRun
{
    // Tokens that arrived at a node and still have to execute it, in arrival order (FIFO keeps runs deterministic).
    private readonly Queue<string> _agenda = new();
    private int _steps;

    /// <summary>Executes scheduled tokens until each waits or is consumed, or the step limit is reached.</summary>
    public void RunToWaitStates()
    {
        while (_agenda.TryDequeue(out var id))
        {
            if (FindToken(id) is not { } token)
            {
                continue; // consumed meanwhile, e.g. by a terminate end event
            }

            if (++_steps > _env.StepLimit)
            {
                RaiseIncident(token, IncidentKind.StepLimit,
                    $"More than {_env.StepLimit} flow nodes were executed in one command without reaching a wait state; the process probably loops without waiting. Fix the data or the model, then retry.");
                continue;
            }

            Execute(token, entering: true);
        }
    }

    private void Schedule(TokenState token)
    {
        SetToken(token);
        _agenda.Enqueue(token.Id);
    }

    /// <summary>Runs a node's behaviour; any failure due to the instance's data becomes an incident.</summary>
    private void Execute(TokenState token, bool entering)
    {
        var node = Node(token.ElementId);
        var inner = IsInnerInstance(token, node);
        if (entering)
        {
            Emit(new ElementEntered(node.Id, node.ElementType, token.Id, Now));
            if (!inner)
            {
                EmitDossierStatus(node);
            }
        }

        try
        {
            Behave(token, node, inner);
        }
        catch (Exception exception) when (exception is ElementFailureException or FeelException or FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            // Half-opened waits (e.g. a boundary timer before a failing assignee) are closed; a retry opens them again.
            CloseWaitsOf(token.Id);
            RaiseIncident(FindToken(token.Id) ?? token, IncidentKind.ElementFailure, $"{node.ElementType} '{node.Id}': {exception.Message}");
        }
    }

    private void EmitDossierStatus(FlowNode node)
    {
        if (node.DossierStatus is { } code)
        {
            Emit(new DossierStatusChanged(code, node.Id, Now));
        }
    }

    private void Behave(TokenState token, FlowNode node, bool inner)
    {
        if (node is Activity activity && !inner)
        {
            OpenBoundaryEvents(token, activity);
            if (activity.MultiInstance is { } multi)
            {
                StartMultiInstance(token, activity, multi);
                return;
            }
        }

        switch (node)
        {
            case StartEvent or ManualTask or PlainTask or BoundaryEvent:
                CompleteNode(token);
                break;
            case EndEvent end:
                End(token, end);
                break;
            case UserTask task:
                CreateUserTask(token, task);
                break;
            case JobActivity job:
                ScheduleJob(token, job, job.Retries, existingId: null, Now);
                break;
            case ReceiveTask receive:
                OpenSubscription(token, receive.Id, receive.Message, receive.CorrelationKey);
                Park(token, TokenWait.Message);
                break;
            case SubProcess sub:
                StartSubProcess(token, sub);
                break;
            case CallActivity call:
                RequestCall(token, call);
                break;
            case ExclusiveGateway gateway:
                TakeFlows(token, [ChooseFlow(token, gateway)]);
                break;
            case ParallelGateway:
                JoinOrFork(token);
                break;
            case EventBasedGateway gateway:
                OpenRace(token, gateway);
                break;
            case IntermediateCatchEvent catchEvent:
                OpenTrigger(token, catchEvent.Id, catchEvent.Trigger, nonInterruptingBoundary: false);
                Park(token, catchEvent.Trigger is TimerTrigger ? TokenWait.Timer : TokenWait.Message);
                break;
            default:
                throw new ElementFailureException($"The engine cannot execute a {node.ElementType}.");
        }
    }

    /// <summary>The node is done: close its waits, then end the inner instance or leave over the outgoing flows.</summary>
    private void CompleteNode(TokenState token)
    {
        CloseWaitsOf(token.Id);
        var node = Node(token.ElementId);
        var scope = Scope(token.ScopeId);
        if (IsInnerInstance(token, node))
        {
            Emit(new ElementLeft(node.Id, node.ElementType, token.Id, Now));
            _tokens.RemoveAll(t => t.Id == token.Id);
            CompleteInnerInstance(scope);
            return;
        }

        TakeFlows(token, ScopeOf(node.Id).Outgoing(node.Id));
    }

    /// <summary>Leaves the node over the given flows: the token takes the first, new tokens the others.</summary>
    private void TakeFlows(TokenState token, IReadOnlyList<SequenceFlow> flows)
    {
        var node = Node(token.ElementId);
        Emit(new ElementLeft(node.Id, node.ElementType, token.Id, Now));
        if (flows.Count == 0)
        {
            // The validator forbids implicit ends; a stale model must still not leave a token nowhere.
            _tokens.RemoveAll(t => t.Id == token.Id);
            CompleteScopeIfEmpty(token.ScopeId, terminated: false);
            return;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            var id = i == 0 ? token.Id : NextId("token");
            Schedule(new TokenState(id, flows[i].TargetRef, token.ScopeId, token.Wait, flows[i].Id));
        }
    }

    private SequenceFlow ChooseFlow(TokenState token, ExclusiveGateway gateway)
    {
        var outgoing = ScopeOf(gateway.Id).Outgoing(gateway.Id);
        foreach (var flow in outgoing)
        {
            if (flow.Id == gateway.DefaultFlowId)
            {
                continue;
            }

            // A flow without condition only occurs on a merging gateway with one way out: it is always taken.
            if (flow.Condition is null || Evaluate(flow.Condition, token.ScopeId).IsTrue)
            {
                return flow;
            }
        }

        return outgoing.FirstOrDefault(f => f.Id == gateway.DefaultFlowId)
            ?? throw new ElementFailureException("No outgoing condition is true and there is no default flow. Correct the variables and retry the incident.");
    }

    /// <summary>
    /// A join fires when every incoming flow has a waiting token: it consumes the earliest token of each flow
    /// and the arriving token goes on. A second token on a flow waits for the next round.
    /// </summary>
    private void JoinOrFork(TokenState token)
    {
        var scope = ScopeOf(token.ElementId);
        var incoming = scope.Incoming(token.ElementId);
        if (incoming.Count > 1)
        {
            var waiting = _tokens.Where(t => t.ScopeId == token.ScopeId && t.ElementId == token.ElementId && t.Wait == TokenWait.Join && t.Id != token.Id).ToList();
            var partners = new List<TokenState>();
            foreach (var flow in incoming.Where(f => f.Id != token.ArrivedVia))
            {
                if (waiting.Find(t => t.ArrivedVia == flow.Id) is not { } partner)
                {
                    // Waiters are kept in arrival order (moved to the end), so "earliest" is the list order.
                    _tokens.RemoveAll(t => t.Id == token.Id);
                    _tokens.Add(token with { Wait = TokenWait.Join });
                    return;
                }

                partners.Add(partner);
            }

            foreach (var partner in partners)
            {
                _tokens.RemoveAll(t => t.Id == partner.Id);
                Emit(new ElementLeft(partner.ElementId, "parallelGateway", partner.Id, Now));
            }
        }

        TakeFlows(token, scope.Outgoing(token.ElementId));
    }

    private bool IsInnerInstance(TokenState token, FlowNode node) =>
        _scopes.Find(s => s.Id == token.ScopeId) is { Kind: ScopeKind.MultiInstanceInner } scope && scope.ElementId == node.Id;
}
