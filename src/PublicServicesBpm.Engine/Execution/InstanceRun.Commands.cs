using System.Text.Json.Nodes;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// The commands. Each checks the caller's rules first and throws <see cref="EngineCommandException"/>
/// before changing anything; then it moves tokens and runs them to their wait states.
/// </summary>
internal sealed partial class InstanceRun
{
    public void Start(JsonObject? variables)
    {
        var start = _definition.Scope.StartEvent
            ?? throw new ArgumentException($"Process '{_definition.Key}' has no single none start event; deploy only valid definitions.", nameof(variables));
        SetScope(new ScopeState(InstanceId, ScopeKind.Process, _definition.Key, null, null));
        Emit(new ElementEntered(_definition.Key, "process", InstanceId, Now));
        SetVariables(InstanceId, variables);
        Schedule(new TokenState(NextId("token"), start.Id, InstanceId, TokenWait.UserTask));
    }

    public void CompleteUserTask(CompleteUserTask command)
    {
        var wait = OpenWait(WaitKind.UserTask, command.TaskId, "user task");
        var task = (UserTask)Node(wait.ElementId);
        if (task.Outcomes.Count > 0 && (command.Outcome is null || !task.Outcomes.Contains(command.Outcome)))
        {
            throw new EngineCommandException(CommandRejection.Invalid,
                $"Task '{command.TaskId}' ({task.Id}) needs one of the outcomes {string.Join(", ", task.Outcomes)}, not '{command.Outcome}'.");
        }

        var token = Token(wait.TokenId);
        SetVariables(token.ScopeId, command.Variables);
        if (command.Outcome is not null)
        {
            SetVariable(token.ScopeId, "outcome", JsonValue.Create(command.Outcome));
        }

        Emit(new TaskCompleted(wait.Id, wait.ElementId, command.Outcome, Now));
        _waits.Remove(wait);
        CompleteNode(token);
    }

    public void CorrelateMessage(CorrelateMessage command)
    {
        var wait = _waits.Find(w => w.Kind == WaitKind.Message && w.MessageName == command.MessageName && w.CorrelationKey == command.CorrelationKey)
            ?? throw new EngineCommandException(CommandRejection.NotFound,
                $"No open subscription for message '{command.MessageName}' with correlation key '{command.CorrelationKey}' in instance '{InstanceId}'.");
        Emit(new MessageReceived(wait.Id, wait.ElementId, command.MessageName, command.CorrelationKey, Now));
        SetVariables(Token(wait.TokenId).ScopeId, command.Variables);
        Trigger(wait);
    }

    public void FireTimer(FireTimer command)
    {
        var wait = OpenWait(WaitKind.Timer, command.TimerId, "timer");
        Emit(new TimerFired(wait.Id, wait.ElementId, Now));
        Trigger(wait);
    }

    public void CompleteJob(CompleteJob command)
    {
        var wait = OpenWait(WaitKind.Job, command.JobId, "job");
        Emit(new JobFinished(wait.Id, wait.ElementId, true, null, Now));
        var token = Token(wait.TokenId);
        SetVariables(token.ScopeId, command.Variables);
        _waits.Remove(wait);
        CompleteNode(token);
    }

    /// <summary>A business error is thrown; otherwise a retry is scheduled with doubling back-off while retries are left.</summary>
    public void FailJob(FailJob command)
    {
        var wait = OpenWait(WaitKind.Job, command.JobId, "job");
        Emit(new JobFinished(wait.Id, wait.ElementId, false, command.ErrorMessage, Now));
        var token = Token(wait.TokenId);
        var job = (JobActivity)Node(wait.ElementId);
        var retriesLeft = wait.RetriesLeft ?? 0;
        if (command.BpmnErrorCode is { } code)
        {
            _waits.Remove(wait);
            ThrowError(token, code);
        }
        else if (retriesLeft > 0)
        {
            var failures = Math.Max(job.Retries - retriesLeft, 0);
            var delay = _env.RetryBackoff * Math.Pow(2, Math.Min(failures, 20));
            ScheduleJob(token, job, retriesLeft - 1, wait.Id, Now + delay);
        }
        else
        {
            _waits.Remove(wait);
            RaiseIncident(token, IncidentKind.JobFailure, $"Job '{job.HandlerType}' failed with no retries left: {command.ErrorMessage}");
        }
    }

    public void CompleteCallActivity(CompleteCallActivity command)
    {
        var wait = OpenWait(WaitKind.CallActivity, command.CallId, "call activity");
        var token = Token(wait.TokenId);
        SetVariables(token.ScopeId, command.Variables);
        _waits.Remove(wait);
        CompleteNode(token);
    }

    public void FailCallActivity(FailCallActivity command)
    {
        var wait = OpenWait(WaitKind.CallActivity, command.CallId, "call activity");
        _waits.Remove(wait);
        ThrowError(Token(wait.TokenId), command.BpmnErrorCode);
    }

    public void Cancel(CancelInstance command)
    {
        if (_scopes.Find(s => s.Kind == ScopeKind.Process) is { } process)
        {
            CancelScope(process);
        }

        _scopes.Clear();
        Status = InstanceStatus.Cancelled;
        Emit(new ElementLeft(_definition.Key, "process", InstanceId, Now));
        Emit(new InstanceEnded(Status, Now, command.Reason));
    }

    public void ChangeSuspension(bool suspend)
    {
        Status = suspend ? InstanceStatus.Suspended : InstanceStatus.Active;
        Emit(new InstanceStatusChanged(Status, Now));
    }

    /// <summary>Resolves the incident, merges corrected variables, and retries what failed (see <see cref="IncidentKind"/>).</summary>
    public void RetryIncident(RetryIncident command)
    {
        var incident = _incidents.Find(i => i.Id == command.IncidentId)
            ?? throw new EngineCommandException(CommandRejection.NotFound, $"No open incident '{command.IncidentId}' in instance '{InstanceId}'.");
        var token = Token(incident.TokenId);
        ResolveIncident(incident);
        SetVariables(token.ScopeId, command.Variables);
        var node = Node(token.ElementId);
        switch (incident.Kind)
        {
            case IncidentKind.JobFailure:
            case IncidentKind.UncaughtError when node is JobActivity:
                var job = (JobActivity)node;
                ScheduleJob(token, job, job.Retries, existingId: null, Now);
                break;
            case IncidentKind.UncaughtError when node is CallActivity:
                // A new child instance is requested; the boundary events are opened again with it.
                CloseWaitsOf(token.Id);
                Execute(token, entering: false);
                break;
            case IncidentKind.UncaughtError:
                ThrowError(token, incident.ErrorCode ?? string.Empty);
                break;
            case IncidentKind.StepLimit:
                Schedule(token);
                break;
            default:
                Execute(token, entering: false);
                break;
        }
    }

    private WaitState OpenWait(WaitKind kind, string id, string what) =>
        _waits.Find(w => w.Kind == kind && w.Id == id)
        ?? throw new EngineCommandException(CommandRejection.NotFound,
            $"No open {what} '{id}' in instance '{InstanceId}': it does not exist or is already finished.");
}
