using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Persistence;

/// <summary>
/// The application's one DbContext. Tables live in schema <c>app</c> (catalogue, dossiers, users, audit, …) or
/// <c>bpm</c> (engine state and history); Hangfire keeps its own tables in schema <c>hangfire</c>.
/// Names are snake_case; every instant is a <c>timestamptz</c> in UTC.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string AppSchema = "app";
    public const string EngineSchema = "bpm";
    public const string HangfireSchema = "hangfire";

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(AppSchema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
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
