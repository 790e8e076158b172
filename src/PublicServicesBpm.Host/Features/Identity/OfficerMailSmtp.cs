using System.Net;
using System.Net.Mail;
using System.Text;

namespace PublicServicesBpm.Host.Features.Identity;

internal sealed record SmtpSettings(string Host, int Port, bool EnableSsl, string? UserName, string? Password);

/// <summary>Sends each mail through the configured SMTP relay (a new connection per mail: mail is rare here).</summary>
internal sealed class SmtpOfficerMailer(SmtpSettings settings, MailAddress from) : IOfficerMailer
{
    public async Task SendAsync(OfficerMail mail, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(from, new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            Body = mail.Body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Credentials = string.IsNullOrEmpty(settings.UserName) ? null : new NetworkCredential(settings.UserName, settings.Password),
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}
