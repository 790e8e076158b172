using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Feel;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>Scopes: sub-processes, multi-instance bodies, end events, errors and cancellation.</summary>
internal sealed partial class InstanceRun
{
    /// <summary>The local variable holding an inner instance's position, from 1 (as in Camunda 8).</summary>
    public const string LoopCounterVariable = "loopCounter";

    private void StartSubProcess(TokenState token, SubProcess sub)
    {
        var start = sub.Scope.StartEvent ?? throw new ElementFailureException("The sub-process has no single none start event.");
        var scope = new ScopeState(NextId("scope"), ScopeKind.SubProcess, sub.Id, token.ScopeId, token.Id);
        SetScope(scope);
        Park(token, TokenWait.SubProcess);
        Schedule(new TokenState(NextId("token"), start.Id, scope.Id, TokenWait.SubProcess));
    }

    private void StartMultiInstance(TokenState token, Activity activity, MultiInstance multi)
    {
        var items = Evaluate(multi.Collection, token.ScopeId).ToJsonNode() as JsonArray
            ?? throw new ElementFailureException($"The multi-instance collection '{multi.Collection.Raw}' is not a list.");
        Park(token, TokenWait.MultiInstance);
        var body = new ScopeState(NextId("scope"), ScopeKind.MultiInstanceBody, activity.Id, token.ScopeId, token.Id) { Collection = items };
        SetScope(body);
        if (items.Count == 0)
        {
            _scopes.RemoveAll(s => s.Id == body.Id);
            CompleteNode(Token(token.Id));
            return;
        }

        var count = multi.IsSequential ? 1 : items.Count;
        for (var i = 0; i < count; i++)
        {
            StartInnerInstance(body.Id, multi);
        }
    }

    private void StartInnerInstance(string bodyId, MultiInstance multi)
    {
        var body = Scope(bodyId);
        var index = body.NextIndex;
        var locals = new JsonObject { [LoopCounterVariable] = index + 1 };
        if (multi.ElementVariable is { } name)
        {
            locals[name] = body.Collection![index]?.DeepClone();
        }

        SetScope(body with { NextIndex = index + 1 });
        var inner = new ScopeState(NextId("scope"), ScopeKind.MultiInstanceInner, body.ElementId, body.Id, null) { Variables = locals };
        SetScope(inner);
        Schedule(new TokenState(NextId("token"), body.ElementId, inner.Id, TokenWait.MultiInstance));
    }

    /// <summary>
    /// An inner instance finished: the body completes when the completion condition holds (remaining inner
    /// instances are cancelled) or every item is done; a sequential body starts the next item otherwise.
    /// </summary>
    private void CompleteInnerInstance(ScopeState inner)
    {
        var parent = Scope(inner.ParentId!);
        var body = parent with { CompletedCount = parent.CompletedCount + 1 };
        SetScope(body);
        var multi = ((Activity)Node(body.ElementId)).MultiInstance!;
        var total = body.Collection!.Count;
        var active = _scopes.Count(s => s.ParentId == body.Id) - 1;
        var done = body.CompletedCount >= total;
        if (!done && multi.CompletionCondition is { } condition)
        {
            var counts = new JsonObject
            {
                ["nrOfInstances"] = total,
                ["nrOfCompletedInstances"] = body.CompletedCount,
                ["nrOfActiveInstances"] = active,
            };
            done = ConditionHolds(condition, inner.Id, counts);
        }

        _scopes.RemoveAll(s => s.Id == inner.Id);
        if (done)
        {
            foreach (var other in _scopes.Where(s => s.ParentId == body.Id).ToList())
            {
                CancelScope(other);
            }

            _scopes.RemoveAll(s => s.Id == body.Id);
            CompleteNode(Token(body.OwnerTokenId!));
        }
        else if (multi.IsSequential && body.NextIndex < total)
        {
            StartInnerInstance(body.Id, multi);
        }
    }

    // Evaluated while a command completes an inner instance, outside any node execution that could park a
    // token on an incident; so an expression that cannot even be evaluated counts as false, like FEEL's null.
    private bool ConditionHolds(ExpressionText condition, string scopeId, JsonObject extra)
    {
        try
        {
            return Evaluate(condition, scopeId, extra).IsTrue;
        }
        catch (FeelException)
        {
            return false;
        }
    }

