using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>One plain-text email of notification <see cref="NotificationId"/>.</summary>
internal sealed record EmailMessage(Guid NotificationId, string To, string Subject, string Body);

/// <summary>Sends notification emails (the port to the mail system).</summary>
internal interface IEmailSender
{
    /// <summary>Sends the mail; returns the server's answer for the delivery log. Throws when the mail was not accepted.</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through the configured SMTP relay with MailKit (<c>Notifications:Smtp</c>). Each mail carries a Message-ID made
/// from the notification id (<c>&lt;{id}@publicservicesbpm&gt;</c>), so a re-send after a crash is recognisable as the
/// same mail by servers and people alike.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<NotificationOptions> options, TimeProvider clock) : IEmailSender
{
    public const string MessageIdDomain = "publicservicesbpm";

    public static string MessageIdFor(Guid notificationId) => $"{notificationId:D}@{MessageIdDomain}";

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Notifications:Smtp:Host is not set: email is not a channel.");
        }
        using var mime = new MimeMessage
        {
            MessageId = MessageIdFor(message.NotificationId),
            Date = clock.GetUtcNow(),
            Subject = message.Subject,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body },
        };
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, timeout.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, timeout.Token);
            }
            var answer = await client.SendAsync(mime, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server did not answer within {smtp.Timeout.TotalSeconds:0} s.");
        }
    }
}
