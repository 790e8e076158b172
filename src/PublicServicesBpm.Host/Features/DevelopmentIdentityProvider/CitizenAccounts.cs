using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>The accounts of the development identity provider (schema <c>idp</c>): create, find, check a password.</summary>
internal sealed class CitizenAccounts(AppDbContext db, TimeProvider clock)
{
    private static readonly PasswordHasher<CitizenAccount> s_hasher = new();

    /// <summary>Compared against when the personal ID number is unknown, so both failures take as long.</summary>
    private static readonly string s_unknownAccountHash = s_hasher.HashPassword(new CitizenAccount(), RandomNumberGenerator.GetHexString(32));

    /// <summary>Validates and stores a new account; returns the errors instead when there are any.</summary>
    public async Task<(CitizenAccount? Account, IReadOnlyList<CitizenAccountError> Errors)> CreateAsync(NewCitizenAccount input, CancellationToken cancellationToken)
    {
        var errors = NewCitizenAccountRules.Validate(input, Today());
        if (errors.Count == 0 && await db.CitizenAccounts.AnyAsync(a => a.PersonalIdNumber == input.PersonalIdNumber, cancellationToken))
        {
            errors.Add(new(nameof(input.PersonalIdNumber), CitizenAccountErrors.PersonalIdTaken));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var account = ToAccount(input);
        db.CitizenAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            // Registered by someone else between the check and the insert.
            db.Entry(account).State = EntityState.Detached;
            return (null, [new(nameof(input.PersonalIdNumber), CitizenAccountErrors.PersonalIdTaken)]);
        }
        return (account, []);
    }

    /// <summary>An unsaved account from valid input (for callers that store several at once).</summary>
    public CitizenAccount ToAccount(NewCitizenAccount input)
    {
        var account = new CitizenAccount
        {
            Id = Guid.CreateVersion7(),
            Subject = RandomNumberGenerator.GetHexString(32, lowercase: true),
            PersonalIdNumber = input.PersonalIdNumber,
            FullName = input.FullName.Trim(),
            BirthDate = input.BirthDate!.Value,
            Gender = input.Gender,
            PhoneNumber = Blank(input.PhoneNumber),
            Email = Blank(input.Email),
            Address = Blank(input.Address),
            AssuranceLevel = input.AssuranceLevel,
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = s_hasher.HashPassword(account, input.Password);
        return account;
    }

    public Task<CitizenAccount?> FindByPersonalIdAsync(string personalIdNumber, CancellationToken cancellationToken) =>
        db.CitizenAccounts.SingleOrDefaultAsync(a => a.PersonalIdNumber == personalIdNumber, cancellationToken);

    public Task<CitizenAccount?> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        db.CitizenAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Subject == subject, cancellationToken);

    /// <summary>The account when the password is right; null when the account is unknown or the password wrong (callers must not tell which).</summary>
    public async Task<CitizenAccount?> VerifyPasswordAsync(string personalIdNumber, string password, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(personalIdNumber) ? null : await FindByPersonalIdAsync(personalIdNumber.Trim(), cancellationToken);
        var result = s_hasher.VerifyHashedPassword(account ?? new CitizenAccount(), account?.PasswordHash ?? s_unknownAccountHash, password ?? string.Empty);
        if (account is null || result == PasswordVerificationResult.Failed)
        {
            return null;
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = s_hasher.HashPassword(account, password!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return account;
    }

    /// <summary>Today's date in Vietnam (UTC+7, no daylight saving).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    internal static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
