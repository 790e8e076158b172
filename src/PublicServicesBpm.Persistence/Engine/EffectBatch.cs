using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using PublicServicesBpm.Persistence.Audit;
using NpgsqlTypes;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// Turns one command's result into the statements of its transaction: the instance row (insert, or update guarded
/// by its revision), one statement per effect on the task/timer/subscription/job/incident tables, all history
/// in one multi-row insert, and the idempotency receipt. Sent as one batch: one round trip.
/// </summary>
internal static class EffectBatch
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static NpgsqlBatch Build(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InstanceRow row, EngineCommand command, ExecutionResult result, string? idempotencyKey, DateTimeOffset now, AuditRecord? audit = null)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        Append(batch, row, command, result, idempotencyKey, now, audit);
        return batch;
    }

    /// <summary>
    /// Adds one command's statements to <paramref name="batch"/> (several instances' commands can share one batch and
    /// one commit). Returns the index of the instance row's INSERT/UPDATE, whose RecordsAffected must be 1 on an update.
    /// </summary>
    public static int Append(
        NpgsqlBatch batch, InstanceRow row, EngineCommand command, ExecutionResult result, string? idempotencyKey, DateTimeOffset now, AuditRecord? audit = null)
    {
        var instanceStatement = batch.BatchCommands.Count;
        var state = result.State;
        var ended = state.Status is InstanceStatus.Completed or InstanceStatus.Terminated or InstanceStatus.Cancelled ? now : (DateTimeOffset?)null;
        batch.BatchCommands.Add(row.Revision == 0
            ? Command("""
                INSERT INTO bpm.process_instances (id, definition_version_id, process_key, process_version, business_key, status, state, revision, parent_call_id, started_at, ended_at)
                VALUES (@id, @definition, @key, @version, @business_key, @status, @state, 1, @parent_call, @now, @ended)
                """,
                ("id", row.Id), ("definition", row.DefinitionVersionId), ("key", state.ProcessKey), ("version", state.ProcessVersion),
                ("business_key", (object?)row.BusinessKey ?? DBNull.Value), ("status", Status(state.Status)), ("state", Json(state.ToJson())),
                ("parent_call", (object?)row.ParentCallId ?? DBNull.Value), ("now", now), ("ended", (object?)ended ?? DBNull.Value))
            : Command("""
                UPDATE bpm.process_instances SET status = @status, state = @state, revision = revision + 1, ended_at = @ended
                WHERE id = @id AND revision = @revision
                """,
                ("id", row.Id), ("status", Status(state.Status)), ("state", Json(state.ToJson())), ("ended", (object?)ended ?? DBNull.Value), ("revision", row.Revision)));
        foreach (var effect in result.Effects)
        {
            if (EffectCommand(row.Id, effect, now) is { } statement)
            {
                batch.BatchCommands.Add(statement);
            }
        }
        foreach (var call in CalledProcessCommands(row, command, result, now))
        {
            batch.BatchCommands.Add(call);
        }
        batch.BatchCommands.Add(History(row.Id, result.Effects, now));
        if (idempotencyKey is not null)
        {
            batch.BatchCommands.Add(Command("INSERT INTO bpm.command_receipts (idempotency_key, instance_id, status, at) VALUES (@key, @instance, @status, @now)",
                ("key", idempotencyKey), ("instance", row.Id), ("status", Status(state.Status)), ("now", now)));
        }
        if (audit is not null)
        {
            batch.BatchCommands.Add(AuditLogWriter.BatchCommand(audit.TargetId is null ? audit with { TargetType = "process-instance", TargetId = row.Id.ToString("D") } : audit, now));
        }
        return instanceStatement;
    }

    public static string Status(InstanceStatus status) => status.ToString().ToLowerInvariant();

    private static NpgsqlBatchCommand? EffectCommand(Guid instance, EngineEffect effect, DateTimeOffset now) => effect switch
    {
        UserTaskCreated t => Command("""
            INSERT INTO bpm.user_tasks (id, instance_id, element_id, name, candidate_groups, assignee, form_key, outcomes, created_at, due_at, status)
            VALUES (@id, @instance, @element, @name, @groups, @assignee, @form, @outcomes, @now, @due, 'open')
            """,
            ("id", t.TaskId), ("instance", instance), ("element", t.ElementId), ("name", (object?)t.Name ?? DBNull.Value),
            ("groups", t.CandidateGroups.ToArray()), ("assignee", (object?)t.Assignee ?? DBNull.Value), ("form", (object?)t.FormKey ?? DBNull.Value),
            ("outcomes", t.Outcomes.ToArray()), ("now", now), ("due", (object?)t.DueAt ?? DBNull.Value)),
        UserTaskCancelled t => Command("UPDATE bpm.user_tasks SET status = 'cancelled', ended_at = @now WHERE id = @id", ("id", t.TaskId), ("now", now)),
        TaskCompleted t => Command("UPDATE bpm.user_tasks SET status = 'completed', ended_at = @now, outcome = @outcome WHERE id = @id",
            ("id", t.TaskId), ("now", now), ("outcome", (object?)t.Outcome ?? DBNull.Value)),
        TimerScheduled t => Command("INSERT INTO bpm.timers (id, instance_id, element_id, due_at) VALUES (@id, @instance, @element, @due)",
            ("id", t.TimerId), ("instance", instance), ("element", t.ElementId), ("due", t.DueAt)),
        TimerCancelled t => Command("DELETE FROM bpm.timers WHERE id = @id", ("id", t.TimerId)),
        TimerFired t => Command("DELETE FROM bpm.timers WHERE id = @id", ("id", t.TimerId)),
        SubscriptionOpened s => Command("""
            INSERT INTO bpm.message_subscriptions (id, instance_id, element_id, message_name, correlation_key) VALUES (@id, @instance, @element, @name, @key)
            """,
            ("id", s.SubscriptionId), ("instance", instance), ("element", s.ElementId), ("name", s.MessageName), ("key", s.CorrelationKey ?? string.Empty)),
        SubscriptionClosed s => Command("DELETE FROM bpm.message_subscriptions WHERE id = @id", ("id", s.SubscriptionId)),
        MessageReceived m => Command("DELETE FROM bpm.message_subscriptions WHERE id = @id", ("id", m.SubscriptionId)),
        JobScheduled j => Command("""
            INSERT INTO bpm.jobs (id, instance_id, element_id, handler_type, retries_left, run_at) VALUES (@id, @instance, @element, @handler, @retries, @run_at)
            ON CONFLICT (id) DO UPDATE SET retries_left = excluded.retries_left, run_at = excluded.run_at
            """,
            ("id", j.JobId), ("instance", instance), ("element", j.ElementId), ("handler", j.HandlerType), ("retries", j.RetriesLeft), ("run_at", j.RunAt)),
        JobCancelled j => Command("DELETE FROM bpm.jobs WHERE id = @id", ("id", j.JobId)),
        // A failed run that is retried comes with a JobScheduled after it (same id), which inserts the row again.
        JobFinished j => Command("DELETE FROM bpm.jobs WHERE id = @id", ("id", j.JobId)),
        IncidentRaised i => Command("""
            INSERT INTO bpm.incidents (id, instance_id, element_id, kind, message, created_at) VALUES (@id, @instance, @element, @kind, @message, @now)
            """,
            ("id", i.IncidentId), ("instance", instance), ("element", i.ElementId), ("kind", i.Kind.ToString()), ("message", i.Message), ("now", now)),
        IncidentResolved i => Command("UPDATE bpm.incidents SET resolved_at = @now WHERE id = @id", ("id", i.IncidentId), ("now", now)),
        CallActivityRequested c => Command("""
            INSERT INTO bpm.called_processes (call_id, parent_instance_id, element_id, called_process_key, binding, version, version_tag, variables, requested_at, cancelled)
            VALUES (@call, @instance, @element, @key, @binding, @version, @tag, @variables, @now, false)
            """,
            ("call", c.CallId), ("instance", instance), ("element", c.ElementId), ("key", c.CalledProcessKey), ("binding", c.Binding.ToString()),
            ("version", (object?)c.Version ?? DBNull.Value), ("tag", (object?)c.VersionTag ?? DBNull.Value), ("variables", Json(c.Variables.ToJsonString())), ("now", now)),
        CallActivityCancelled c => Command("UPDATE bpm.called_processes SET cancelled = true WHERE call_id = @call", ("call", c.CallId)),
        _ => null,
    };

    /// <summary>
    /// The called-process bookkeeping of this command: a child records itself on its call when it starts and its
    /// result when it ends; a caller that got its answer (or stopped waiting for it) closes the call.
    /// </summary>
    private static IEnumerable<NpgsqlBatchCommand> CalledProcessCommands(InstanceRow row, EngineCommand command, ExecutionResult result, DateTimeOffset now)
    {
        if (row.ParentCallId is { } parentCall && row.Revision == 0)
        {
            yield return Command("UPDATE bpm.called_processes SET child_instance_id = @child WHERE call_id = @call", ("child", row.Id), ("call", parentCall));
        }
        if (row.ParentCallId is { } endedCall && result.Effects.OfType<InstanceEnded>().FirstOrDefault() is { } ended)
        {
            yield return Command("""
                UPDATE bpm.called_processes SET child_status = @status, child_variables = @variables, child_ended_at = @now WHERE call_id = @call
                """,
                ("status", Status(ended.Status)), ("variables", Json(result.State.Variables.ToJsonString())), ("now", now), ("call", endedCall));
        }
        if (command is CompleteCallActivity or FailCallActivity)
        {
            var callId = command is CompleteCallActivity complete ? complete.CallId : ((FailCallActivity)command).CallId;
            yield return Command("DELETE FROM bpm.called_processes WHERE call_id = @call", ("call", callId));
        }
    }

    /// <summary>Every effect of the command, in order, as one multi-row insert (history is append-only).</summary>
    private static NpgsqlBatchCommand History(Guid instance, IReadOnlyList<EngineEffect> effects, DateTimeOffset now)
    {
        var at = new DateTimeOffset[effects.Count];
        var types = new string[effects.Count];
        var elements = new string?[effects.Count];
        var data = new string[effects.Count];
        for (var i = 0; i < effects.Count; i++)
        {
            at[i] = (effects[i] is HistoryEvent history ? history.At : now).ToUniversalTime();
            types[i] = effects[i].GetType().Name;
            elements[i] = effects[i].GetType().GetProperty("ElementId")?.GetValue(effects[i]) as string;
            data[i] = JsonSerializer.Serialize(effects[i], effects[i].GetType(), s_json);
        }
        var command = new NpgsqlBatchCommand("""
            INSERT INTO bpm.history_events (instance_id, at, type, element_id, data)
            SELECT @instance, e.at, e.type, e.element_id, e.data FROM unnest(@at, @types, @elements, @data) AS e(at, type, element_id, data)
            """);
        command.Parameters.AddWithValue("instance", instance);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("types", types);
        command.Parameters.AddWithValue("elements", elements);
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = data });
        return command;
    }

    private static NpgsqlParameter Json(string json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json };

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter parameter)
            {
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            else
            {
                command.Parameters.AddWithValue(name, value is DateTimeOffset instant ? instant.ToUniversalTime() : value);
            }
        }
        return command;
    }
}
