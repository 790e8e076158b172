using Npgsql;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>Firing due timers: cost grows with the timers that are due, not with open instances.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// The due-timer claim: most overdue first, timers of suspended instances skipped, each claimed row locked until
    /// commit and skipped by every other process (FOR UPDATE SKIP LOCKED), so parallel loops and hosts never fire one
    /// timer twice. The suspension check is a correlated lookup by primary key on purpose: it keeps the plan an
    /// index scan in due order that stops after the batch. As a join, the planner may pick a merge join over every
    /// timer (measured: 4.4 s per batch with 1,000,000 future timers — docs/performance.md).
    /// </summary>
    private const string ClaimDueTimersSql = """
        SELECT t.id, t.instance_id FROM bpm.timers t
        WHERE t.due_at <= @now
          AND (SELECT i.status FROM bpm.process_instances i WHERE i.id = t.instance_id) <> 'suspended'
        ORDER BY t.due_at LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <summary>
    /// Fires the most overdue timer that no other process is firing, in one command (one commit). Returns false when
    /// no timer is due. A timer the instance no longer knows (its token moved on) is deleted; timers of suspended
    /// instances wait. <see cref="FireDueTimersAsync"/> does the same for many timers per commit.
    /// </summary>
    public async Task<bool> FireNextDueTimerAsync(CancellationToken cancellationToken) =>
        await FireDueTimersAsync(1, cancellationToken) > 0;

    /// <summary>
    /// Claims up to <paramref name="maxTimers"/> due timers and fires them in ONE transaction: one claim query, one
    /// query loading their instances, one batch of writes, one commit. Each instance takes at most one of its timers
    /// per call (a second due timer of the same instance waits for the next call, on the state the first left).
    /// Returns how many timers were fired or discarded (0 = nothing due). When another command changes one of the
    /// instances meanwhile, the whole batch is retried on fresh state.
    /// </summary>
    public async Task<int> FireDueTimersAsync(int maxTimers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTimers, 1);
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var claimed = await ClaimDueTimersAsync(connection, transaction, maxTimers, cancellationToken);
            if (claimed.Count == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return 0;
            }
            var firings = await PrepareFiringsAsync(connection, transaction, claimed, cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            var now = clock.GetUtcNow();
            var guarded = new List<int>();
            foreach (var firing in firings)
            {
                if (firing.Result is { } result)
                {
                    guarded.Add(EffectBatch.Append(batch, firing.Row, firing.Command, result, idempotencyKey: null, now));
                }
                else if (firing.DiscardTimer)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM bpm.timers WHERE id = @id") { Parameters = { new("id", firing.Command.TimerId) } });
                }
            }
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            if (guarded.Any(index => batch.BatchCommands[index].RecordsAffected != 1))
            {
                await transaction.RollbackAsync(cancellationToken);
                if (attempt < MaxAttempts)
                {
                    continue;
                }
                throw new EngineCommandException(CommandRejection.Conflict, $"Due timers could not be fired: their instances kept changing under {MaxAttempts} attempts.");
            }
            await NotifyParticipantsAsync(connection, transaction,
                firings.Where(f => f.Result is not null).Select(f => new InstanceEffects(f.Row.Id, f.Row.BusinessKey, f.Result!.Effects)).ToList(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var firing in firings.Where(f => f.Result is not null))
            {
                listener?.OnCommitted(firing.Row.Id, firing.Row.ParentCallId, WithoutSettledJobs(firing.Result!.Effects));
            }
            return firings.Count(f => f.Result is not null || f.DiscardTimer);
        }
    }

    private async Task<List<(string TimerId, Guid InstanceId)>> ClaimDueTimersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int maxTimers, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(ClaimDueTimersSql, connection, transaction);
        claim.Parameters.AddWithValue("now", clock.GetUtcNow().ToUniversalTime());
        claim.Parameters.AddWithValue("limit", maxTimers);
        var claimed = new List<(string, Guid)>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetString(0), reader.GetGuid(1)));
        }
        return claimed;
    }

    /// <summary>Runs the interpreter for the first claimed timer of each instance (the others stay due).</summary>
    private async Task<List<TimerFiring>> PrepareFiringsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<(string TimerId, Guid InstanceId)> claimed, CancellationToken cancellationToken)
    {
        var firstTimers = claimed.DistinctBy(c => c.InstanceId).ToList();
        var rows = await LoadManyAsync(connection, transaction, firstTimers.Select(c => c.InstanceId).ToArray(), cancellationToken);
        var firings = new List<TimerFiring>(firstTimers.Count);
        foreach (var (timerId, instanceId) in firstTimers)
        {
            var command = new FireTimer(timerId);
            if (!rows.TryGetValue(instanceId, out var loaded))
            {
                firings.Add(new TimerFiring(new InstanceRow(instanceId, Guid.Empty, null, 0, null), command, null, DiscardTimer: true));
                continue;
            }
            var definition = await definitions.GetAsync(connection, transaction, loaded.Row.DefinitionVersionId, cancellationToken);
            var state = ProcessInstanceState.FromJson(loaded.Row.StateJson!);
            var environment = new ExecutionEnvironment(clock, await CalendarForAsync(state, command, cancellationToken));
            var firing = Fire(definition, loaded.Row, state, loaded.Status, command, environment);
            firings.Add(firing.Result is { } result
                ? firing with { Result = await RunTransactionalHandlersAsync(connection, transaction, loaded.Row, definition, result, environment, cancellationToken) }
                : firing);
        }
        return firings;
    }

    /// <summary>
    /// A timer whose token moved on (NotFound) or whose instance has ended is discarded; a timer of an instance
    /// suspended since the claim is kept for after its resumption.
    /// </summary>
    private static TimerFiring Fire(ProcessDefinition definition, InstanceRow row, ProcessInstanceState state, string status, FireTimer command, ExecutionEnvironment environment)
    {
        try
        {
            return new TimerFiring(row, command, ProcessInterpreter.Execute(definition, state, command, environment), DiscardTimer: false);
        }
        catch (EngineCommandException exception)
        {
            var discard = exception.Reason == CommandRejection.NotFound || status is not ("active" or "suspended");
            return new TimerFiring(row, command, null, discard);
        }
    }

    private static async Task<Dictionary<Guid, (InstanceRow Row, string Status)>> LoadManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, definition_version_id, business_key, revision, state, parent_call_id, status FROM bpm.process_instances WHERE id = ANY(@ids)
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", ids);
        var rows = new Dictionary<Guid, (InstanceRow, string)>(ids.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new InstanceRow(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
            rows[row.Id] = (row, reader.GetString(6));
        }
        return rows;
    }

    /// <param name="Row">The instance as loaded in the firing transaction.</param>
    /// <param name="Command">The timer to fire.</param>
    /// <param name="Result">The interpreter's result, or null when the timer no longer applies.</param>
    /// <param name="DiscardTimer">True when the timer row is deleted without effect (its token moved on, or its instance ended).</param>
    private sealed record TimerFiring(InstanceRow Row, FireTimer Command, ExecutionResult? Result, bool DiscardTimer);
}
