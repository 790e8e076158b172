using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// Officer account administration (function H1), used by the API and the administrator pages alike. Each command
/// runs in one transaction on the request's <see cref="AppDbContext"/> — the one Identity's user store and the
/// audit trail also write through — so the change and its audit entry commit together or not at all.
/// </summary>
internal sealed class AccountsService(AppDbContext db, UserManager<OfficerAccount> users, AuditTrail audit, TimeProvider clock)
{
    public const string AuditTargetType = "officer-account";

    private static readonly string[] s_personalFields = ["email", "phoneNumber"];

    /// <summary>The request's service (from the container when registered there, otherwise built on its scoped parts).</summary>
    public static AccountsService For(IServiceProvider services) => ActivatorUtilities.GetServiceOrCreateInstance<AccountsService>(services);

    /// <summary>The account with its contact details; records the read of personal data. Null when there is none.</summary>
    public async Task<AccountDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return null;
        }
        await audit.RecordPersonalDataReadAsync(AuditTargetType, id.ToString("D"), details: new { fields = s_personalFields }, cancellationToken: cancellationToken);
        return Details(account);
    }

    public async Task<AdminOutcome<AccountWithPassword>> CreateAsync(CreateAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = AccountsValidation.Create(request);
        if (errors.Count > 0)
        {
            return AdminOutcome<AccountWithPassword>.Invalid(errors);
        }
        var userName = request.UserName!.Trim();
        var email = AccountsValidation.Clean(request.Email)!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.FindByNameAsync(userName) is not null)
        {
            return UserNameTaken<AccountWithPassword>();
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return EmailTaken<AccountWithPassword>();
        }
        var account = new OfficerAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            Email = email,
            PhoneNumber = AccountsValidation.Clean(request.PhoneNumber),
            FullName = AccountsValidation.Clean(request.FullName)!,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = true,
        };
        var password = AccountsPasswords.Temporary();
        var failure = await SaveAsync<AccountWithPassword>(() => users.CreateAsync(account, password));
        if (failure is not null)
        {
            return failure;
        }
        await audit.RecordAsync(AuditActions.AccountCreated, AuditTargetType, account.Id.ToString("D"), details: new { userName }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<AccountWithPassword>.Success(new AccountWithPassword(Details(account), password));
    }

    public async Task<AdminOutcome<AccountDetails>> UpdateAsync(Guid id, UpdateAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = AccountsValidation.Update(request);
        if (errors.Count > 0)
        {
            return AdminOutcome<AccountDetails>.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await users.FindByIdAsync(id.ToString("D"));
        if (account is null)
        {
            return AccountNotFound<AccountDetails>();
        }
        var email = AccountsValidation.Clean(request.Email)!;
        if (await users.FindByEmailAsync(email) is { } holder && holder.Id != id)
        {
            return EmailTaken<AccountDetails>();
        }
        var phone = AccountsValidation.Clean(request.PhoneNumber);
        var fullName = AccountsValidation.Clean(request.FullName)!;
        // Field names only: the audit log says what changed, not the personal data itself.
        var changed = new List<string>();
        if (account.FullName != fullName)
        {
            changed.Add("fullName");
        }
        if (!string.Equals(account.Email, email, StringComparison.Ordinal))
        {
            changed.Add("email");
            account.EmailConfirmed = false;
        }
        if (account.PhoneNumber != phone)
        {
            changed.Add("phoneNumber");
        }
        account.FullName = fullName;
        account.Email = email;
        account.PhoneNumber = phone;
        var failure = await SaveAsync<AccountDetails>(() => users.UpdateAsync(account));
        if (failure is not null)
        {
            return failure;
        }
        await audit.RecordAsync(AuditActions.AccountUpdated, AuditTargetType, id.ToString("D"), details: new { changed }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<AccountDetails>.Success(Details(account));
    }

    /// <summary>
    /// Disables the account: no sign-in (locked out for good), and a new security stamp so that open sessions end
    /// at their next stamp check (within a minute); every request already re-reads the account's state.
    /// </summary>
    public async Task<AdminOutcome<AccountDetails>> DisableAsync(Guid id, Guid actorId, CancellationToken cancellationToken)
    {
        if (id == actorId)
        {
            return AdminOutcome<AccountDetails>.Conflict("CannotDisableSelf", "An administrator cannot disable their own account.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await users.FindByIdAsync(id.ToString("D"));
        if (account is null)
        {
            return AccountNotFound<AccountDetails>();
        }
        if (account.DisabledAt is not null)
        {
            return AdminOutcome<AccountDetails>.Conflict("AlreadyDisabled", "The account is already disabled.");
        }
        account.DisabledAt = clock.GetUtcNow();
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        var failure = await SaveAsync<AccountDetails>(() => users.UpdateSecurityStampAsync(account));
        if (failure is not null)
        {
            return failure;
        }
        await audit.RecordAsync(AuditActions.AccountDisabled, AuditTargetType, id.ToString("D"), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<AccountDetails>.Success(Details(account));
    }

    public async Task<AdminOutcome<AccountDetails>> EnableAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await users.FindByIdAsync(id.ToString("D"));
        if (account is null)
        {
            return AccountNotFound<AccountDetails>();
        }
        if (account.DisabledAt is null)
        {
            return AdminOutcome<AccountDetails>.Conflict("NotDisabled", "The account is not disabled.");
        }
        account.DisabledAt = null;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        var failure = await SaveAsync<AccountDetails>(() => users.UpdateAsync(account));
        if (failure is not null)
        {
            return failure;
        }
        await audit.RecordAsync(AuditActions.AccountEnabled, AuditTargetType, id.ToString("D"), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<AccountDetails>.Success(Details(account));
    }

    /// <summary>A new temporary password (returned this once), to be changed at the next sign-in; open sessions end.</summary>
    public async Task<AdminOutcome<AccountWithPassword>> ResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await users.FindByIdAsync(id.ToString("D"));
        if (account is null)
        {
            return AccountNotFound<AccountWithPassword>();
        }
        var password = AccountsPasswords.Temporary();
        account.MustChangePassword = true;
        if (account.DisabledAt is null)
        {
            // A reset also lifts a lockout earned by failed attempts (a disabled account stays locked).
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
        }
        var failure = await SaveAsync<AccountWithPassword>(() => users.RemovePasswordAsync(account))
            ?? await SaveAsync<AccountWithPassword>(() => users.AddPasswordAsync(account, password));
        if (failure is not null)
        {
            return failure;
        }
        await audit.RecordAsync(AuditActions.PasswordReset, AuditTargetType, id.ToString("D"), details: new { by = "administrator" }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminOutcome<AccountWithPassword>.Success(new AccountWithPassword(Details(account), password));
    }

    internal static AccountDetails Details(OfficerAccount account) => new(
        account.Id,
        account.UserName ?? string.Empty,
        account.FullName,
        account.Email,
        account.PhoneNumber,
        account.DisabledAt is null ? AccountStatus.Active : AccountStatus.Disabled,
        account.CreatedAt,
        account.DisabledAt,
        account.MustChangePassword,
        account.TwoFactorEnabled);

    internal static AdminOutcome<T> AccountNotFound<T>() => AdminOutcome<T>.NotFound("AccountNotFound", "There is no officer account with this id.");

    private static AdminOutcome<T> UserNameTaken<T>() => AdminOutcome<T>.Conflict("UserNameTaken", "An account with this user name already exists.");

    private static AdminOutcome<T> EmailTaken<T>() => AdminOutcome<T>.Conflict("EmailTaken", "Another account already uses this e-mail address.");

    /// <summary>Runs one Identity operation; null when it succeeded, otherwise the outcome that explains why not.</summary>
    private static async Task<AdminOutcome<T>?> SaveAsync<T>(Func<Task<IdentityResult>> operation)
    {
        IdentityResult result;
        try
        {
            result = await operation();
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two administrators created the same user name at the same moment: the unique index decided.
            return UserNameTaken<T>();
        }
        if (result.Succeeded)
        {
            return null;
        }
        var codes = result.Errors.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return UserNameTaken<T>();
        }
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            return EmailTaken<T>();
        }
        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return AdminOutcome<T>.Conflict("ConcurrencyFailure", "The account was changed by someone else meanwhile. Reload it and try again.");
        }
        return AdminOutcome<T>.Invalid([.. result.Errors.Select(e => new AdminError(FieldOf(e.Code), e.Code, e.Description))]);
    }

    private static string FieldOf(string identityErrorCode) => identityErrorCode switch
    {
        nameof(IdentityErrorDescriber.InvalidUserName) => "userName",
        nameof(IdentityErrorDescriber.InvalidEmail) => "email",
        _ => string.Empty,
    };
}
