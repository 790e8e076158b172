using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PublicServicesBpm.Host.UI.Pages.Account;

/// <summary>Identity's password errors (English, by code) as the officer's own language says them.</summary>
internal static class PasswordErrors
{
    public static IEnumerable<string> Describe(IEnumerable<IdentityError> errors, IStringLocalizer localizer, PasswordOptions policy) =>
        errors.Select(error => error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => localizer["PasswordTooShort", policy.RequiredLength].Value,
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => localizer["PasswordRequiresUniqueChars", policy.RequiredUniqueChars].Value,
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => localizer["PasswordRequiresDigit"].Value,
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => localizer["PasswordRequiresLower"].Value,
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => localizer["PasswordRequiresUpper"].Value,
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => localizer["PasswordRequiresNonAlphanumeric"].Value,
            nameof(IdentityErrorDescriber.PasswordMismatch) => localizer["PasswordCurrentWrong"].Value,
            nameof(IdentityErrorDescriber.InvalidToken) => localizer["ResetInvalidLink"].Value,
            _ => localizer["PasswordRejected"].Value,
        }).Distinct();
}
