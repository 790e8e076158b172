using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Execution;

/// <summary>
/// The token interpreter: a pure function (definition, state, command, environment) → (new state, effects).
/// A command moves tokens until each waits (user task, receive task, message or timer catch, event-based
/// gateway, job, call activity, parallel join, incident) or is consumed. The same inputs always give the same
/// result: time comes only from the environment's clock (read once), ids from the instance id and the state's
/// counter. A command that breaks the caller's rules throws <see cref="EngineCommandException"/> and
/// changes nothing. Semantics: <c>docs/engine/semantics.md</c>.
/// </summary>
public static class ProcessInterpreter
{
    /// <summary>Applies one command.</summary>
    /// <param name="definition">The deployed definition the instance runs on (valid, as deployment ensures).</param>
    /// <param name="state">The current state; <see langword="null"/> only for <see cref="StartInstance"/>.</param>
    /// <param name="command">The command.</param>
    /// <param name="env">Clock, business calendar and step limit.</param>
    /// <returns>The new state and the effects, in order.</returns>
    /// <exception cref="EngineCommandException">The command does not apply to the instance in its current state.</exception>
    /// <exception cref="ArgumentException">The state belongs to another process, or the definition has no start event.</exception>
    /// <exception cref="InvalidOperationException">The state names elements the definition does not have (a state of another version).</exception>
    public static ExecutionResult Execute(ProcessDefinition definition, ProcessInstanceState? state, EngineCommand command, ExecutionEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(env);
        if (command is StartInstance start)
        {
            if (state is not null)
            {
                throw new EngineCommandException(CommandRejection.Conflict, $"Instance '{state.InstanceId}' has already been started.");
            }

            var run = new InstanceRun(definition, NewState(definition, start), env);
            run.Start(start.Variables);
            run.RunToWaitStates();
            return run.ToResult();
        }

        if (state is null)
        {
            throw new EngineCommandException(CommandRejection.NotFound, $"{command.GetType().Name} needs an existing instance.");
        }

        if (state.ProcessKey != definition.Key)
        {
            throw new ArgumentException($"The instance runs process '{state.ProcessKey}', not '{definition.Key}'.", nameof(definition));
        }

        CheckStatus(state, command);
        var instance = new InstanceRun(definition, state, env);
        Dispatch(instance, command);
        instance.RunToWaitStates();
        return instance.ToResult();
    }

    private static ProcessInstanceState NewState(ProcessDefinition definition, StartInstance start)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start.InstanceId, nameof(start));
        return new ProcessInstanceState
        {
            InstanceId = start.InstanceId,
            ProcessKey = definition.Key,
            ProcessVersion = start.ProcessVersion,
            Status = InstanceStatus.Active,
            Variables = [],
        };
    }

    private static void CheckStatus(ProcessInstanceState state, EngineCommand command)
    {
        var rejection = (state.Status, command) switch
        {
            (InstanceStatus.Completed or InstanceStatus.Terminated or InstanceStatus.Cancelled, _) => $"has ended ({state.Status})",
            (InstanceStatus.Suspended, ResumeInstance or CancelInstance) => null,
            (InstanceStatus.Suspended, _) => "is suspended; resume it first",
            (InstanceStatus.Active, ResumeInstance) => "is not suspended",
            _ => null,
        };
        if (rejection is not null)
        {
            throw new EngineCommandException(CommandRejection.Conflict, $"Instance '{state.InstanceId}' {rejection}: {command.GetType().Name} is not possible.");
        }
    }

    private static void Dispatch(InstanceRun run, EngineCommand command)
    {
        switch (command)
        {
            case CompleteUserTask c: run.CompleteUserTask(c); break;
            case CorrelateMessage c: run.CorrelateMessage(c); break;
            case FireTimer c: run.FireTimer(c); break;
            case CompleteJob c: run.CompleteJob(c); break;
            case FailJob c: run.FailJob(c); break;
            case CompleteCallActivity c: run.CompleteCallActivity(c); break;
            case FailCallActivity c: run.FailCallActivity(c); break;
            case CancelInstance c: run.Cancel(c); break;
            case SuspendInstance: run.ChangeSuspension(suspend: true); break;
            case ResumeInstance: run.ChangeSuspension(suspend: false); break;
            case RetryIncident c: run.RetryIncident(c); break;
            default: throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command));
        }
    }
}
