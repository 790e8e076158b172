namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// A citizen or business representative as the identity provider (VNeID / DVCQG, or the built-in development
/// provider) last described them: refreshed at each sign-in, used to prefill forms and to own dossiers.
/// </summary>
public sealed class ApplicantProfile
{
    public Guid Id { get; set; }

    /// <summary>The provider's issuer URL; with <see cref="Subject"/> it identifies the person.</summary>
    public string Issuer { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>Account type from the provider: <c>citizen</c> or <c>organization</c>.</summary>
    public string AccountType { get; set; } = "citizen";

    /// <summary>Số định danh cá nhân (12 digits) — personal data: reads are audited.</summary>
    public string? PersonalIdNumber { get; set; }

    public string FullName { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    public string? Gender { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>Identity assurance level the provider vouched for at the last sign-in (1 basic, 2 high).</summary>
    public int AssuranceLevel { get; set; }

    public DateTimeOffset FirstSignInAt { get; set; }

    public DateTimeOffset LastSignInAt { get; set; }
}
