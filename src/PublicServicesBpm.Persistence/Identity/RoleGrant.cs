namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// One role of one officer at one agency for a period. Grants are never deleted: revoking sets
/// <see cref="RevokedAt"/>, so who could do what, when, stays answerable.
/// </summary>
public sealed class RoleGrant
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>One of <see cref="OfficerRole.All"/>.</summary>
    public string Role { get; set; } = string.Empty;

    public DateTimeOffset ValidFrom { get; set; }

    /// <summary>Exclusive end of validity; null for open-ended.</summary>
    public DateTimeOffset? ValidUntil { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public Guid? GrantedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }

    public bool IsActiveAt(DateTimeOffset instant) =>
        RevokedAt is null && ValidFrom <= instant && (ValidUntil is null || instant < ValidUntil);
}
