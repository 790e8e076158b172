using System.Security.Cryptography;
using Npgsql;

namespace PublicServicesBpm.Persistence.Audit;

/// <summary>One problem found in the chain: at which sequence, and why.</summary>
public sealed record AuditChainProblem(long Sequence, string Reason);

/// <summary>The verdict: how many entries were checked, the head's hash (to anchor elsewhere), and every problem.</summary>
public sealed record AuditChainReport(long EntriesChecked, long HeadSequence, string HeadHash, IReadOnlyList<AuditChainProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Walks the audit log in sequence order and recomputes every hash. It detects an altered entry (hash or columns
/// differ from the canonical text), a deleted entry (a gap, or a head that points past the last row), and a
/// re-linked chain (previous-hash mismatch). Reads in pages so a long log needs little memory.
/// </summary>
public static class AuditChainVerifier
{
    private const int PageSize = 5_000;
    private const int MaxProblemsReported = 100;

    public static async Task<AuditChainReport> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the whole walk, so entries appended meanwhile do not look like a broken head.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var problems = new List<AuditChainProblem>();
        var expectedPrevious = new byte[32];
        long expectedSequence = 1;
        long checkedCount = 0;
        while (problems.Count < MaxProblemsReported)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT sequence, at, actor_kind, actor_id, actor_name, action, target_type, target_id, dossier_id,
                       ip_address, user_agent, outcome, details, canonical, previous_hash, hash
                FROM app.audit_log WHERE sequence >= @from ORDER BY sequence LIMIT @limit
                """, connection, transaction);
            command.Parameters.AddWithValue("from", expectedSequence);
            command.Parameters.AddWithValue("limit", PageSize);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    checkedCount++;
                    var sequence = reader.GetInt64(0);
                    if (sequence != expectedSequence)
                    {
                        problems.Add(new(expectedSequence, $"entries {expectedSequence}–{sequence - 1} are missing (deleted)"));
                    }
                    var canonical = reader.GetString(13);
                    var previous = (byte[])reader[14];
                    var hash = (byte[])reader[15];
                    if (!CryptographicOperations.FixedTimeEquals(previous, expectedPrevious))
                    {
                        problems.Add(new(sequence, "previous-hash does not match the entry before (chain re-linked or an entry removed)"));
                    }
                    if (!CryptographicOperations.FixedTimeEquals(AuditCanonical.Hash(previous, sequence, canonical), hash))
                    {
                        problems.Add(new(sequence, "hash does not match the entry's content (altered)"));
                    }
                    else if (ColumnsDiffer(reader, canonical) is { } column)
                    {
                        problems.Add(new(sequence, $"column '{column}' differs from the hashed content (altered)"));
                    }
                    expectedPrevious = hash;
                    expectedSequence = sequence + 1;
                }
            }
            if (rows < PageSize)
            {
                break;
            }
        }
        await using var headCommand = new NpgsqlCommand("SELECT last_sequence, last_hash FROM app.audit_chain_head WHERE id = 1", connection, transaction);
        await using var head = await headCommand.ExecuteReaderAsync(cancellationToken);
        if (!await head.ReadAsync(cancellationToken))
        {
            problems.Add(new(0, "the chain head row is missing"));
            return new(checkedCount, 0, string.Empty, problems);
        }
        var headSequence = head.GetInt64(0);
        var headHash = (byte[])head[1];
        if (headSequence != expectedSequence - 1)
        {
            problems.Add(new(headSequence, $"the head says the last entry is {headSequence} but the log ends at {expectedSequence - 1} (entries deleted or head altered)"));
        }
        else if (!CryptographicOperations.FixedTimeEquals(headHash, expectedPrevious))
        {
            problems.Add(new(headSequence, "the head's hash does not match the last entry"));
        }
        return new(checkedCount, headSequence, Convert.ToHexStringLower(headHash), problems);
    }

    private static string? ColumnsDiffer(NpgsqlDataReader reader, string canonical)
    {
        var (at, record) = AuditCanonical.Parse(canonical);
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        if (reader.GetFieldValue<DateTimeOffset>(1) != at)
        {
            return "at";
        }
        (string Name, string? Stored, string? Hashed)[] columns =
        [
            ("actor_kind", Text(2), record.ActorKind), ("actor_id", Text(3), record.ActorId), ("actor_name", Text(4), record.ActorName),
            ("action", Text(5), record.Action), ("target_type", Text(6), record.TargetType), ("target_id", Text(7), record.TargetId),
            ("dossier_id", reader.IsDBNull(8) ? null : reader.GetGuid(8).ToString("D"), record.DossierId?.ToString("D")),
            ("ip_address", Text(9), record.IpAddress), ("user_agent", Text(10), record.UserAgent),
            ("outcome", Text(11), record.Outcome), ("details", Text(12), record.Details),
        ];
        return columns.FirstOrDefault(c => !string.Equals(c.Stored, c.Hashed, StringComparison.Ordinal)).Name;
    }
}
