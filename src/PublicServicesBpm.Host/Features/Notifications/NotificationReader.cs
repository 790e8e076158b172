using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>The signed-in person as a notification recipient: an officer by account id, an applicant by subject.</summary>
internal sealed record NotificationReader(string Kind, string Id)
{
    /// <summary>The caller, or null when they are neither an officer nor an applicant.</summary>
    public static async Task<NotificationReader?> CurrentAsync(DossierAccess access, CancellationToken cancellationToken) =>
        await access.CurrentAsync(cancellationToken) switch
        {
            DossierViewer.Officer officer => new(RecipientKinds.Officer, officer.Subject),
            DossierViewer.Applicant applicant => new(RecipientKinds.Applicant, applicant.Subject),
            _ => null,
        };
}
