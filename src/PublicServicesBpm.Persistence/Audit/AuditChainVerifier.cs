using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace PublicServicesBpm.Persistence.Audit;

/// <summary>
/// One problem found in the chain: at which sequence, and why (<see cref="Reason"/> in English for logs and the
/// command line; <see cref="Kind"/> and <see cref="Arguments"/> for a translated message).
/// </summary>
public sealed record AuditChainProblem(long Sequence, string Reason)
{
    /// <summary>One of <see cref="AuditChainProblemKind"/>.</summary>
    public string Kind { get; init; } = AuditChainProblemKind.Altered;

    /// <summary>The values the reason names (a column, sequence numbers), in the order the kind documents.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}

/// <summary>What kind of problem an <see cref="AuditChainProblem"/> is.</summary>
public static class AuditChainProblemKind
{
    /// <summary>Entries are absent. Arguments: first and last missing sequence.</summary>
    public const string Missing = "missing";

    /// <summary>The entry does not point at the hash of the entry before it.</summary>
    public const string Relinked = "relinked";

    /// <summary>The stored hash is not the hash of the entry's canonical text.</summary>
    public const string Altered = "altered";

    /// <summary>A column differs from the canonical text. Arguments: the column.</summary>
    public const string ColumnAltered = "column-altered";

    /// <summary>The canonical text is not a canonical entry.</summary>
    public const string CanonicalInvalid = "canonical-invalid";

    /// <summary>The entry's hash differs from an anchor kept outside the database.</summary>
    public const string AnchorMismatch = "anchor-mismatch";

    /// <summary>An anchored entry no longer exists.</summary>
    public const string AnchorMissing = "anchor-missing";

    /// <summary>The head names another last entry than the log's. Arguments: the head's sequence, the log's last.</summary>
    public const string HeadMismatch = "head-mismatch";

    /// <summary>The head's hash is not the last entry's.</summary>
    public const string HeadHashMismatch = "head-hash-mismatch";

    /// <summary>The chain head row is gone.</summary>
    public const string HeadMissing = "head-missing";

