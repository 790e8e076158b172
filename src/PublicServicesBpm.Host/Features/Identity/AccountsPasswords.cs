using System.Security.Cryptography;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>Temporary passwords that administrators hand to officers (who must change them at the next sign-in).</summary>
internal static class AccountsPasswords
{
    /// <summary>
    /// 16 characters from every class the password policy asks for (upper, lower, digit, symbol), without the
    /// look-alikes (O/0, l/1/I) since it is read aloud or copied by hand.
    /// </summary>
    public static string Temporary()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!#$%*+-=?@";
        const string all = upper + lower + digits + symbols;
        while (true)
        {
            var characters = new char[16];
            characters[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
            characters[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
            characters[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
            characters[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
            for (var i = 4; i < characters.Length; i++)
            {
                characters[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
            }
            RandomNumberGenerator.Shuffle(characters.AsSpan());
            if (characters.Distinct().Count() >= 8)
            {
                return new string(characters);
            }
        }
    }
}
