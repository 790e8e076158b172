using System.Text.Json;
using Npgsql;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// Who works on an open user task: claim from a group queue, give back, assign, delegate and take back. These
/// change the task row, not the process (no token moves), each in one statement guarded by the task's current
/// holder so that two officers cannot both win, plus an append-only history row. Who may do what is decided
/// by the caller (authorization), not here. An audit record, when given, commits in the same transaction.
/// </summary>
public sealed class TaskAssignments(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Takes an unassigned open task. Refused when someone holds it already.</summary>
    public Task ClaimAsync(string taskId, string userId, CancellationToken cancellationToken, AuditRecord? audit = null) =>
        ChangeAsync(taskId, "TaskClaimed", userId, userId,
            "UPDATE bpm.user_tasks SET assignee = @user WHERE id = @id AND status = 'open' AND assignee IS NULL",
            audit, cancellationToken, ("user", userId));

    /// <summary>Gives a claimed task back to its groups' queue. Only its assignee may.</summary>
    public Task UnclaimAsync(string taskId, string userId, CancellationToken cancellationToken, AuditRecord? audit = null) =>
        ChangeAsync(taskId, "TaskUnclaimed", userId, null,
            "UPDATE bpm.user_tasks SET assignee = NULL WHERE id = @id AND status = 'open' AND assignee = @user AND owner IS NULL",
            audit, cancellationToken, ("user", userId));

    /// <summary>Gives the task to <paramref name="assigneeId"/> (e.g. a department head assigning a specialist).</summary>
    public Task AssignAsync(string taskId, string assigneeId, string byUserId, CancellationToken cancellationToken, AuditRecord? audit = null) =>
        ChangeAsync(taskId, "TaskAssigned", byUserId, assigneeId,
            "UPDATE bpm.user_tasks SET assignee = @assignee, owner = NULL WHERE id = @id AND status = 'open'",
            audit, cancellationToken, ("assignee", assigneeId));

    /// <summary>The assignee asks <paramref name="delegateId"/> to do the work and stays its owner.</summary>
    public Task DelegateAsync(string taskId, string delegateId, string byUserId, CancellationToken cancellationToken, AuditRecord? audit = null) =>
        ChangeAsync(taskId, "TaskDelegated", byUserId, delegateId,
            "UPDATE bpm.user_tasks SET owner = @by, assignee = @delegate WHERE id = @id AND status = 'open' AND assignee = @by AND owner IS NULL",
            audit, cancellationToken, ("by", byUserId), ("delegate", delegateId));

    /// <summary>The delegate hands the task back to its owner.</summary>
    public Task ResolveDelegationAsync(string taskId, string delegateId, CancellationToken cancellationToken, AuditRecord? audit = null) =>
        ChangeAsync(taskId, "TaskDelegationResolved", delegateId, null,
            "UPDATE bpm.user_tasks SET assignee = owner, owner = NULL WHERE id = @id AND status = 'open' AND assignee = @delegate AND owner IS NOT NULL",
            audit, cancellationToken, ("delegate", delegateId));

    private async Task ChangeAsync(
        string taskId, string historyType, string actor, string? newAssignee, string sql, AuditRecord? audit, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(sql + " RETURNING instance_id, element_id", connection, transaction);
        update.Parameters.AddWithValue("id", taskId);
        foreach (var (name, value) in parameters)
        {
            update.Parameters.AddWithValue(name, value);
        }
        Guid instanceId;
        string elementId;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                throw new EngineCommandException(CommandRejection.Conflict, await WhyNotAsync(connection, transaction, taskId, cancellationToken));
            }
            (instanceId, elementId) = (reader.GetGuid(0), reader.GetString(1));
        }
        await using var history = new NpgsqlCommand(
            "INSERT INTO bpm.history_events (instance_id, at, type, element_id, data) VALUES (@instance, @at, @type, @element, @data::jsonb)", connection, transaction);
        history.Parameters.AddWithValue("instance", instanceId);
        history.Parameters.AddWithValue("at", now);
        history.Parameters.AddWithValue("type", historyType);
        history.Parameters.AddWithValue("element", elementId);
        history.Parameters.AddWithValue("data", JsonSerializer.Serialize(new { taskId, actor, assignee = newAssignee }));
        await history.ExecuteNonQueryAsync(cancellationToken);
        if (audit is not null)
        {
            await AuditLogWriter.AppendAsync(connection, transaction, audit, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string> WhyNotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string taskId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT status, assignee, owner FROM bpm.user_tasks WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", taskId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return $"Task '{taskId}' does not exist.";
        }
        var (status, assignee, owner) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return status != "open" ? $"Task '{taskId}' is {status}."
            : owner is not null ? $"Task '{taskId}' is delegated by {owner} to {assignee}."
            : assignee is not null ? $"Task '{taskId}' is held by {assignee}."
            : $"Task '{taskId}' is not assigned to anyone.";
    }
}
