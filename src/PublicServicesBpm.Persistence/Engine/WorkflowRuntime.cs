using System.Text.Json.Nodes;
using Npgsql;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;

namespace PublicServicesBpm.Persistence.Engine;

/// <summary>
/// The one door through which commands reach process instances. Each command runs the interpreter on the
/// instance's current state and commits the new state and all its effects in ONE transaction. Two commands on
/// one instance never both apply on stale state: the loser sees a changed revision and is retried on fresh
/// state (or rejected when it no longer applies). A command with an idempotency key that was seen before
/// returns the first outcome and changes nothing.
/// </summary>
public sealed partial class WorkflowRuntime(
    NpgsqlDataSource dataSource, DefinitionCache definitions, TimeProvider clock, IBusinessCalendar calendar, ICommittedEffectsListener? listener = null,
    IEnumerable<ITransactionalServiceTaskHandler>? transactionalHandlers = null, IBusinessCalendarSource? calendars = null,
    IEnumerable<IEngineTransactionParticipant>? participants = null)
{
    private readonly IEngineTransactionParticipant[] _participants = (participants ?? []).ToArray();

    private const int MaxAttempts = 5;

    /// <summary>Starts an instance of the latest non-retired version of <paramref name="processKey"/>.</summary>
    /// <exception cref="EngineCommandException">No such process is deployed, or the business key is taken.</exception>
    public Task<CommandOutcome> StartAsync(string processKey, JsonObject? variables, string? businessKey, string? idempotencyKey, CancellationToken cancellationToken) =>
        StartAsync(processKey, variables, businessKey, idempotencyKey, audit: null, cancellationToken);

    /// <summary>Starts an instance and records <paramref name="audit"/> in the same commit (its target id defaults to the new instance).</summary>
    public Task<CommandOutcome> StartAsync(string processKey, JsonObject? variables, string? businessKey, string? idempotencyKey, AuditRecord? audit, CancellationToken cancellationToken) =>
        StartAsync(processKey, variables, businessKey, idempotencyKey, audit, alongside: null, cancellationToken);

    /// <summary>Starts an instance and runs <paramref name="alongside"/> in the same transaction.</summary>
    public Task<CommandOutcome> StartAsync(
        string processKey, JsonObject? variables, string? businessKey, string? idempotencyKey, AuditRecord? audit, AlongsideCommand? alongside, CancellationToken cancellationToken) =>
        RunAsync(idempotencyKey, audit, alongside, async (connection, transaction) =>
        {
            var (versionId, version) = await LatestVersionAsync(connection, transaction, processKey, cancellationToken);
            var definition = await definitions.GetAsync(connection, transaction, versionId, cancellationToken);
            var row = new InstanceRow(Guid.CreateVersion7(), versionId, businessKey, Revision: 0, StateJson: null);
            return (row, definition, new StartInstance(row.Id.ToString(), version, variables) as EngineCommand);
        }, cancellationToken);

    /// <summary>Applies a command to an existing instance.</summary>
    /// <exception cref="EngineCommandException">The instance does not exist or the command does not apply to it.</exception>
    public Task<CommandOutcome> ExecuteAsync(Guid instanceId, EngineCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        ExecuteAsync(instanceId, command, idempotencyKey, audit: null, cancellationToken);

    /// <summary>Applies a command and records <paramref name="audit"/> in the same commit.</summary>
    public Task<CommandOutcome> ExecuteAsync(Guid instanceId, EngineCommand command, string? idempotencyKey, AuditRecord? audit, CancellationToken cancellationToken) =>
        ExecuteAsync(instanceId, command, idempotencyKey, audit, alongside: null, cancellationToken);

    /// <summary>Applies a command and runs <paramref name="alongside"/> in the same transaction.</summary>
    public Task<CommandOutcome> ExecuteAsync(
        Guid instanceId, EngineCommand command, string? idempotencyKey, AuditRecord? audit, AlongsideCommand? alongside, CancellationToken cancellationToken) =>
        RunAsync(idempotencyKey, audit, alongside, async (connection, transaction) =>
        {
            var row = await LoadAsync(connection, transaction, instanceId, cancellationToken);
            return (row, await definitions.GetAsync(connection, transaction, row.DefinitionVersionId, cancellationToken), command);
        }, cancellationToken);

    /// <summary>Delivers a message to the one instance subscribed to its name and correlation key.</summary>
    /// <exception cref="EngineCommandException">No open subscription matches: the message is refused, not lost silently.</exception>
    public Task<CommandOutcome> CorrelateMessageAsync(string messageName, string? correlationKey, JsonObject? variables, string? idempotencyKey, CancellationToken cancellationToken) =>
        CorrelateMessageAsync(messageName, correlationKey, variables, idempotencyKey, audit: null, cancellationToken);

    /// <summary>Delivers a message and records <paramref name="audit"/> in the same commit.</summary>
    public Task<CommandOutcome> CorrelateMessageAsync(string messageName, string? correlationKey, JsonObject? variables, string? idempotencyKey, AuditRecord? audit, CancellationToken cancellationToken) =>
        CorrelateMessageAsync(messageName, correlationKey, variables, idempotencyKey, audit, alongside: null, cancellationToken);

    /// <summary>Delivers a message and runs <paramref name="alongside"/> in the same transaction.</summary>
    public Task<CommandOutcome> CorrelateMessageAsync(
        string messageName, string? correlationKey, JsonObject? variables, string? idempotencyKey, AuditRecord? audit, AlongsideCommand? alongside, CancellationToken cancellationToken) =>
        RunAsync(idempotencyKey, audit, alongside, async (connection, transaction) =>
        {
            await using var find = new NpgsqlCommand(
                "SELECT instance_id FROM bpm.message_subscriptions WHERE message_name = @name AND correlation_key = @key", connection, transaction);
            find.Parameters.AddWithValue("name", messageName);
            find.Parameters.AddWithValue("key", correlationKey ?? string.Empty);
            var instanceId = await find.ExecuteScalarAsync(cancellationToken) as Guid?
                ?? throw new EngineCommandException(CommandRejection.NotFound,
                    $"No process instance is waiting for message '{messageName}' with correlation key '{correlationKey}'.");
            var row = await LoadAsync(connection, transaction, instanceId, cancellationToken);
            var definition = await definitions.GetAsync(connection, transaction, row.DefinitionVersionId, cancellationToken);
            return (row, definition, new CorrelateMessage(messageName, correlationKey, variables) as EngineCommand);
        }, cancellationToken);

    internal delegate Task<(InstanceRow Row, PublicServicesBpm.Engine.Definitions.ProcessDefinition Definition, EngineCommand Command)> Prepare(
        NpgsqlConnection connection, NpgsqlTransaction transaction);

    internal Task<CommandOutcome> RunAsync(string? idempotencyKey, Prepare prepare, CancellationToken cancellationToken) =>
        RunAsync(idempotencyKey, audit: null, alongside: null, prepare, cancellationToken);

    internal async Task<CommandOutcome> RunAsync(string? idempotencyKey, AuditRecord? audit, AlongsideCommand? alongside, Prepare prepare, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (idempotencyKey is not null && await ReceiptAsync(connection, transaction, idempotencyKey, cancellationToken) is { } repeated)
            {
                return repeated;
            }
            var (row, definition, command) = await prepare(connection, transaction);
            var state = row.StateJson is null ? null : ProcessInstanceState.FromJson(row.StateJson);
            var now = clock.GetUtcNow();
            var environment = new ExecutionEnvironment(clock, await CalendarForAsync(state, command, cancellationToken));
            var result = ProcessInterpreter.Execute(definition, state, command, environment);
            result = await RunTransactionalHandlersAsync(connection, transaction, row, definition, result, environment, cancellationToken);
            await using var batch = EffectBatch.Build(connection, transaction, row, command, result, idempotencyKey, now, audit);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                if (row.Revision > 0 && batch.BatchCommands[0].RecordsAffected != 1)
                {
                    throw new ConcurrencyConflictException();
                }
                var outcome = new CommandOutcome(row.Id, result.State.Status, result.Effects, Repeated: false);
                if (alongside is not null)
                {
                    await alongside(connection, transaction, outcome, cancellationToken);
                }
                await NotifyParticipantsAsync(connection, transaction, [new InstanceEffects(row.Id, row.BusinessKey, result.Effects)], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                listener?.OnCommitted(row.Id, row.ParentCallId, WithoutSettledJobs(result.Effects));
                return outcome;
            }
            catch (Exception exception) when (attempt < MaxAttempts && IsRetryable(exception))
            {
                // Another command changed the instance (or took the same idempotency key) first: start again on fresh state.
                await transaction.RollbackAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                throw new EngineCommandException(CommandRejection.Conflict,
                    $"The process instance kept changing under {MaxAttempts} attempts of this command; try again.");
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new EngineCommandException(CommandRejection.Conflict, UniqueViolationMessage(exception));
            }
        }
    }

    private async Task NotifyParticipantsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<InstanceEffects> changes, CancellationToken cancellationToken)
    {
        foreach (var participant in _participants)
        {
            await participant.OnEffectsAsync(connection, transaction, changes, cancellationToken);
        }
    }

    /// <summary>
    /// The calendar of the agency handling the instance (variable <c>agencyCode</c>, or the start command's), else the
    /// runtime's default calendar.
    /// </summary>
    private async ValueTask<IBusinessCalendar> CalendarForAsync(ProcessInstanceState? state, EngineCommand command, CancellationToken cancellationToken)
    {
        if (calendars is null)
        {
            return calendar;
        }
        var variables = state?.Variables ?? (command as StartInstance)?.Variables;
        var agencyCode = variables?["agencyCode"] is JsonValue value && value.TryGetValue<string>(out var code) ? code : null;
        return await calendars.ForAgencyAsync(agencyCode, cancellationToken);
    }

    private static bool IsRetryable(Exception exception) =>
        exception is ConcurrencyConflictException
        || exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_command_receipts" };

    private static string UniqueViolationMessage(PostgresException exception) => exception.ConstraintName switch
    {
        "ix_process_instances_business_key" => "Another process instance already has this business key.",
        "ix_message_subscriptions_message_name_correlation_key" => "Another instance already waits for the same message and correlation key.",
        _ => $"The command conflicts with existing data ({exception.ConstraintName}).",
    };

    private static async Task<CommandOutcome?> ReceiptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT instance_id, status FROM bpm.command_receipts WHERE idempotency_key = @key
            """, connection, transaction);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            // Receipts written before their status was recorded have an empty status: report the instance as active.
            ? new CommandOutcome(reader.GetGuid(0), Enum.TryParse<InstanceStatus>(reader.GetString(1), ignoreCase: true, out var status) ? status : InstanceStatus.Active, [], Repeated: true)
            : null;
    }

    internal static async Task<InstanceRow> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid instanceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT definition_version_id, business_key, revision, state, parent_call_id FROM bpm.process_instances WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new EngineCommandException(CommandRejection.NotFound, $"Process instance {instanceId} does not exist.");
        }
        return new InstanceRow(instanceId, reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    internal static async Task<(Guid Id, int Version)> LatestVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string processKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, version FROM bpm.process_definition_versions WHERE key = @key AND retired_at IS NULL ORDER BY version DESC LIMIT 1", connection, transaction);
        command.Parameters.AddWithValue("key", processKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetGuid(0), reader.GetInt32(1))
            : throw new EngineCommandException(CommandRejection.NotFound, $"No deployed process has the key '{processKey}'.");
    }

    private sealed class ConcurrencyConflictException : Exception;

    internal sealed class NothingDueException : Exception;
}
