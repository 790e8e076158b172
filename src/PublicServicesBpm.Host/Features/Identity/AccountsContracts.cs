namespace PublicServicesBpm.Host.Features.Identity;

// Requests and responses of the account administration API (and the administrator pages, which use the same
// service). Request fields are nullable so that a missing field is a validation error naming it, not a 400
// without explanation.

/// <summary>A new officer account. The temporary password is generated, never chosen by the administrator.</summary>
internal sealed record CreateAccountRequest(string? UserName, string? FullName, string? Email, string? PhoneNumber);

/// <summary>Replaces the officer's name and contact details (the user name never changes).</summary>
internal sealed record UpdateAccountRequest(string? FullName, string? Email, string? PhoneNumber);

/// <summary>A role at an agency; <c>validFrom</c> defaults to now, <c>validUntil</c> (exclusive) to open-ended.</summary>
internal sealed record AddGrantRequest(string? Role, string? AgencyCode, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

internal sealed record RevokeGrantRequest(string? Reason);

/// <summary>Moves the officer's roles from one agency to another at <c>effectiveAt</c> (default now).</summary>
internal sealed record TransferAccountRequest(string? FromAgencyCode, string? ToAgencyCode, DateTimeOffset? EffectiveAt);

/// <summary>The search of the account list; every filter is optional.</summary>
internal sealed record AccountSearch(string? Text = null, string? AgencyCode = null, string? Role = null, string? Status = null, int Page = 1, int PageSize = AccountSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

/// <summary>Account status names in the API: <c>active</c> or <c>disabled</c>.</summary>
internal static class AccountStatus
{
    public const string Active = "active";
    public const string Disabled = "disabled";
}

/// <summary>Grant status names: <c>active</c>, <c>scheduled</c> (starts later), <c>expired</c>, <c>revoked</c>.</summary>
internal static class GrantStatus
{
    public const string Active = "active";
    public const string Scheduled = "scheduled";
    public const string Expired = "expired";
    public const string Revoked = "revoked";
}

/// <summary>A role the officer holds now, at an agency.</summary>
internal sealed record GrantSummary(string Role, string AgencyCode);

/// <summary>One row of the account list: no e-mail or phone number, so listing is not a read of personal data.</summary>
internal sealed record AccountSummary(Guid Id, string UserName, string FullName, string Status, bool MustChangePassword, IReadOnlyList<GrantSummary> ActiveGrants);

internal sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Page, int PageSize, int Total);

/// <summary>One officer account, with its contact details (reading them is recorded in the audit log).</summary>
internal sealed record AccountDetails(
    Guid Id,
    string UserName,
    string FullName,
    string? Email,
    string? PhoneNumber,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    bool MustChangePassword,
    bool TwoFactorEnabled);

/// <summary>The result of creating an account or resetting its password: the temporary password, shown this once only.</summary>
internal sealed record AccountWithPassword(AccountDetails Account, string TemporaryPassword);

/// <summary>One grant in the account's history, with its status now.</summary>
internal sealed record GrantView(
    Guid Id,
    string Role,
    string AgencyCode,
    string AgencyName,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    DateTimeOffset GrantedAt,
    Guid? GrantedBy,
    DateTimeOffset? RevokedAt,
    Guid? RevokedBy,
    string? RevocationReason,
    string Status);

/// <summary>What a transfer did: the grants it ended at the source agency and those it created at the target.</summary>
internal sealed record TransferResult(IReadOnlyList<GrantView> Ended, IReadOnlyList<GrantView> Created);

internal sealed record AgencyView(string Code, string Name, string? ParentCode);
