using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Configurations;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Persistence;

/// <summary>
/// The application's one DbContext. Tables live in schema <c>app</c> (catalogue, dossiers, users, audit, …) or
/// <c>bpm</c> (engine state and history); Hangfire keeps its own tables in schema <c>hangfire</c>, and the
/// built-in development identity provider its citizen accounts in <c>idp</c>. Officer accounts are ASP.NET Core
/// Identity users; OpenID Connect clients and tokens are OpenIddict's entities.
/// Names are snake_case; every instant is a <c>timestamptz</c> in UTC.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityUserContext<OfficerAccount, Guid>(options), IDataProtectionKeyContext
{
    public const string AppSchema = "app";
    public const string EngineSchema = "bpm";
    public const string HangfireSchema = "hangfire";
    public const string DevelopmentIdentityProviderSchema = "idp";

    /// <summary>ASP.NET Core data-protection keys, shared by every host process (cookies, anti-forgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Deployed versions of the executable processes (one row per key and version).</summary>
    public DbSet<ProcessDefinitionVersion> ProcessDefinitionVersions => Set<ProcessDefinitionVersion>();

    public DbSet<ProcessInstanceRecord> ProcessInstances => Set<ProcessInstanceRecord>();

    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();

    public DbSet<TimerRecord> Timers => Set<TimerRecord>();

    public DbSet<MessageSubscriptionRecord> MessageSubscriptions => Set<MessageSubscriptionRecord>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    public DbSet<HistoryEventRecord> HistoryEvents => Set<HistoryEventRecord>();

    public DbSet<CommandReceiptRecord> CommandReceipts => Set<CommandReceiptRecord>();

    public DbSet<CalledProcessRecord> CalledProcesses => Set<CalledProcessRecord>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ApplicantProfile> ApplicantProfiles => Set<ApplicantProfile>();

    /// <summary>Accounts of the built-in development identity provider (stand-in for VNeID).</summary>
    public DbSet<CitizenAccount> CitizenAccounts => Set<CitizenAccount>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>Deployed versions of the electronic forms (form-js schemas).</summary>
    public DbSet<Forms.FormVersion> FormVersions => Set<Forms.FormVersion>();

    /// <summary>Notifications to officers and citizens (in the app, and the outbox of their email and SMS).</summary>
    public DbSet<Notifications.NotificationRecord> Notifications => Set<Notifications.NotificationRecord>();

    /// <summary>The delivery log: every email and SMS attempt.</summary>
    public DbSet<Notifications.DeliveryAttempt> DeliveryAttempts => Set<Notifications.DeliveryAttempt>();

    /// <summary>Each person's notification channels, language and muted events.</summary>
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();

    /// <summary>The designer studio's unpublished workflows and forms.</summary>
    public DbSet<Designer.DesignerDraft> DesignerDrafts => Set<Designer.DesignerDraft>();

    /// <summary>Substitute days off and swapped working days entered by administrators, with their history.</summary>
    public DbSet<Calendar.CalendarAdjustmentRecord> CalendarAdjustments => Set<Calendar.CalendarAdjustmentRecord>();

    /// <summary>The last dossier number per agency and day (dossier codes).</summary>
    public DbSet<Dossiers.DossierCodeSequence> DossierCodeSequences => Set<Dossiers.DossierCodeSequence>();

    /// <summary>Dossiers and their components, files, history, supplementation rounds, payments, messages and apologies.</summary>
    public DbSet<Dossiers.DossierRecord> Dossiers => Set<Dossiers.DossierRecord>();

    public DbSet<Dossiers.DossierComponentRecord> DossierComponents => Set<Dossiers.DossierComponentRecord>();

    public DbSet<Dossiers.DossierFileRecord> DossierFiles => Set<Dossiers.DossierFileRecord>();

    public DbSet<Dossiers.DossierEventRecord> DossierEvents => Set<Dossiers.DossierEventRecord>();

    public DbSet<Dossiers.DossierSupplementationRecord> DossierSupplementations => Set<Dossiers.DossierSupplementationRecord>();

    public DbSet<Dossiers.DossierPaymentRecord> DossierPayments => Set<Dossiers.DossierPaymentRecord>();

    public DbSet<Dossiers.DossierMessageRecord> DossierMessages => Set<Dossiers.DossierMessageRecord>();

    public DbSet<Dossiers.DossierApologyRecord> DossierApologies => Set<Dossiers.DossierApologyRecord>();

    /// <summary>Shared catalogues (H2): every period of validity of each entry.</summary>
    public DbSet<Catalogue.AgencyPeriod> AgencyPeriods => Set<Catalogue.AgencyPeriod>();

    public DbSet<Catalogue.AdministrativeUnitPeriod> AdministrativeUnits => Set<Catalogue.AdministrativeUnitPeriod>();

    public DbSet<Catalogue.SectorPeriod> Sectors => Set<Catalogue.SectorPeriod>();

    public DbSet<Catalogue.DocumentTypePeriod> DocumentTypes => Set<Catalogue.DocumentTypePeriod>();

    /// <summary>The procedure catalogue (H3): procedures and their versions.</summary>
    public DbSet<Catalogue.Procedure> Procedures => Set<Catalogue.Procedure>();

    public DbSet<Catalogue.ProcedureVersion> ProcedureVersions => Set<Catalogue.ProcedureVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(AppSchema);
        IdentityTableNames.Apply(builder);
        builder.UseOpenIddict<Guid>();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // DateTime values are stored as timestamptz and must be UTC (Npgsql rejects other kinds); prefer DateTimeOffset.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp with time zone");
        // Instants are stored in UTC whatever offset the caller's clock uses (Vietnam's clock says +07:00).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
