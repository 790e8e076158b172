using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>What the notifier needs to know about one recipient: their choices and the addresses known for them.</summary>
internal sealed record RecipientProfile(string Culture, bool EmailOn, bool SmsOn, IReadOnlyList<string> MutedEvents, string? Email, string? Phone);

/// <summary>
/// Looks up recipients' preferences and addresses, a few queries for any number of recipients: officers from their
/// account (email, phone); applicants from their profile (the identity provider's data), else their citizen account,
/// else the dossier's contact data; contacts from the dossier's contact data only.
/// </summary>
internal sealed class NotificationAddressBook(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<(string Kind, string Id), RecipientProfile>> LookUpAsync(
        IReadOnlyList<NotificationRecipient> recipients, CancellationToken cancellationToken)
    {
        var ids = recipients.Select(r => r.Id).Distinct().ToList();
        var preferences = (await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.RecipientId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.RecipientKind, p.RecipientId));
        var officers = await OfficersAsync(recipients, cancellationToken);
        var applicants = await ApplicantsAsync(recipients, cancellationToken);
        var result = new Dictionary<(string, string), RecipientProfile>();
        foreach (var recipient in recipients)
        {
            var (email, phone) = recipient.Kind switch
            {
                RecipientKinds.Officer => officers.GetValueOrDefault(recipient.Id),
                RecipientKinds.Applicant => applicants.GetValueOrDefault(recipient.Id),
                _ => default,
            };
            email = Usable(email, 320) ?? Usable(recipient.ContactEmail, 320);
            phone = Usable(phone, 32) ?? Usable(recipient.ContactPhone, 32);
            var preference = preferences.GetValueOrDefault((recipient.Kind, recipient.Id));
            result[(recipient.Kind, recipient.Id)] = preference is null
                ? new RecipientProfile(NotificationTemplates.Vietnamese, true, true, [], email, phone)
                : new RecipientProfile(NotificationTemplates.NormalizeCulture(preference.Culture) ?? NotificationTemplates.Vietnamese,
                    preference.Email, preference.Sms, preference.MutedEvents, email, phone);
        }
        return result;
    }

    private async Task<Dictionary<string, (string? Email, string? Phone)>> OfficersAsync(IReadOnlyList<NotificationRecipient> recipients, CancellationToken cancellationToken)
    {
        var ids = recipients.Where(r => r.Kind == RecipientKinds.Officer).Select(r => Guid.TryParse(r.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DisabledAt == null)
            .Select(u => new { u.Id, u.Email, u.PhoneNumber }).ToListAsync(cancellationToken);
        return accounts.ToDictionary(a => a.Id.ToString("D"), a => (a.Email, a.PhoneNumber));
    }

    private async Task<Dictionary<string, (string? Email, string? Phone)>> ApplicantsAsync(IReadOnlyList<NotificationRecipient> recipients, CancellationToken cancellationToken)
    {
        var ids = recipients.Where(r => r.Kind == RecipientKinds.Applicant).Select(r => Guid.TryParse(r.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var profiles = await db.ApplicantProfiles.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Subject, p.Email, p.PhoneNumber }).ToListAsync(cancellationToken);
        // The provider may not send email or phone; the citizen account (same subject) may know them.
        var subjects = profiles.Where(p => p.Email is null || p.PhoneNumber is null).Select(p => p.Subject).ToList();
        var accounts = subjects.Count == 0
            ? []
            : (await db.CitizenAccounts.AsNoTracking().Where(a => subjects.Contains(a.Subject)).Select(a => new { a.Subject, a.Email, a.PhoneNumber }).ToListAsync(cancellationToken))
                .ToDictionary(a => a.Subject);
        return profiles.ToDictionary(p => p.Id.ToString("D"), p =>
        {
            var account = accounts.GetValueOrDefault(p.Subject);
            return (Usable(p.Email, 320) ?? account?.Email, Usable(p.PhoneNumber, 32) ?? account?.PhoneNumber);
        });
    }

    private static string? Usable(string? address, int maxLength) =>
        string.IsNullOrWhiteSpace(address) || address.Trim().Length > maxLength ? null : address.Trim();
}
