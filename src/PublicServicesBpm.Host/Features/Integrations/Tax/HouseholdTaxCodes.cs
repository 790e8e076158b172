using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PublicServicesBpm.Host.Features.Integrations.Tax;

/// <summary>
/// Makes the simulator's 10-digit tax codes. The code is derived from the idempotency key, so the same key always
/// gets the same code (also after a restart) without storing anything; the tenth digit is a mod-11 check digit over
/// the first nine with the weights commonly documented for Vietnamese tax codes (31, 29, 23, 19, 17, 13, 7, 5, 3).
/// </summary>
internal static class HouseholdTaxCodes
{
    private static readonly int[] s_weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static string ForKey(string idempotencyKey)
    {
        // Nine digits from the hash; a body whose check digit would be 10 is skipped by hashing again.
        var seed = Encoding.UTF8.GetBytes(idempotencyKey);
        for (var round = 0; ; round++)
        {
            var hash = SHA256.HashData([.. seed, (byte)round]);
            var body = (BitConverter.ToUInt64(hash, 0) % 900_000_000UL) + 100_000_000UL;
            var digits = body.ToString(CultureInfo.InvariantCulture);
            if (CheckDigit(digits) is { } check)
            {
                return digits + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>True when <paramref name="code"/> has 10 digits and a valid check digit.</summary>
    public static bool IsValid(string code) =>
        code.Length == 10 && code.All(char.IsAsciiDigit) && CheckDigit(code[..9]) == code[9] - '0';

    private static int? CheckDigit(string nineDigits)
    {
        var sum = nineDigits.Select((digit, i) => (digit - '0') * s_weights[i]).Sum();
        var check = 10 - (sum % 11);
        return check is >= 0 and <= 9 ? check : null;
    }
}
