using System.Text.Json.Nodes;
using Npgsql;
using PublicServicesBpm.Engine.Definitions;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// Settles call activities after their caller's command committed (rows in <c>bpm.called_processes</c>): starts the
/// child on the version its binding names, reports the child's end back to the caller (CompleteCallActivity, or
/// FailCallActivity when it was cancelled), and cancels the child when the caller stopped waiting. Each step is one
/// engine command; running a step twice has no second effect.
/// </summary>
public sealed class CalledProcesses(NpgsqlDataSource dataSource, WorkflowRuntime runtime, DefinitionCache definitions)
{
    /// <summary>The BPMN error code thrown in the caller when the called process cannot be found.</summary>
    public const string NotFoundErrorCode = "called-process-not-found";

    /// <summary>The BPMN error code thrown in the caller when its child was cancelled.</summary>
    public const string CancelledErrorCode = "called-process-cancelled";

    public async Task SettleAsync(string callId, CancellationToken cancellationToken)
    {
        if (await ReadAsync(callId, cancellationToken) is not { } call)
        {
            return;
        }
        if (call.Cancelled)
        {
            await CancelChildAsync(call, cancellationToken);
        }
        else if (call.ChildEnded)
        {
            EngineCommand report = call.ChildStatus == "cancelled"
                ? new FailCallActivity(callId, CancelledErrorCode)
                : new CompleteCallActivity(callId, call.ChildVariables);
            await ReportAsync(call, report, "call-ended:" + callId, cancellationToken);
        }
        else if (call.ChildInstanceId is null)
        {
            try
            {
                await StartChildAsync(callId, cancellationToken);
            }
            catch (CalledProcessNotFoundException)
            {
                // The caller gets a BPMN error it may catch; uncaught, it becomes an incident there.
                await ReportAsync(call, new FailCallActivity(callId, NotFoundErrorCode), "call-failed:" + callId, cancellationToken);
            }
        }
    }

    private sealed record Call(string CallId, Guid ParentInstanceId, Guid? ChildInstanceId, bool Cancelled, bool ChildEnded, string? ChildStatus, JsonObject? ChildVariables);

    private async Task<Call?> ReadAsync(string callId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT parent_instance_id, child_instance_id, cancelled, child_ended_at IS NOT NULL, child_status, child_variables
            FROM bpm.called_processes WHERE call_id = @call
            """);
        command.Parameters.AddWithValue("call", callId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new Call(callId, reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetBoolean(2), reader.GetBoolean(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : JsonNode.Parse(reader.GetString(5)) as JsonObject);
    }

    private async Task StartChildAsync(string callId, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.RunAsync(idempotencyKey: null, async (connection, transaction) =>
            {
                // The row lock makes a second settler wait, then find the child already started.
                await using var read = new NpgsqlCommand("""
                    SELECT c.called_process_key, c.binding, c.version, c.variables, c.parent_instance_id
                    FROM bpm.called_processes c WHERE c.call_id = @call AND c.child_instance_id IS NULL AND NOT c.cancelled FOR UPDATE
                    """, connection, transaction);
                read.Parameters.AddWithValue("call", callId);
                string key, binding;
                int? version;
                JsonObject variables;
                Guid parent;
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                {
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        throw new WorkflowRuntime.NothingDueException();
                    }
                    (key, binding, version, parent) = (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetGuid(4));
                    variables = JsonNode.Parse(reader.GetString(3)) as JsonObject ?? [];
                }
                var (versionId, versionNumber) = await ResolveAsync(connection, transaction, key, Enum.Parse<CallBinding>(binding), version, parent, cancellationToken);
                var definition = await definitions.GetAsync(connection, transaction, versionId, cancellationToken);
                var row = new InstanceRow(Guid.CreateVersion7(), versionId, BusinessKey: null, Revision: 0, StateJson: null, ParentCallId: callId);
                return (row, definition, new StartInstance(row.Id.ToString(), versionNumber, variables) as EngineCommand);
            }, cancellationToken);
        }
        catch (WorkflowRuntime.NothingDueException)
        {
            // Started meanwhile by another settler, or cancelled: nothing to do.
        }
    }

    private static async Task<(Guid Id, int Version)> ResolveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string key, CallBinding binding, int? version, Guid parent, CancellationToken cancellationToken)
    {
        var sql = binding switch
        {
            CallBinding.Latest => "SELECT id, version FROM bpm.process_definition_versions WHERE key = @key AND retired_at IS NULL ORDER BY version DESC LIMIT 1",
            CallBinding.Version => "SELECT id, version FROM bpm.process_definition_versions WHERE key = @key AND version = @version",
            // Deployed together with the caller: the newest version of the called key deployed no later than the caller's version.
            CallBinding.Deployment => """
                SELECT v.id, v.version FROM bpm.process_definition_versions v
                WHERE v.key = @key AND v.deployed_at <= (SELECT d.deployed_at FROM bpm.process_instances i JOIN bpm.process_definition_versions d ON d.id = i.definition_version_id WHERE i.id = @parent)
                ORDER BY v.version DESC LIMIT 1
                """,
            _ => throw new CalledProcessNotFoundException($"Binding {binding} is not supported yet: version tags are not recorded at deployment."),
        };
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("version", (object?)version ?? DBNull.Value);
        command.Parameters.AddWithValue("parent", parent);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetGuid(0), reader.GetInt32(1))
            : throw new CalledProcessNotFoundException($"No deployed version of process '{key}' matches binding {binding}{(version is null ? "" : $" {version}")}.");
    }

    private async Task ReportAsync(Call call, EngineCommand report, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.ExecuteAsync(call.ParentInstanceId, report, idempotencyKey, cancellationToken);
        }
        catch (EngineCommandException exception) when (exception.Reason == CommandRejection.NotFound)
        {
            // The caller no longer waits for this call: close it.
            await DeleteAsync(call.CallId, cancellationToken);
        }
    }

    private async Task CancelChildAsync(Call call, CancellationToken cancellationToken)
    {
        if (call.ChildInstanceId is { } child && !call.ChildEnded)
        {
            try
            {
                await runtime.ExecuteAsync(child, new CancelInstance("The calling process no longer waits for it."), "call-cancelled:" + call.CallId, cancellationToken);
            }
            catch (EngineCommandException)
            {
                // Already ended: nothing to cancel.
            }
        }
        await DeleteAsync(call.CallId, cancellationToken);
    }

    private async Task DeleteAsync(string callId, CancellationToken cancellationToken)
    {
        await using var delete = dataSource.CreateCommand("DELETE FROM bpm.called_processes WHERE call_id = @call");
        delete.Parameters.AddWithValue("call", callId);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class CalledProcessNotFoundException(string message) : Exception(message);
}
