using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// Who to tell. <see cref="Kind"/> is one of <see cref="RecipientKinds"/>: an officer (<see cref="Id"/> = account id,
/// "D" format), an applicant (<see cref="Id"/> = their subject, as <c>dossiers.owner_subject</c>), or a contact known only
/// from a dossier (<see cref="Id"/> = the dossier id; no in-app channel). <see cref="ContactEmail"/> and
/// <see cref="ContactPhone"/> are the dossier's applicant data, used when no account gives an address.
/// </summary>
internal sealed record NotificationRecipient(string Kind, string Id, string? ContactEmail = null, string? ContactPhone = null);

/// <summary>
/// One notification to write. <see cref="Values"/> fill the template's named placeholders (<c>{code}</c>, <c>{procedure}</c>,
/// <c>{step}</c>, <c>{dueAt}</c>, <c>{appointment}</c>, <c>{newAppointment}</c>, <c>{agency}</c>, <c>{applicant}</c>,
/// <c>{officer}</c>); <see cref="DedupeKey"/> makes it once, however often it is asked for.
/// </summary>
internal sealed record NotificationRequest(
    NotificationRecipient Recipient,
    string Event,
    IReadOnlyDictionary<string, string> Values,
    string? Link,
    Guid? DossierId,
    string DedupeKey);

/// <summary>The delivery channels besides the app.</summary>
internal static class NotificationChannels
{
    public const string Email = "email";

    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [Email, Sms];
}

/// <summary>The outcomes a <see cref="DeliveryAttempt"/> records.</summary>
internal static class DeliveryOutcomes
{
    public const string Sent = "sent";

    /// <summary>Failed; the dispatcher tries again later.</summary>
    public const string Failed = "failed";

    /// <summary>Failed for the last time (or for good): the channel is dropped.</summary>
    public const string GaveUp = "gave-up";

    public static readonly IReadOnlyList<string> All = [Sent, Failed, GaveUp];
}
