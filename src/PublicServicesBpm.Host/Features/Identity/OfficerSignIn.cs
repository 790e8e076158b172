using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>How a sign-in attempt ended, as the sign-in pages need to know it.</summary>
internal enum OfficerSignInResult
{
    SignedIn,

    /// <summary>Signed in, but the password was set by someone else: go to the change-password page first.</summary>
    MustChangePassword,

    RequiresTwoFactor,

    LockedOut,

    /// <summary>Wrong name, password or code, or a disabled account: one generic answer for all.</summary>
    Failed,

    /// <summary>The second step was reached without (or long after) the first: start again.</summary>
    SecondStepExpired,
}

/// <summary>
/// Officer sign-in (function H1): password with lockout, then the authenticator or a recovery code when two-factor
/// is on; disabled accounts refused with the same answer as a wrong password. Every attempt is in the audit log.
/// </summary>
internal sealed class OfficerSignIn(SignInManager<OfficerAccount> signInManager, UserManager<OfficerAccount> userManager, AuditTrail audit)
{
    /// <summary>The officer cookie's scheme (<see cref="IdentityConstants.ApplicationScheme"/>) as a constant, for attributes.</summary>
    public const string Scheme = "Identity.Application";

    private const string TargetType = "officer";
    private const int MaxAttemptedNameLength = 100;

    /// <summary>Signs in by user name or e-mail and password.</summary>
    public async Task<OfficerSignInResult> PasswordAsync(string login, string password, bool persistent, CancellationToken cancellationToken)
    {
        login = login.Trim();
        var user = await userManager.FindByNameAsync(login) ?? (login.Contains('@', StringComparison.Ordinal) ? await userManager.FindByEmailAsync(login) : null);
        if (user is null || user.DisabledAt is not null)
        {
            await RecordFailureAsync(login, user, user is null ? "unknown-account" : "disabled", cancellationToken);
            return OfficerSignInResult.Failed;
        }
        var wasLockedOut = await userManager.IsLockedOutAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        return await ConcludeAsync(result, user, login, wasLockedOut, "password", cancellationToken);
    }

    /// <summary>The second step: a 6-digit authenticator code, or (when <paramref name="recoveryCode"/>) a single-use recovery code.</summary>
    public async Task<OfficerSignInResult> SecondFactorAsync(string code, bool recoveryCode, bool persistent, CancellationToken cancellationToken)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return OfficerSignInResult.SecondStepExpired;
        }
        if (user.DisabledAt is not null)
        {
            await signInManager.SignOutAsync();
            await RecordFailureAsync(user.UserName ?? string.Empty, user, "disabled", cancellationToken);
            return OfficerSignInResult.Failed;
        }
        var normalized = new string([.. code.Where(c => !char.IsWhiteSpace(c))]);
        var wasLockedOut = await userManager.IsLockedOutAsync(user);
        var result = recoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(normalized)
            : await signInManager.TwoFactorAuthenticatorSignInAsync(normalized.Replace("-", string.Empty, StringComparison.Ordinal), persistent, rememberClient: false);
        return await ConcludeAsync(result, user, user.UserName ?? string.Empty, wasLockedOut, recoveryCode ? "recovery-code" : "authenticator", cancellationToken);
    }

    /// <summary>Ends the officer's session (all Identity cookies) and records it.</summary>
    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditActions.OfficerSignedOut, TargetType, user.FindFirstValue(ClaimTypes.NameIdentifier), actor: user, cancellationToken: cancellationToken);
        await signInManager.SignOutAsync();
    }

    /// <summary>Only a path on this site (never <c>//host</c> or <c>/\host</c>): anything else becomes <c>/</c>.</summary>
    public static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/'
        && !(returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";

    private async Task<OfficerSignInResult> ConcludeAsync(SignInResult result, OfficerAccount user, string login, bool wasLockedOut, string method, CancellationToken cancellationToken)
    {
        var accountId = user.Id.ToString("D");
        if (result.Succeeded)
        {
            var principal = await signInManager.CreateUserPrincipalAsync(user);
            await audit.RecordAsync(AuditActions.OfficerSignedIn, TargetType, accountId, details: new { method }, actor: principal, cancellationToken: cancellationToken);
            return user.MustChangePassword ? OfficerSignInResult.MustChangePassword : OfficerSignInResult.SignedIn;
        }
        if (result.RequiresTwoFactor)
        {
            return OfficerSignInResult.RequiresTwoFactor;
        }
        if (result.IsLockedOut)
        {
            if (wasLockedOut)
            {
                await RecordFailureAsync(login, user, "locked-out", cancellationToken);
            }
            else
            {
                await audit.RecordAsync(AuditActions.OfficerLockedOut, TargetType, accountId, outcome: AuditOutcome.Denied,
                    details: new { method, userName = user.UserName, until = user.LockoutEnd }, actor: Anonymous, cancellationToken: cancellationToken);
            }
            return OfficerSignInResult.LockedOut;
        }
        await RecordFailureAsync(login, user, "wrong-" + method, cancellationToken);
        return OfficerSignInResult.Failed;
    }

    /// <summary>A refused attempt: the target is the name that was typed (truncated); the account, when one matched, is in the details.</summary>
    private Task<long> RecordFailureAsync(string attemptedName, OfficerAccount? user, string reason, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditActions.OfficerSignInFailed, TargetType, Truncate(attemptedName), outcome: AuditOutcome.Denied,
            details: new { reason, accountId = user?.Id }, actor: Anonymous, cancellationToken: cancellationToken);

    private static string Truncate(string text) => text.Length <= MaxAttemptedNameLength ? text : text[..MaxAttemptedNameLength];

    /// <summary>Who acts before sign-in completes: nobody known (even if another officer's session is open in the browser).</summary>
    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());
}

internal static class OfficerSignInServices
{
    /// <summary>The officer sign-in service and the officer mailer (idempotent).</summary>
    public static IServiceCollection AddOfficerSignIn(this IServiceCollection services)
    {
        services.TryAddScoped<OfficerSignIn>();
        services.AddOfficerMail();
        return services;
    }
}
