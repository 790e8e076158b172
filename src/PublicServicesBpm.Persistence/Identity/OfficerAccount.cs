using Microsoft.AspNetCore.Identity;

namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// An officer's sign-in account (ASP.NET Core Identity user; password hash, lockout, two-factor key, security stamp).
/// What the officer may do comes from <see cref="RoleGrant"/> rows, each for one agency and period.
/// </summary>
public sealed class OfficerAccount : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an administrator disables the account: no sign-in, grants kept for the record.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The password was set by someone else (first account, reset by an administrator): change it at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
