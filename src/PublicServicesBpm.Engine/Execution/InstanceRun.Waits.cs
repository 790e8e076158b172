using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>Opening and closing waits: user tasks, jobs, message subscriptions, timers, calls and incidents.</summary>
internal sealed partial class InstanceRun
{
    private void CreateUserTask(TokenState token, UserTask task)
    {
        var groups = CandidateGroupsOf(task, token.ScopeId);
        var assignee = task.Assignee is null ? null : ToText(Evaluate(task.Assignee, token.ScopeId));
        DateTimeOffset? dueAt = task.DueIn is { } dueIn ? _env.Calendar.AddDuration(Now, dueIn, task.Calendar) : null;
        var loopCounter = ScopeChain(token.ScopeId).Find(s => s.Kind == ScopeKind.MultiInstanceInner && s.ElementId == task.Id)?
            .Variables?[LoopCounterVariable]?.GetValue<int>();
        var id = NextId("task");
        SetWait(new WaitState(id, WaitKind.UserTask, token.Id, task.Id) { DueAt = dueAt });
        Park(token, TokenWait.UserTask);
        Emit(new UserTaskCreated(id, task.Id, task.Name, groups, assignee, task.FormKey, task.FormBinding, task.Outcomes, dueAt, loopCounter));
    }

    // Literal groups may name a variable in braces (specialist@{agency}); a FEEL expression yields a list or a comma-separated text.
    private List<string> CandidateGroupsOf(UserTask task, string scopeId)
    {
        if (task.CandidateGroups is not { } groups)
        {
            return [];
        }

        if (groups.Expression is { } expression)
        {
            var value = Evaluate(expression, scopeId);
            return value.ToJsonNode() switch
            {
                JsonArray items => [.. items.Select(ToText).OfType<string>()],
                null => [],
                var single => [.. (ToText(single) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            };
        }

        var visible = VisibleVariables(scopeId);
        return [.. groups.Groups.Select(group => FillPlaceholders(group, visible))];
    }

    private static string FillPlaceholders(string group, JsonObject variables)
    {
        var open = group.IndexOf('{', StringComparison.Ordinal);
        var close = group.IndexOf('}', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return group;
        }

        var name = group[(open + 1)..close];
        var value = ToText(variables[name])
            ?? throw new ElementFailureException($"Candidate group '{group}' needs the variable '{name}', which is not set.");
        return FillPlaceholders(group[..open] + value + group[(close + 1)..], variables);
    }

    private void ScheduleJob(TokenState token, JobActivity job, int retriesLeft, string? existingId, DateTimeOffset runAt)
    {
        var id = existingId ?? NextId("job");
        SetWait(new WaitState(id, WaitKind.Job, token.Id, job.Id) { HandlerType = job.HandlerType, RetriesLeft = retriesLeft });
        Park(token, TokenWait.Job);
        Emit(new JobScheduled(id, job.Id, job.HandlerType, retriesLeft, runAt));
    }

    private void RequestCall(TokenState token, CallActivity call)
    {
        var key = call.CalledElement.TrimStart().StartsWith('=')
            ? ToText(Evaluate(new ExpressionText(call.CalledElement), token.ScopeId))
                ?? throw new ElementFailureException($"calledElement '{call.CalledElement}' evaluated to null.")
            : call.CalledElement;
        var id = NextId("call");
        SetWait(new WaitState(id, WaitKind.CallActivity, token.Id, call.Id));
        Park(token, TokenWait.CallActivity);
        Emit(new CallActivityRequested(id, call.Id, key, call.Binding, call.Version, call.VersionTag, VisibleVariables(token.ScopeId)));
    }

    private void OpenSubscription(TokenState token, string elementId, MessageDeclaration message, ExpressionText? correlationKey)
    {
        var key = correlationKey is null ? null : ToText(Evaluate(correlationKey, token.ScopeId));
        var id = NextId("sub");
        SetWait(new WaitState(id, WaitKind.Message, token.Id, elementId) { MessageName = message.Name, CorrelationKey = key });
        Emit(new SubscriptionOpened(id, elementId, message.Name, key));
    }

    private void OpenTrigger(TokenState token, string elementId, EventTrigger trigger, bool nonInterruptingBoundary)
    {
        switch (trigger)
        {
            case TimerTrigger timer:
                var plan = TimerPlan.Create(timer, Now, _env.Calendar, text => Evaluate(new ExpressionText(text), token.ScopeId));
                ScheduleTimer(token.Id, elementId, plan.DueAt, nonInterruptingBoundary ? plan : plan with { Repetitions = 0 });
                break;
            case MessageTrigger message:
                OpenSubscription(token, elementId, message.Message, message.CorrelationKey);
                break;
            default:
                break; // error triggers are looked up when an error is thrown
        }
    }

    private void ScheduleTimer(string tokenId, string elementId, DateTimeOffset dueAt, TimerPlan plan)
    {
        var id = NextId("timer");
        SetWait(new WaitState(id, WaitKind.Timer, tokenId, elementId)
        {
            DueAt = dueAt,
            CycleRepetitions = plan.Repetitions == 0 ? null : plan.Repetitions,
            CycleInterval = plan.Repetitions == 0 ? null : plan.Interval?.ToString(),
        });
        Emit(new TimerScheduled(id, elementId, dueAt));
    }

    private void OpenBoundaryEvents(TokenState token, Activity activity)
    {
        foreach (var boundary in ScopeOf(activity.Id).BoundaryEventsOf(activity.Id))
        {
            OpenTrigger(token, boundary.Id, boundary.Trigger, nonInterruptingBoundary: !boundary.CancelActivity);
        }
    }

    private void OpenRace(TokenState token, EventBasedGateway gateway)
    {
        Park(token, TokenWait.EventGateway);
        foreach (var flow in ScopeOf(gateway.Id).Outgoing(gateway.Id))
        {
            switch (Node(flow.TargetRef))
            {
                case IntermediateCatchEvent catchEvent:
                    OpenTrigger(token, catchEvent.Id, catchEvent.Trigger, nonInterruptingBoundary: false);
                    break;
                case ReceiveTask receive:
                    OpenSubscription(token, receive.Id, receive.Message, receive.CorrelationKey);
                    break;
                default:
                    throw new ElementFailureException($"Target '{flow.TargetRef}' of the event-based gateway is not a catch event or receive task.");
            }
        }
    }

    /// <summary>Closes every wait of a token, telling the host to cancel tasks, timers, subscriptions, jobs and calls.</summary>
    private void CloseWaitsOf(string tokenId)
    {
        foreach (var wait in _waits.Where(w => w.TokenId == tokenId).ToList())
        {
            _waits.Remove(wait);
            Emit(wait.Kind switch
            {
                WaitKind.UserTask => new UserTaskCancelled(wait.Id, wait.ElementId),
                WaitKind.Timer => new TimerCancelled(wait.Id, wait.ElementId),
                WaitKind.Message => new SubscriptionClosed(wait.Id, wait.ElementId),
                WaitKind.Job => new JobCancelled(wait.Id, wait.ElementId),
                _ => new CallActivityCancelled(wait.Id, wait.ElementId),
            });
        }
    }

    private void RaiseIncident(TokenState token, IncidentKind kind, string message, string? errorCode = null)
    {
        var id = NextId("incident");
        _incidents.Add(new IncidentState(id, kind, token.Id, token.ElementId, message) { ErrorCode = errorCode });
        Park(token, TokenWait.Incident);
        Emit(new IncidentRaised(id, token.ElementId, kind, message));
    }

    private void ResolveIncident(IncidentState incident)
    {
        _incidents.Remove(incident);
        Emit(new IncidentResolved(incident.Id, incident.ElementId));
    }
}
