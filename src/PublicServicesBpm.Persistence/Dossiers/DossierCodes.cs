using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace PublicServicesBpm.Persistence.Dossiers;

/// <summary>
/// Dossier codes (lifecycle.md): <c>&lt;agency identifier&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;</c>, e.g.
/// <c>000.00.06.H56-231027-0361</c> — the receiving agency's official code, the receipt date in Vietnam time and the
/// day's sequence of that agency, restarting each day. The number comes from one upsert on
/// <c>app.dossier_code_sequences</c> inside the caller's transaction: the row lock serialises concurrent receipts of
/// the same agency and day (on any host), and a rolled-back receipt leaves a gap, never a duplicate. Past 9,999 a
/// day the number simply grows to five digits. Beside the code, a random lookup secret lets the public lookup
/// refuse someone who only knows (or guesses) a code.
/// </summary>
public static class DossierCodes
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read from paper (no 0/O, 1/I/L).</summary>
    private const string SecretAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Length of the lookup secret: 31^8 ≈ 8.5 × 10^11 possibilities, with the lookup rate-limited.</summary>
    public const int SecretLength = 8;

    private static readonly TimeZoneInfo s_vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>Takes the next number of <paramref name="agencyCode"/> for the day of <paramref name="receivedAt"/> and returns the code.</summary>
    public static async Task<string> NextAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string agencyCode, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyCode);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, s_vietnam).DateTime);
        await using var command = new NpgsqlCommand("""
            INSERT INTO app.dossier_code_sequences (agency_code, day, last_number) VALUES (@agency, @day, 1)
            ON CONFLICT (agency_code, day) DO UPDATE SET last_number = app.dossier_code_sequences.last_number + 1
            RETURNING last_number
            """, connection, transaction);
        command.Parameters.AddWithValue("agency", agencyCode);
        command.Parameters.AddWithValue("day", day);
        var number = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Format(agencyCode, day, number);
    }

    /// <summary>The code for a given agency, day and number (four digits at least).</summary>
    public static string Format(string agencyCode, DateOnly day, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{day:yyMMdd}-{number:0000}");

    /// <summary>A new random lookup secret (<see cref="SecretLength"/> characters from an unambiguous alphabet).</summary>
    public static string NewLookupSecret() => RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);
}
