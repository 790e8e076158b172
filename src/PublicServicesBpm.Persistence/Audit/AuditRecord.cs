namespace PublicServicesBpm.Persistence.Audit;

/// <summary>What the caller wants recorded; the writer adds the time, the sequence and the hashes.</summary>
public sealed record AuditRecord(
    string ActorKind,
    string? ActorId,
    string? ActorName,
    string Action,
    string? TargetType = null,
    string? TargetId = null,
    Guid? DossierId = null,
    string? IpAddress = null,
    string? UserAgent = null,
    string Outcome = AuditOutcome.Succeeded,
    string? Details = null);

public static class AuditOutcome
{
    public const string Succeeded = "succeeded";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

public static class AuditActorKind
{
    public const string Officer = "officer";
    public const string Applicant = "applicant";
    public const string Partner = "partner";
    public const string System = "system";
    public const string Anonymous = "anonymous";
}