    /// <summary>Too many problems; the walk stopped. Arguments: the limit.</summary>
    public const string Stopped = "stopped";
}

/// <summary>The verdict: how many entries were checked, the head's hash (to anchor elsewhere), and every problem.</summary>
public sealed record AuditChainReport(long EntriesChecked, long HeadSequence, string HeadHash, IReadOnlyList<AuditChainProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// A hash recorded outside the database (e.g. the head printed by <c>audit verify</c>, kept in the operator's log):
/// entry <see cref="Sequence"/> must still exist and still have this hash.
/// </summary>
public sealed record AuditChainAnchor(long Sequence, byte[] Hash)
{
    /// <summary>Reads <c>sequence:hex</c> (the hash as 64 hex digits); false when the text is not one.</summary>
    public static bool TryParse(string text, out AuditChainAnchor anchor)
    {
        anchor = new(0, []);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1
            || text.Length - colon - 1 != 64)
        {
            return false;
        }
        try
        {
            anchor = new(sequence, Convert.FromHexString(text.AsSpan(colon + 1)));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// Walks the audit log in sequence order and recomputes every hash. It detects an altered entry (hash or columns
/// differ from the canonical text), a deleted entry (a gap, or a head that points past the last row), and a
/// re-linked chain (previous-hash mismatch). Anchors kept outside the database also catch a chain rewritten
/// consistently from some entry up to the head. Reads in pages so a long log needs little memory.
/// </summary>
public static class AuditChainVerifier
{
    private const int PageSize = 5_000;
    private const int MaxProblemsReported = 100;

    public static Task<AuditChainReport> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        VerifyAsync(dataSource, [], cancellationToken);

    public static async Task<AuditChainReport> VerifyAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<AuditChainAnchor> anchors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(anchors);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the whole walk, so entries appended meanwhile do not look like a broken head.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var walk = new Walk(anchors);
        while (!walk.Stopped)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT sequence, at, actor_kind, actor_id, actor_name, action, target_type, target_id, dossier_id,
                       ip_address, user_agent, outcome, details, canonical, previous_hash, hash
                FROM app.audit_log WHERE sequence >= @from ORDER BY sequence LIMIT @limit
                """, connection, transaction);
            command.Parameters.AddWithValue("from", walk.ExpectedSequence);
            command.Parameters.AddWithValue("limit", PageSize);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (!walk.Stopped && await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    walk.Check(reader);
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
            walk.Add(0, AuditChainProblemKind.HeadMissing, "the chain head row is missing");
            return new(walk.CheckedCount, 0, string.Empty, walk.Problems);
        }
        var headSequence = head.GetInt64(0);
        var headHash = (byte[])head[1];
        if (walk.Stopped)
        {
            // The walk ended early, so the head cannot be compared with the last entry.
            walk.Add(walk.ExpectedSequence, AuditChainProblemKind.Stopped, $"more than {MaxProblemsReported} problems: verification stopped here", MaxProblemsReported);
        }
        else
        {
            walk.CheckHead(headSequence, headHash);
        }
        return new(walk.CheckedCount, headSequence, Convert.ToHexStringLower(headHash), walk.Problems);
    }

    /// <summary>The state of one walk along the chain.</summary>
    private sealed class Walk(IReadOnlyCollection<AuditChainAnchor> anchors)
    {
        private readonly Dictionary<long, byte[]> _anchors = anchors.GroupBy(a => a.Sequence).ToDictionary(g => g.Key, g => g.First().Hash);
        private byte[] _expectedPrevious = new byte[32];

        public List<AuditChainProblem> Problems { get; } = [];

        public long ExpectedSequence { get; private set; } = 1;

        public long CheckedCount { get; private set; }

        public bool Stopped => Problems.Count >= MaxProblemsReported;

        public void Add(long sequence, string kind, string reason, params long[] arguments) =>
            Problems.Add(new(sequence, reason) { Kind = kind, Arguments = [.. arguments.Select(a => a.ToString(CultureInfo.InvariantCulture))] });

        private void AddColumn(long sequence, string column) =>
            Problems.Add(new(sequence, $"column '{column}' differs from the hashed content (altered)") { Kind = AuditChainProblemKind.ColumnAltered, Arguments = [column] });

        public void Check(NpgsqlDataReader reader)
        {
            CheckedCount++;
            var sequence = reader.GetInt64(0);
            if (sequence != ExpectedSequence)
            {
                Add(ExpectedSequence, AuditChainProblemKind.Missing, sequence - 1 == ExpectedSequence
                    ? $"entry {ExpectedSequence} is missing (deleted)"
                    : $"entries {ExpectedSequence}–{sequence - 1} are missing (deleted)", ExpectedSequence, sequence - 1);
                foreach (var missing in _anchors.Keys.Where(a => a >= ExpectedSequence && a < sequence).Order())
                {
                    Add(missing, AuditChainProblemKind.AnchorMissing, "the anchored entry is missing (deleted)");
                }
            }
            var canonical = reader.GetString(13);
            var previous = (byte[])reader[14];
            var hash = (byte[])reader[15];
            if (!CryptographicOperations.FixedTimeEquals(previous, _expectedPrevious))
            {
                Add(sequence, AuditChainProblemKind.Relinked, "previous-hash does not match the entry before (chain re-linked, or an entry before it removed or rewritten)");
            }
            if (!CryptographicOperations.FixedTimeEquals(AuditCanonical.Hash(previous, sequence, canonical), hash))
            {
                Add(sequence, AuditChainProblemKind.Altered, "hash does not match the entry's content (altered)");
            }
            else if (ColumnsDiffer(reader, canonical) is { } column)
            {
                if (column.Length == 0)
                {
                    Add(sequence, AuditChainProblemKind.CanonicalInvalid, "the hashed content is not a valid canonical entry (altered)");
                }
                else
                {
                    AddColumn(sequence, column);
                }
            }
            if (_anchors.Remove(sequence, out var anchored) && !CryptographicOperations.FixedTimeEquals(anchored, hash))
            {
                Add(sequence, AuditChainProblemKind.AnchorMismatch, "hash differs from the anchored value (the chain was rewritten from this entry or an earlier one)");
            }
            _expectedPrevious = hash;
            ExpectedSequence = sequence + 1;
        }

        public void CheckHead(long headSequence, byte[] headHash)
        {
            var last = ExpectedSequence - 1;
            foreach (var beyond in _anchors.Keys.Where(a => a > last).Order())
            {
                Add(beyond, AuditChainProblemKind.AnchorMissing, $"the anchored entry is missing: the log ends at {last} (entries removed and the head rewritten)");
            }
            if (headSequence != last)
            {
                Add(headSequence, AuditChainProblemKind.HeadMismatch, $"the head says the last entry is {headSequence} but the log ends at {last} (entries deleted or head altered)", headSequence, last);
            }
            else if (!CryptographicOperations.FixedTimeEquals(headHash, _expectedPrevious))
            {
                Add(headSequence, AuditChainProblemKind.HeadHashMismatch, "the head's hash does not match the last entry");
            }
        }
    }

    /// <summary>The first column whose value differs from the canonical text; "" when the text cannot be read; null when all agree.</summary>
    private static string? ColumnsDiffer(NpgsqlDataReader reader, string canonical)
    {
        DateTimeOffset at;
        AuditRecord record;
        try
        {
            (at, record) = AuditCanonical.Parse(canonical);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return string.Empty;
        }
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
