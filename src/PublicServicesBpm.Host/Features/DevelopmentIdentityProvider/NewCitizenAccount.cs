namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>What a new account of the development provider is made from (registration page or demo seeding).</summary>
internal sealed record NewCitizenAccount(
    string PersonalIdNumber,
    string FullName,
    DateOnly? BirthDate,
    string Gender,
    string? PhoneNumber,
    string? Email,
    string? Address,
    string Password,
    int AssuranceLevel);

/// <summary>Which field of a <see cref="NewCitizenAccount"/> is wrong and why; pages turn the code into a sentence.</summary>
internal sealed record CitizenAccountError(string Field, string Code);

/// <summary>The reasons a new account is refused (the codes of <see cref="CitizenAccountError"/>).</summary>
internal static class CitizenAccountErrors
{
    public const string PersonalIdFormat = "PersonalIdFormat";
    public const string PersonalIdTaken = "PersonalIdTaken";
    public const string FullNameRequired = "FullNameRequired";
    public const string FullNameTooLong = "FullNameTooLong";
    public const string BirthDateRequired = "BirthDateRequired";
    public const string BirthDateNotPast = "BirthDateNotPast";
    public const string GenderInvalid = "GenderInvalid";
    public const string PhoneInvalid = "PhoneInvalid";
    public const string EmailInvalid = "EmailInvalid";
    public const string AddressTooLong = "AddressTooLong";
    public const string PasswordTooShort = "PasswordTooShort";
    public const string AssuranceLevelInvalid = "AssuranceLevelInvalid";
}

/// <summary>The <c>gender</c> claim values, as OpenID Connect spells them.</summary>
internal static class Genders
{
    public const string Male = "male";
    public const string Female = "female";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Male, Female, Other];
}

/// <summary>The checks a new account must pass before it is stored (uniqueness is checked by the store).</summary>
internal static class NewCitizenAccountRules
{
    public const int MinimumPasswordLength = 10;

    public static List<CitizenAccountError> Validate(NewCitizenAccount account, DateOnly today)
    {
        var errors = new List<CitizenAccountError>();
        if (account.PersonalIdNumber is not { Length: 12 } id || !id.All(char.IsAsciiDigit))
        {
            errors.Add(new(nameof(account.PersonalIdNumber), CitizenAccountErrors.PersonalIdFormat));
        }
        if (string.IsNullOrWhiteSpace(account.FullName))
        {
            errors.Add(new(nameof(account.FullName), CitizenAccountErrors.FullNameRequired));
        }
        else if (account.FullName.Trim().Length > 200)
        {
            errors.Add(new(nameof(account.FullName), CitizenAccountErrors.FullNameTooLong));
        }
        if (account.BirthDate is not { } birthDate)
        {
            errors.Add(new(nameof(account.BirthDate), CitizenAccountErrors.BirthDateRequired));
        }
        else if (birthDate >= today)
        {
            errors.Add(new(nameof(account.BirthDate), CitizenAccountErrors.BirthDateNotPast));
        }
        if (!Genders.All.Contains(account.Gender))
        {
            errors.Add(new(nameof(account.Gender), CitizenAccountErrors.GenderInvalid));
        }
        if (!string.IsNullOrWhiteSpace(account.PhoneNumber) && !IsPhoneNumber(account.PhoneNumber.Trim()))
        {
            errors.Add(new(nameof(account.PhoneNumber), CitizenAccountErrors.PhoneInvalid));
        }
        if (!string.IsNullOrWhiteSpace(account.Email) && !IsEmail(account.Email.Trim()))
        {
            errors.Add(new(nameof(account.Email), CitizenAccountErrors.EmailInvalid));
        }
        if (account.Address?.Trim().Length > 500)
        {
            errors.Add(new(nameof(account.Address), CitizenAccountErrors.AddressTooLong));
        }
        if (account.Password is null || account.Password.Length < MinimumPasswordLength)
        {
            errors.Add(new(nameof(account.Password), CitizenAccountErrors.PasswordTooShort));
        }
        if (account.AssuranceLevel is not (1 or 2))
        {
            errors.Add(new(nameof(account.AssuranceLevel), CitizenAccountErrors.AssuranceLevelInvalid));
        }
        return errors;
    }

    /// <summary>9 to 15 digits, optionally after a leading +, e.g. 0912345678 or +84912345678.</summary>
    private static bool IsPhoneNumber(string value)
    {
        var digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is >= 9 and <= 15 && digits.All(char.IsAsciiDigit);
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= 256 && at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}
