using System.Text.Json.Nodes;
using Npgsql;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>Transactional service-task handlers, run inside the command's transaction (see <see cref="ITransactionalServiceTaskHandler"/>).</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>A guard against service tasks that loop back to themselves: beyond this, jobs wait for the job runner.</summary>
    private const int MaxInlineJobsPerCommand = 100;

    private readonly Dictionary<string, ITransactionalServiceTaskHandler> _transactionalHandlers =
        (transactionalHandlers ?? []).ToDictionary(h => h.Type, StringComparer.Ordinal);

    /// <summary>The <c>psb:type</c> names served inline, in the command's transaction.</summary>
    public IReadOnlyCollection<string> TransactionalHandlerTypes => _transactionalHandlers.Keys;

    /// <summary>
    /// Runs a job of a transactional handler type outside the command that scheduled it — a retry after a failed
    /// attempt — in one transaction with the CompleteJob or FailJob it leads to. The caller holds the job's lease.
    /// </summary>
    /// <exception cref="EngineCommandException">The instance is gone or no longer waits for the job.</exception>
    public Task<CommandOutcome> RunTransactionalJobAsync(Guid instanceId, string jobId, string elementId, string handlerType, CancellationToken cancellationToken) =>
        RunAsync(idempotencyKey: null, async (connection, transaction) =>
        {
            var row = await LoadAsync(connection, transaction, instanceId, cancellationToken);
            var definition = await definitions.GetAsync(connection, transaction, row.DefinitionVersionId, cancellationToken);
            var state = ProcessInstanceState.FromJson(row.StateJson!);
            var job = new JobScheduled(jobId, elementId, handlerType, RetriesLeft: 0, RunAt: clock.GetUtcNow());
            return (row, definition, await RunHandlerAsync(connection, transaction, row, state, job, cancellationToken));
        }, cancellationToken);

    /// <summary>
    /// Runs the transactional handlers of the jobs that <paramref name="result"/> scheduled for now, each followed by
    /// the CompleteJob/FailJob it leads to, on the same state, and returns the combined result. Jobs of other
    /// handler types, and retries scheduled for later, are left to the job runner.
    /// </summary>
    private async Task<ExecutionResult> RunTransactionalHandlersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InstanceRow row, ProcessDefinition definition,
        ExecutionResult result, ExecutionEnvironment environment, CancellationToken cancellationToken)
    {
        if (_transactionalHandlers.Count == 0)
        {
            return result;
        }
        var effects = result.Effects.ToList();
        var state = result.State;
        var now = clock.GetUtcNow();
        for (int next = 0, runs = 0; runs < MaxInlineJobsPerCommand; runs++)
        {
            var index = effects.FindIndex(next, e => e is JobScheduled job && job.RunAt <= now && _transactionalHandlers.ContainsKey(job.HandlerType));
            if (index < 0)
            {
                break;
            }
            next = index + 1;
            var scheduled = (JobScheduled)effects[index];
            if (IsSettledAfter(effects, index, scheduled.JobId))
            {
                continue;
            }
            var command = await RunHandlerAsync(connection, transaction, row, state, scheduled, cancellationToken);
            var step = ProcessInterpreter.Execute(definition, state, command, environment);
            effects.AddRange(step.Effects);
            state = step.State;
        }
        return new ExecutionResult(state, effects);
    }

    /// <summary>One attempt of a transactional handler, under a savepoint so that a failure leaves no trace but the FailJob.</summary>
    private async Task<EngineCommand> RunHandlerAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InstanceRow row, ProcessInstanceState state, JobScheduled job, CancellationToken cancellationToken)
    {
        if (!_transactionalHandlers.TryGetValue(job.HandlerType, out var handler))
        {
            return new FailJob(job.JobId, $"No transactional handler is registered for psb:type '{job.HandlerType}'.");
        }
        const string Savepoint = "transactional_job";
        await transaction.SaveAsync(Savepoint, cancellationToken);
        try
        {
            var context = new TransactionalServiceTaskContext(job.JobId, row.Id, job.ElementId, row.BusinessKey,
                (JsonObject)state.Variables.DeepClone(), connection, transaction, clock.GetUtcNow());
            var outcome = await handler.ExecuteAsync(context, cancellationToken);
            await transaction.ReleaseAsync(Savepoint, cancellationToken);
            return outcome.ErrorCode is { } code
                ? new FailJob(job.JobId, outcome.ErrorMessage ?? code, code)
                : new CompleteJob(job.JobId, outcome.Variables);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            return new FailJob(job.JobId, exception.Message);
        }
    }

    private static bool IsSettledAfter(IReadOnlyList<EngineEffect> effects, int index, string jobId)
    {
        for (var i = index + 1; i < effects.Count; i++)
        {
            if (effects[i] is JobFinished finished && finished.JobId == jobId || effects[i] is JobCancelled cancelled && cancelled.JobId == jobId)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The effects the listener needs: a job scheduled and settled within the same command (a transactional handler
    /// ran inline) must not be dispatched again; a retry scheduled after an inline failure is.
    /// </summary>
    private static IReadOnlyList<EngineEffect> WithoutSettledJobs(IReadOnlyList<EngineEffect> effects)
    {
        List<EngineEffect>? kept = null;
        for (var i = 0; i < effects.Count; i++)
        {
            if (effects[i] is JobScheduled job && IsSettledAfter(effects, i, job.JobId))
            {
                kept ??= [.. effects.Take(i)];
            }
            else
            {
                kept?.Add(effects[i]);
            }
        }
        return kept ?? effects;
    }
}
