using System.Text.RegularExpressions;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// The shape rules of account requests (what the database and the pages can hold). Rules that need the
/// database — a taken user name, an unknown agency — are checked by the services.
/// </summary>
internal static partial class AccountsValidation
{
    public const int MaxUserNameLength = 64;
    public const int MaxFullNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxPhoneLength = 20;
    public const int MaxReasonLength = 500;
    public const int MaxAgencyCodeLength = 32;
    public const int MaxSearchTextLength = 200;

    public static List<AdminError> Create(CreateAccountRequest request)
    {
        var errors = new List<AdminError>();
        var userName = request.UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            errors.Add(new("userName", "UserNameRequired", "The user name is required."));
        }
        else if (userName.Length > MaxUserNameLength || !UserNamePattern().IsMatch(userName))
        {
            errors.Add(new("userName", "UserNameInvalid",
                $"The user name must be 3 to {MaxUserNameLength} characters: lowercase letters a-z, digits, '.', '_' or '-', beginning and ending with a letter or digit."));
        }
        AddContactErrors(errors, request.FullName, request.Email, request.PhoneNumber);
        return errors;
    }

    public static List<AdminError> Update(UpdateAccountRequest request)
    {
        var errors = new List<AdminError>();
        AddContactErrors(errors, request.FullName, request.Email, request.PhoneNumber);
        return errors;
    }

    public static List<AdminError> Search(AccountSearch search)
    {
        var errors = new List<AdminError>();
        if (search.Page < 1)
        {
            errors.Add(new("page", "PageInvalid", "The page number starts at 1."));
        }
        if (search.PageSize is < 1 or > AccountSearch.MaxPageSize)
        {
            errors.Add(new("pageSize", "PageSizeInvalid", $"The page size must be between 1 and {AccountSearch.MaxPageSize}."));
        }
        if (search.Text is { Length: > MaxSearchTextLength })
        {
            errors.Add(new("text", "SearchTextTooLong", $"The search text can be at most {MaxSearchTextLength} characters."));
        }
        if (!string.IsNullOrEmpty(search.Role) && !OfficerRole.All.Contains(search.Role))
        {
            errors.Add(UnknownRole("role"));
        }
        if (!string.IsNullOrEmpty(search.Status) && search.Status is not (AccountStatus.Active or AccountStatus.Disabled))
        {
            errors.Add(new("status", "StatusInvalid", "The status must be 'active' or 'disabled'."));
        }
        if (search.AgencyCode is { Length: > MaxAgencyCodeLength })
        {
            errors.Add(new("agencyCode", "AgencyCodeTooLong", $"An agency code has at most {MaxAgencyCodeLength} characters."));
        }
        return errors;
    }

    public static AdminError UnknownRole(string field) =>
        new(field, "RoleUnknown", $"Unknown role. Roles: {string.Join(", ", OfficerRole.All)}.");

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void AddContactErrors(List<AdminError> errors, string? fullName, string? email, string? phone)
    {
        var name = Clean(fullName);
        if (name is null)
        {
            errors.Add(new("fullName", "FullNameRequired", "The full name is required."));
        }
        else if (name.Length > MaxFullNameLength)
        {
            errors.Add(new("fullName", "FullNameTooLong", $"The full name can be at most {MaxFullNameLength} characters."));
        }
        var address = Clean(email);
        if (address is null)
        {
            errors.Add(new("email", "EmailRequired", "The e-mail address is required."));
        }
        else if (address.Length > MaxEmailLength || !EmailPattern().IsMatch(address))
        {
            errors.Add(new("email", "EmailInvalid", "The e-mail address is not valid (for example: ten.ho@example.gov.vn)."));
        }
        var number = Clean(phone);
        if (number is not null && (number.Length > MaxPhoneLength || !PhonePattern().IsMatch(number)))
        {
            errors.Add(new("phoneNumber", "PhoneInvalid", $"The phone number must be 8 to {MaxPhoneLength} characters: digits, spaces, '.', '-' and an optional leading '+'."));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is proven by use, not by a regex.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 .-]{6,18}[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
