namespace PublicServicesBpm.Persistence.Audit;

/// <summary>
/// One row of the append-only, hash-chained audit log: who did what, when, from where. <see cref="Canonical"/> is
/// the exact text that was hashed; the other columns repeat its fields for querying, and verification checks both.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3, … without gaps (assigned under the chain head's row lock, so a rollback leaves no hole).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><c>officer</c>, <c>applicant</c>, <c>partner</c>, <c>system</c> or <c>anonymous</c>.</summary>
    public string ActorKind { get; set; } = string.Empty;

    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    /// <summary>What happened, e.g. <c>account.created</c>, <c>grant.revoked</c>, <c>personal-data.read</c>.</summary>
    public string Action { get; set; } = string.Empty;

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>The dossier concerned, when there is one (for "who touched this dossier").</summary>
    public Guid? DossierId { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary><c>succeeded</c> or <c>denied</c>.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>Further facts as a JSON object (never secrets).</summary>
    public string? Details { get; set; }

    /// <summary>The canonical JSON of all fields above; the hashed text.</summary>
    public string Canonical { get; set; } = string.Empty;

    /// <summary>SHA-256 of the entry before (32 zero bytes for the first).</summary>
    public byte[] PreviousHash { get; set; } = [];

    /// <summary>SHA-256(previous hash ‖ sequence as 8 big-endian bytes ‖ UTF-8 of <see cref="Canonical"/>).</summary>
    public byte[] Hash { get; set; } = [];
}

/// <summary>The single row that holds the chain's last sequence and hash; appending locks it.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }

    public long LastSequence { get; set; }

    public byte[] LastHash { get; set; } = [];
}