    private void End(TokenState token, EndEvent end)
    {
        switch (end.Kind)
        {
            case EndEventKind.Terminate:
                Emit(new ElementLeft(end.Id, end.ElementType, token.Id, Now));
                _tokens.RemoveAll(t => t.Id == token.Id);
                foreach (var other in _tokens.Where(t => t.ScopeId == token.ScopeId).ToList())
                {
                    CancelToken(other);
                }

                CompleteScopeIfEmpty(token.ScopeId, terminated: true);
                break;
            case EndEventKind.Error:
                ThrowError(token, end.Error?.ErrorCode ?? string.Empty);
                break;
            default:
                Emit(new ElementLeft(end.Id, end.ElementType, token.Id, Now));
                _tokens.RemoveAll(t => t.Id == token.Id);
                CompleteScopeIfEmpty(token.ScopeId, terminated: false);
                break;
        }
    }

    /// <summary>A scope with no token left is complete: the process ends, or the waiting owner token moves on.</summary>
    private void CompleteScopeIfEmpty(string scopeId, bool terminated)
    {
        if (_tokens.Exists(t => t.ScopeId == scopeId) || _scopes.Find(s => s.Id == scopeId) is not { } scope)
        {
            return;
        }

        _scopes.Remove(scope);
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                Status = terminated ? InstanceStatus.Terminated : InstanceStatus.Completed;
                Emit(new ElementLeft(_definition.Key, "process", InstanceId, Now));
                Emit(new InstanceEnded(Status, Now));
                break;
            case ScopeKind.SubProcess:
                CompleteNode(Token(scope.OwnerTokenId!));
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Throws a BPMN error from a token: the nearest error boundary event that matches, on the token's own
    /// activity or on an enclosing sub-process, interrupts its host; no match raises an incident.
    /// </summary>
    private void ThrowError(TokenState token, string errorCode)
    {
        if (FindErrorCatch(token, errorCode) is not var (host, boundary))
        {
            RaiseIncident(token, IncidentKind.UncaughtError,
                $"BPMN error '{errorCode}' thrown at '{token.ElementId}' is not caught by any error boundary event.", errorCode);
            return;
        }

        Interrupt(host, boundary);
    }

    private (TokenState Host, BoundaryEvent Boundary)? FindErrorCatch(TokenState token, string errorCode)
    {
        for (var current = token; ;)
        {
            var node = Node(current.ElementId);
            var host = current;
            var scope = Scope(current.ScopeId);
            if (scope.Kind == ScopeKind.MultiInstanceInner && scope.ElementId == node.Id)
            {
                // Boundary events of a multi-instance activity belong to its body, i.e. the token that started it.
                host = Token(Scope(scope.ParentId!).OwnerTokenId!);
                scope = Scope(host.ScopeId);
            }

            if (node is Activity)
            {
                var boundary = ScopeOf(node.Id).BoundaryEventsOf(node.Id).FirstOrDefault(b =>
                    b.Trigger is ErrorTrigger trigger && (trigger.Error is null || trigger.Error.ErrorCode == errorCode));
                if (boundary is not null)
                {
                    return (host, boundary);
                }
            }

            if (scope.Kind != ScopeKind.SubProcess)
            {
                return null;
            }

            current = Token(scope.OwnerTokenId!);
        }
    }

    /// <summary>An interrupting event on a host: cancel the host (and everything inside it), continue from the boundary event.</summary>
    private void Interrupt(TokenState host, BoundaryEvent boundary)
    {
        var token = new TokenState(NextId("token"), boundary.Id, host.ScopeId, host.Wait);
        SetToken(token); // added before the host goes, so its scope never looks empty
        CancelToken(host);
        Emit(new ElementEntered(boundary.Id, boundary.ElementType, token.Id, Now));
        EmitDossierStatus(boundary);
        TakeFlows(token, ScopeOf(boundary.Id).Outgoing(boundary.Id));
    }

    /// <summary>Removes a token with its waits, incidents and the scopes it owns, recursively.</summary>
    private void CancelToken(TokenState token)
    {
        if (FindToken(token.Id) is null)
        {
            return;
        }

        CloseWaitsOf(token.Id);
        foreach (var incident in _incidents.Where(i => i.TokenId == token.Id).ToList())
        {
            ResolveIncident(incident);
        }

        foreach (var owned in _scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            CancelScope(owned);
        }

        _tokens.RemoveAll(t => t.Id == token.Id);
        Emit(new ElementCancelled(token.ElementId, Node(token.ElementId).ElementType, token.Id, Now));
    }

    private void CancelScope(ScopeState scope)
    {
        foreach (var token in _tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            CancelToken(token);
        }

        foreach (var child in _scopes.Where(s => s.ParentId == scope.Id).ToList())
        {
            CancelScope(child);
        }

        _scopes.RemoveAll(s => s.Id == scope.Id);
    }
}
