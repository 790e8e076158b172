namespace PublicServicesBpm.Persistence.Notifications;

/// <summary>
/// One notification to one person (table <c>app.notifications</c>): what the person sees in the app, and at the same
/// time the outbox entry from which the email and SMS deliveries are made. It is written in the same transaction as
/// the change it tells about, so it is neither lost nor made twice (<see cref="DedupeKey"/> is unique); the dispatcher
/// then sends it on the person's other channels and records every attempt in <see cref="DeliveryAttempt"/>.
/// </summary>
public sealed class NotificationRecord
{
    public const string PendingState = "pending";

    public const string DoneState = "done";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><see cref="RecipientKinds"/>: an officer account, a citizen (applicant subject), or a contact known only from a dossier.</summary>
    public required string RecipientKind { get; init; }

    /// <summary>The officer account id, the applicant's subject, or the dossier id for a contact.</summary>
    public required string RecipientId { get; init; }

    /// <summary>The event (see <c>NotificationEvents</c> in the host): received, supplement-requested, reminder, escalation…</summary>
    public required string Event { get; init; }

    /// <summary>The language the texts were written in (vi-VN or en).</summary>
    public required string Culture { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The short text sent by SMS (the values are not kept, so it is written when the notification is).</summary>
    public required string SmsText { get; init; }

    /// <summary>Where the person acts on it (a path in the app), if anywhere.</summary>
    public string? Link { get; init; }

    public Guid? DossierId { get; init; }

    /// <summary>Makes the notification once: e.g. <c>sla:task:{id}:near-due:{recipient}</c>.</summary>
    public required string DedupeKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary><see cref="PendingState"/> until every external channel was sent or given up, then <see cref="DoneState"/>.</summary>
    public required string DispatchState { get; set; }

    /// <summary>When the dispatcher should (re)try; also a lease while one host sends it.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Email address the email went / goes to (kept for the delivery log), if any.</summary>
    public string? Email { get; set; }

    /// <summary>Phone number the SMS went / goes to, if any.</summary>
    public string? Phone { get; set; }

    /// <summary>Channels still to send (<c>email</c>, <c>sms</c>); empty when done.</summary>
    public string[] PendingChannels { get; set; } = [];
}

/// <summary>One attempt to deliver a notification on one channel (table <c>app.delivery_attempts</c>): the delivery log.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }

    public Guid NotificationId { get; init; }

    /// <summary><c>email</c> or <c>sms</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>1 for the first attempt on the channel.</summary>
    public int Attempt { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary><c>sent</c>, <c>failed</c> (will retry) or <c>gave-up</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The address or number used.</summary>
    public string? Address { get; init; }

    /// <summary>The gateway's or server's answer (message id, error text).</summary>
    public string? Detail { get; init; }
}

/// <summary>
/// One person's choices (table <c>app.notification_preferences</c>): which channels besides the app, the language, and
/// events they do not want on email/SMS. No row = the defaults (email and SMS on when an address is known, Vietnamese).
/// </summary>
public sealed class NotificationPreference
{
    public required string RecipientKind { get; init; }

    public required string RecipientId { get; init; }

    public bool Email { get; set; } = true;

    public bool Sms { get; set; } = true;

    public string Culture { get; set; } = "vi-VN";

    /// <summary>Events sent in the app only (not by email or SMS).</summary>
    public string[] MutedEvents { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Who a notification is for.</summary>
public static class RecipientKinds
{
    public const string Officer = "officer";

    public const string Applicant = "applicant";

    /// <summary>An applicant without an account (a walk-in dossier): email and SMS only, from the dossier's contact data.</summary>
    public const string Contact = "contact";
}
