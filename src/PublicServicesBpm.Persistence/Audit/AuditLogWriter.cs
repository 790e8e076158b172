using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace PublicServicesBpm.Persistence.Audit;

/// <summary>
/// Appends to the hash-chained audit log in ONE statement, inside the caller's transaction: it locks the chain
/// head, takes the next sequence, computes the hash in PostgreSQL from the previous one, inserts the entry and
/// moves the head. The entry commits or rolls back with the command it records; the row lock orders the chain.
/// </summary>
public static class AuditLogWriter
{
    private const string AppendSql = """
        WITH head AS (
            SELECT last_sequence + 1 AS sequence, last_hash FROM app.audit_chain_head WHERE id = 1 FOR UPDATE
        ), entry AS (
            INSERT INTO app.audit_log (sequence, at, actor_kind, actor_id, actor_name, action, target_type, target_id,
                dossier_id, ip_address, user_agent, outcome, details, canonical, previous_hash, hash)
            SELECT sequence, @at, @actor_kind, @actor_id, @actor_name, @action, @target_type, @target_id,
                @dossier_id, @ip_address, @user_agent, @outcome, @details, @canonical, last_hash,
                sha256(last_hash || int8send(sequence) || convert_to(@canonical, 'UTF8'))
            FROM head
            RETURNING sequence, hash
        )
        UPDATE app.audit_chain_head AS h SET last_sequence = entry.sequence, last_hash = entry.hash
        FROM entry WHERE h.id = 1
        RETURNING h.last_sequence
        """;

    /// <summary>Appends <paramref name="record"/> through the context's connection and current transaction; returns its sequence.</summary>
    public static async Task<long> AppendAsync(AppDbContext db, AuditRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            return await AppendAsync(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(), record, now, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Appends <paramref name="record"/> on an open connection, inside <paramref name="transaction"/> when given.</summary>
    public static async Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AppendSql, connection, transaction);
        command.Parameters.AddRange(Parameters(record, now));
        var sequence = await command.ExecuteScalarAsync(cancellationToken);
        return sequence is long value ? value : throw new InvalidOperationException("The audit chain head row (app.audit_chain_head id 1) is missing.");
    }

    /// <summary>The same append as one command of a batch (the engine adds it to its one-commit batch).</summary>
    public static NpgsqlBatchCommand BatchCommand(AuditRecord record, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(AppendSql);
        command.Parameters.AddRange(Parameters(record, now));
        return command;
    }

    private static NpgsqlParameter[] Parameters(AuditRecord record, DateTimeOffset now)
    {
        var at = AuditCanonical.Truncate(now);
        return
        [
            new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = at.UtcDateTime },
            Text("actor_kind", record.ActorKind),
            Text("actor_id", record.ActorId),
            Text("actor_name", record.ActorName),
            Text("action", record.Action),
            Text("target_type", record.TargetType),
            Text("target_id", record.TargetId),
            new NpgsqlParameter("dossier_id", NpgsqlDbType.Uuid) { Value = (object?)record.DossierId ?? DBNull.Value },
            Text("ip_address", record.IpAddress),
            Text("user_agent", record.UserAgent),
            Text("outcome", record.Outcome),
            Text("details", record.Details),
            Text("canonical", AuditCanonical.Serialize(at, record)),
        ];
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
