using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>
/// Writes each mail as one RFC 5322 message (<c>.eml</c>, UTF-8, 8-bit body) into a directory: for development,
/// tests, and relays that collect a pickup directory. The file appears under its final name only when complete.
/// </summary>
internal sealed class PickupDirectoryOfficerMailer(string directory, MailAddress from, TimeProvider clock, ILogger<PickupDirectoryOfficerMailer> logger) : IOfficerMailer
{
    public async Task SendAsync(OfficerMail mail, CancellationToken cancellationToken)
    {
        var to = new MailAddress(mail.To);
        var name = Guid.CreateVersion7().ToString("N");
        var text = Compose(from, to, mail.Subject, mail.Body, clock.GetUtcNow(), name);
        Directory.CreateDirectory(directory);
        var partial = Path.Combine(directory, name + ".tmp");
        var final = Path.Combine(directory, name + ".eml");
        await File.WriteAllTextAsync(partial, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(partial, final);
        logger.LogInformation("Mail {Subject} written to {File} (no SMTP host configured)", mail.Subject, final);
    }

    internal static string Compose(MailAddress from, MailAddress to, string subject, string body, DateTimeOffset date, string id)
    {
        var message = new StringBuilder();
        message.Append("Date: ").Append(date.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)).Append("\r\n");
        message.Append("From: ").Append(Address(from)).Append("\r\n");
        message.Append("To: ").Append(Address(to)).Append("\r\n");
        message.Append("Subject: ").Append(EncodedWords(subject)).Append("\r\n");
        message.Append("Message-ID: <").Append(id).Append('@').Append(from.Host).Append(">\r\n");
        message.Append("MIME-Version: 1.0\r\n");
        message.Append("Content-Type: text/plain; charset=utf-8\r\n");
        message.Append("Content-Transfer-Encoding: 8bit\r\n");
        message.Append("\r\n");
        foreach (var line in body.ReplaceLineEndings("\n").Split('\n'))
        {
            message.Append(line).Append("\r\n");
        }
        return message.ToString();
    }

    private static string Address(MailAddress address) =>
        string.IsNullOrEmpty(address.DisplayName) ? $"<{address.Address}>" : $"{EncodedWords(address.DisplayName)} <{address.Address}>";

    /// <summary>RFC 2047 "B" encoded words, folded so that no line gets long; ASCII text without specials stays as it is.</summary>
    private static string EncodedWords(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~' && c is not ('"' or '(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '[' or ']' or '=' or '?')))
        {
            return text;
        }
        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            // 39 bytes of UTF-8 become 52 base64 characters, a 64-character word: with "Subject: " a line stays under 78.
            if (Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 39)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }
            chunk.Append(rune.ToString());
        }
        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }
        return string.Join("\r\n ", words);
    }

    private static string Word(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}
