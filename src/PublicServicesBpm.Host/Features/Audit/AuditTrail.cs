using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Host.Features.Audit;

/// <summary>
/// Records who did what, when and from where into the hash-chained audit log. Call it inside the command's
/// transaction (on the request's <see cref="AppDbContext"/>) so the entry and the change commit together.
/// Every state-changing command and every read of someone's personal data records one entry.
/// </summary>
internal sealed class AuditTrail(AppDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    private const int MaxUserAgentLength = 512;

    /// <summary>
    /// The record for a command that commits elsewhere (the workflow runtime appends it to its own one-commit batch):
    /// the caller (or <paramref name="actor"/>), address and user agent.
    /// </summary>
    public AuditRecord Describe(
        string action, string? targetType = null, string? targetId = null, Guid? dossierId = null, object? details = null, ClaimsPrincipal? actor = null)
    {
        var context = httpContextAccessor.HttpContext;
        var (kind, id, name) = Actor(actor ?? context?.User);
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        return new AuditRecord(
            kind, id, name, action, targetType, targetId, dossierId,
            context?.Connection.RemoteIpAddress?.ToString(),
            string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, MaxUserAgentLength)],
            AuditOutcome.Succeeded,
            details is null ? null : JsonSerializer.Serialize(details, JsonOptions));
    }

    /// <summary>Appends an entry now, on the request's <see cref="AppDbContext"/> and inside its current transaction.</summary>
    public Task<long> RecordAsync(
        string action,
        string? targetType = null,
        string? targetId = null,
        Guid? dossierId = null,
        string outcome = AuditOutcome.Succeeded,
        object? details = null,
        ClaimsPrincipal? actor = null,
        CancellationToken cancellationToken = default) =>
        AuditLogWriter.AppendAsync(
            db, Describe(action, targetType, targetId, dossierId, details, actor) with { Outcome = outcome }, clock.GetUtcNow(), cancellationToken);

    /// <summary>A read of a person's data: which person (or record) and which kinds of data were shown.</summary>
    public Task<long> RecordPersonalDataReadAsync(string targetType, string targetId, Guid? dossierId = null, object? details = null, CancellationToken cancellationToken = default) =>
        RecordAsync(AuditActions.PersonalDataRead, targetType, targetId, dossierId, AuditOutcome.Succeeded, details, actor: null, cancellationToken);

    /// <summary>Who the principal is, for the log: officer account, applicant, API client, or nobody.</summary>
    internal static (string Kind, string? Id, string? Name) Actor(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return (AuditActorKind.Anonymous, null, null);
        }
        if (identity.AuthenticationType == Schemes.Officer)
        {
            return (AuditActorKind.Officer, user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Name));
        }
        if (user.FindFirstValue(CitizenClaims.ApplicantId) is { } applicantId)
        {
            return (AuditActorKind.Applicant, applicantId, user.FindFirstValue(CitizenClaims.FullName));
        }
        if ((user.FindFirstValue(OpenIddictConstants.Claims.ClientId) ?? user.FindFirstValue(OpenIddictConstants.Claims.Subject)) is { } clientId)
        {
            return (AuditActorKind.Partner, clientId, user.FindFirstValue(OpenIddictConstants.Claims.Name));
        }
        return (AuditActorKind.Anonymous, null, identity.Name);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>Action names in the audit log (dotted, past tense). Add new ones here so auditors have one list.</summary>
internal static class AuditActions
{
    public const string PersonalDataRead = "personal-data.read";
    public const string OfficerSignedIn = "officer.signed-in";
    public const string OfficerSignInFailed = "officer.sign-in-failed";
    public const string OfficerLockedOut = "officer.locked-out";
    public const string OfficerSignedOut = "officer.signed-out";
    public const string ApplicantSignedIn = "applicant.signed-in";
    public const string ApplicantSignedOut = "applicant.signed-out";
    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordResetRequested = "account.password-reset-requested";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string TwoFactorDisabled = "account.two-factor-disabled";
    public const string GrantAdded = "grant.added";
    public const string GrantRevoked = "grant.revoked";
    public const string AccountTransferred = "account.transferred";
    public const string ClientCreated = "client.created";
    public const string ClientDeleted = "client.deleted";
    public const string TokenIssued = "client.token-issued";
    public const string AccessDenied = "access.denied";
    public const string AuditVerified = "audit.verified";
    public const string DefinitionDeployed = "definition.deployed";
    public const string DefinitionRetired = "definition.retired";
    public const string DefinitionReinstated = "definition.reinstated";
    public const string InstanceStarted = "instance.started";
    public const string InstanceCancelled = "instance.cancelled";
    public const string InstanceSuspended = "instance.suspended";
    public const string InstanceResumed = "instance.resumed";
    public const string MessageCorrelated = "message.correlated";
    public const string IncidentRetried = "incident.retried";
    public const string TaskClaimed = "task.claimed";
    public const string TaskUnclaimed = "task.unclaimed";
    public const string TaskAssigned = "task.assigned";
    public const string TaskDelegated = "task.delegated";
    public const string TaskCompleted = "task.completed";
}
