namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// An account of the built-in development identity provider, which stands in for VNeID / DVCQG locally and in
/// tests. Production deployments sign citizens in at the national provider and keep no such rows.
/// </summary>
public sealed class CitizenAccount
{
    public Guid Id { get; set; }

    /// <summary>The stable, opaque <c>sub</c> claim.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>Số định danh cá nhân: 12 digits; the sign-in name, as at VNeID.</summary>
    public string PersonalIdNumber { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    /// <summary><c>male</c>, <c>female</c> or <c>other</c>.</summary>
    public string Gender { get; set; } = string.Empty;

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>1 (basic, self-registered) or 2 (verified in person / chip ID card).</summary>
    public int AssuranceLevel { get; set; }

    public string PasswordHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
