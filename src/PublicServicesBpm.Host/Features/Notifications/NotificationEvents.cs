namespace PublicServicesBpm.Host.Features.Notifications;

/// <summary>
/// What a notification tells about. Each code is also the key prefix of its texts in
/// Resources/NotificationResource(.en).resx: <c>{event}.subject</c>, <c>{event}.sms</c> and <c>{event}.body</c>.
/// </summary>
internal static class NotificationEvents
{
    /// <summary>To the applicant: the dossier was received (code, procedure, agency, appointment).</summary>
    public const string Received = "received";

    /// <summary>To the applicant: components to add or fix (form 02).</summary>
    public const string SupplementRequested = "supplement-requested";

    /// <summary>To the applicant: fees to pay before processing continues.</summary>
    public const string PaymentRequested = "payment-requested";

    /// <summary>To the applicant: the result is ready to collect.</summary>
    public const string ResultReady = "result-ready";

    /// <summary>To the applicant: the dossier is late; an apology with a new appointment (form 04).</summary>
    public const string LateWithApology = "late-apology";

    /// <summary>To the officer or group: a step was assigned.</summary>
    public const string TaskAssigned = "task-assigned";

    /// <summary>To the assignee or group: a step is near its due time.</summary>
    public const string Reminder = "reminder";

    /// <summary>To the assignee or group: a step is overdue.</summary>
    public const string Overdue = "overdue";

    /// <summary>To the department head / unit leader: a step or dossier is overdue.</summary>
    public const string Escalation = "escalation";

    /// <summary>To the unit: the dossier will be late; propose an apology and a new appointment (form 04).</summary>
    public const string ApologyProposal = "apology-proposal";

    public static readonly IReadOnlyList<string> All =
    [
        Received, SupplementRequested, PaymentRequested, ResultReady, LateWithApology,
        TaskAssigned, Reminder, Overdue, Escalation, ApologyProposal,
    ];

    public static bool IsKnown(string code) => All.Contains(code, StringComparer.Ordinal);
}
