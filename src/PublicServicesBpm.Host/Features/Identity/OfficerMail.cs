using System.Net.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicServicesBpm.Host.Features.Identity;

/// <summary>A plain-text mail to one officer (password reset links and the like).</summary>
internal sealed record OfficerMail(string To, string Subject, string Body);

/// <summary>Sends mail to officers: through SMTP in production, into a pickup directory otherwise.</summary>
internal interface IOfficerMailer
{
    Task SendAsync(OfficerMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// Chooses the mailer from configuration: <c>Mail:Smtp:Host</c> set → SMTP (<c>Port</c>, <c>EnableSsl</c>,
/// <c>UserName</c>, <c>Password</c> from the environment or a secrets store, never the repository); otherwise
/// one <c>.eml</c> file per mail in <c>Mail:PickupDirectory</c> (default <c>.data/mail</c>, relative to the
/// working directory). The sender is <c>Mail:From</c>.
/// </summary>
internal static class OfficerMailServices
{
    public const string DefaultPickupDirectory = ".data/mail";
    public const string DefaultFrom = "PublicServicesBpm <no-reply@localhost.localdomain>";

    /// <summary>Registers <see cref="IOfficerMailer"/> (idempotent: a second call changes nothing).</summary>
    public static IServiceCollection AddOfficerMail(this IServiceCollection services)
    {
        services.TryAddSingleton<IOfficerMailer>(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var from = new MailAddress(configuration["Mail:From"] ?? DefaultFrom);
            var smtp = configuration.GetSection("Mail:Smtp");
            if (!string.IsNullOrWhiteSpace(smtp["Host"]))
            {
                return new SmtpOfficerMailer(
                    new SmtpSettings(smtp["Host"]!, smtp.GetValue("Port", 587), smtp.GetValue("EnableSsl", true), smtp["UserName"], smtp["Password"]),
                    from);
            }
            var directory = Path.GetFullPath(configuration["Mail:PickupDirectory"] ?? DefaultPickupDirectory);
            return new PickupDirectoryOfficerMailer(directory, from, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<PickupDirectoryOfficerMailer>>());
        });
        return services;
    }
}
